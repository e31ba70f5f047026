// Validates a user's ClientConfig once, at client creation, and fills in the defaults. Every
// error names the option and the values it accepts.
import type { Logger } from '../logging/logger';
import type { OfficialLogger } from '../logging/official-logger';
import { InvalidConfigurationError } from '../errors';
import type { LoadBalancer } from '../cluster/load-balancer';
import type { MembershipListener } from '../cluster/membership';
import type { LifecycleState } from '../lifecycle/lifecycle-state';
import { LoadBalancerType, ReconnectMode, type ClientConfig, type TokenCredentials, type UsernamePasswordCredentials } from './client-config';
import { PROPERTY_DEFAULTS, type PropertyName } from './properties';

/** Log levels accepted by `hazelcast.logging.level` (pino's, or the official client's upper-case names). */
const LOG_LEVELS = ['OFF', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE', 'FATAL', 'SILENT'];

export interface ResolvedRetryConfig {
  initialBackoffMillis: number;
  maxBackoffMillis: number;
  /** -1: never give up. */
  clusterConnectTimeoutMillis: number;
  multiplier: number;
  jitter: number;
}

/** The configuration with every default applied; what the client's services read. */
export interface ResolvedConfig {
  clusterName: string;
  instanceName: string | null;
  clientLabels: string[];
  network: {
    clusterMembers: string[];
    cloudDiscoveryToken: string | null;
    connectionTimeout: number;
    redoOperation: boolean;
    smartRouting: boolean;
    ssl: { enabled: boolean; options: import('node:tls').ConnectionOptions };
  };
  connectionStrategy: { asyncStart: boolean; reconnectMode: ReconnectMode; retry: ResolvedRetryConfig };
  loadBalancer: { type: LoadBalancerType; custom: LoadBalancer | null };
  lifecycleListeners: Array<(state: LifecycleState) => void>;
  membershipListeners: MembershipListener[];
  security: { usernamePassword: UsernamePasswordCredentials | null; token: TokenCredentials | null };
  backupAckToClientEnabled: boolean;
  heartbeatIntervalMillis: number;
  heartbeatTimeoutMillis: number;
  invocationTimeoutMillis: number;
  invocationRetryPauseMillis: number;
  operationBackupTimeoutMillis: number;
  failOnIndeterminateOperationState: boolean;
  maxConcurrentInvocations: number;
  invocationBackoffTimeoutMillis: number;
  statistics: { enabled: boolean; periodSeconds: number };
  cloudUrl: string;
  shuffleMemberList: boolean;
  socketNoDelay: boolean;
  writeCoalesceBytes: number;
  logging: { logger: Logger | OfficialLogger | null; level: string };
  /** The user's object, for feature packages that read their own sections. */
  source: ClientConfig;
}

const TOP_LEVEL_KEYS = [
  'clusterName',
  'instanceName',
  'clientLabels',
  'network',
  'connectionStrategy',
  'loadBalancer',
  'lifecycleListeners',
  'membershipListeners',
  'security',
  'backupAckToClientEnabled',
  'metrics',
  'properties',
  'customLogger',
  'serialization',
  'nearCaches',
  'reliableTopics',
  'flakeIdGenerators',
];

function fail(option: string, accepted: string, got: unknown): never {
  const shown = typeof got === 'string' ? `"${got}"` : typeof got === 'object' ? JSON.stringify(got) : String(got);
  throw new InvalidConfigurationError(`Invalid configuration: ${option} must be ${accepted}, got ${shown}`);
}

function object(option: string, v: unknown, keys: readonly string[]): Record<string, unknown> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) fail(option, 'an object', v);
  for (const k of Object.keys(v)) {
    if (!keys.includes(k)) fail(`${option} key "${k}"`, `one of ${keys.join(', ')}`, k);
  }
  return v as Record<string, unknown>;
}

function str(option: string, v: unknown, fallback: string, allowEmpty = false): string {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string' || (!allowEmpty && v.length === 0)) fail(option, 'a non-empty string', v);
  return v;
}

function bool(option: string, v: unknown, fallback: boolean): boolean {
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return fail(option, 'a boolean', v);
}

function num(option: string, v: unknown, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER, extra?: number): number {
  if (v === undefined || v === null) return fallback;
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || Number.isNaN(n) || ((n < min || n > max) && n !== extra)) {
    fail(option, `a number from ${min} to ${max === Number.MAX_SAFE_INTEGER ? 'any' : max}${extra !== undefined ? ` (or ${extra})` : ''}`, v);
  }
  return n;
}

function oneOf<T extends string>(option: string, v: unknown, values: readonly T[], fallback: T): T {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string' || !values.includes(v.toUpperCase() as T)) fail(option, `one of ${values.join(', ')}`, v);
  return v.toUpperCase() as T;
}

function fn(option: string, v: unknown): void {
  if (typeof v !== 'function') fail(option, 'a function', typeof v);
}

/** Validates `config` and returns it with the defaults applied. */
export function resolveConfig(config: ClientConfig = {}): ResolvedConfig {
  const c = object('config', config, TOP_LEVEL_KEYS);
  const props = object('properties', c.properties, Object.keys(c.properties ?? {}));
  const prop = <K extends PropertyName>(name: K): unknown => (props[name] === undefined ? PROPERTY_DEFAULTS[name] : props[name]);

  const network = object('network', c.network, ['clusterMembers', 'hazelcastCloud', 'connectionTimeout', 'redoOperation', 'smartRouting', 'ssl']);
  const members = network.clusterMembers ?? [];
  if (!Array.isArray(members) || members.some((m) => typeof m !== 'string' || m.trim() === '')) {
    fail('network.clusterMembers', 'an array of "host" or "host:port" strings', members);
  }
  const cloud = object('network.hazelcastCloud', network.hazelcastCloud, ['discoveryToken']);
  const token = cloud.discoveryToken === undefined || cloud.discoveryToken === null ? null : str('network.hazelcastCloud.discoveryToken', cloud.discoveryToken, '');
  if (token !== null && members.length > 0) {
    throw new InvalidConfigurationError('Invalid configuration: network.clusterMembers and network.hazelcastCloud.discoveryToken cannot be used together');
  }
  const ssl = object('network.ssl', network.ssl, ['enabled', 'sslOptions', 'sslOptionsFactory', 'sslOptionsFactoryProperties']);
  if (ssl.sslOptionsFactory !== undefined) fail('network.ssl.sslOptionsFactory', 'unset (pass sslOptions instead)', 'a factory');
  const sslOptions = object('network.ssl.sslOptions', ssl.sslOptions, Object.keys(ssl.sslOptions ?? {}));

  const strategy = object('connectionStrategy', c.connectionStrategy, ['asyncStart', 'reconnectMode', 'connectionRetry']);
  const retry = object('connectionStrategy.connectionRetry', strategy.connectionRetry, [
    'initialBackoffMillis',
    'maxBackoffMillis',
    'clusterConnectTimeoutMillis',
    'multiplier',
    'jitter',
  ]);
  const initialBackoffMillis = num('connectionStrategy.connectionRetry.initialBackoffMillis', retry.initialBackoffMillis, 1000, 0);
  const maxBackoffMillis = num('connectionStrategy.connectionRetry.maxBackoffMillis', retry.maxBackoffMillis, 30000, 0);
  if (maxBackoffMillis < initialBackoffMillis) {
    fail('connectionStrategy.connectionRetry.maxBackoffMillis', `at least initialBackoffMillis (${initialBackoffMillis})`, maxBackoffMillis);
  }

  const lb = object('loadBalancer', c.loadBalancer, ['type', 'customLoadBalancer']);
  const custom = lb.customLoadBalancer ?? null;
  if (custom !== null && (typeof custom !== 'object' || typeof (custom as LoadBalancer).next !== 'function')) {
    fail('loadBalancer.customLoadBalancer', 'an object with initLoadBalancer() and next()', custom);
  }

  const lifecycleListeners = (c.lifecycleListeners ?? []) as unknown[];
  if (!Array.isArray(lifecycleListeners)) fail('lifecycleListeners', 'an array of functions', lifecycleListeners);
  lifecycleListeners.forEach((l, i) => fn(`lifecycleListeners[${i}]`, l));
  const membershipListeners = (c.membershipListeners ?? []) as unknown[];
  if (!Array.isArray(membershipListeners)) fail('membershipListeners', 'an array of listener objects', membershipListeners);

  const security = object('security', c.security, ['usernamePassword', 'token', 'custom']);
  if (security.custom !== undefined) fail('security.custom', 'unset (use usernamePassword or token)', 'custom credentials');
  const up = security.usernamePassword === undefined ? null : object('security.usernamePassword', security.usernamePassword, ['username', 'password']);
  const tk = security.token === undefined ? null : object('security.token', security.token, ['token', 'encoding']);
  if (up && tk) throw new InvalidConfigurationError('Invalid configuration: security.usernamePassword and security.token cannot be used together');
  if (tk && !Buffer.isBuffer(tk.token)) fail('security.token.token', 'a Buffer', typeof tk.token);

  const labels = c.clientLabels ?? [];
  if (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string')) fail('clientLabels', 'an array of strings', labels);

  const metrics = object('metrics', c.metrics, ['enabled', 'collectionFrequencySeconds']);
  const level = String(prop('hazelcast.logging.level')).toUpperCase();
  if (!LOG_LEVELS.includes(level)) fail("properties['hazelcast.logging.level']", `one of ${LOG_LEVELS.join(', ')}`, prop('hazelcast.logging.level'));
  const logger = (c.customLogger ?? null) as Logger | OfficialLogger | null;
  if (logger !== null) {
    const l = logger as unknown as Record<string, unknown>;
    const methods = ['error', 'warn', 'info', 'debug', 'trace'];
    const shaped = typeof logger === 'object' && methods.every((m) => typeof l[m] === 'function') && (typeof l.child === 'function' || typeof l.log === 'function');
    if (!shaped) fail('customLogger', 'a pino logger or a logger with log/error/warn/info/debug/trace methods', typeof logger);
  }

  const p = (name: PropertyName, min: number, extra?: number): number =>
    num(`properties['${name}']`, prop(name), PROPERTY_DEFAULTS[name] as number, min, Number.MAX_SAFE_INTEGER, extra);

  return {
    clusterName: str('clusterName', c.clusterName, 'dev'),
    instanceName: c.instanceName === undefined || c.instanceName === null ? null : str('instanceName', c.instanceName, ''),
    clientLabels: [...(labels as string[])],
    network: {
      clusterMembers: (members as string[]).map((m) => m.trim()),
      cloudDiscoveryToken: token,
      connectionTimeout: num('network.connectionTimeout', network.connectionTimeout, 5000, 0),
      redoOperation: bool('network.redoOperation', network.redoOperation, false),
      smartRouting: bool('network.smartRouting', network.smartRouting, true),
      ssl: { enabled: bool('network.ssl.enabled', ssl.enabled, false), options: sslOptions },
    },
    connectionStrategy: {
      asyncStart: bool('connectionStrategy.asyncStart', strategy.asyncStart, false),
      reconnectMode: oneOf('connectionStrategy.reconnectMode', strategy.reconnectMode, Object.values(ReconnectMode), 'ON'),
      retry: {
        initialBackoffMillis,
        maxBackoffMillis,
        clusterConnectTimeoutMillis: num('connectionStrategy.connectionRetry.clusterConnectTimeoutMillis', retry.clusterConnectTimeoutMillis, -1, 0, undefined, -1),
        multiplier: num('connectionStrategy.connectionRetry.multiplier', retry.multiplier, 1.05, 1),
        jitter: num('connectionStrategy.connectionRetry.jitter', retry.jitter, 0, 0, 1),
      },
    },
    loadBalancer: { type: oneOf('loadBalancer.type', lb.type, Object.values(LoadBalancerType), 'ROUND_ROBIN'), custom: custom as LoadBalancer | null },
    lifecycleListeners: lifecycleListeners as Array<(state: LifecycleState) => void>,
    membershipListeners: membershipListeners as MembershipListener[],
    security: {
      usernamePassword: up ? { username: (up.username ?? null) as string | null, password: (up.password ?? null) as string | null } : null,
      token: tk ? { token: tk.token as Buffer, encoding: tk.encoding as string | undefined } : null,
    },
    backupAckToClientEnabled: bool('backupAckToClientEnabled', c.backupAckToClientEnabled, true),
    heartbeatIntervalMillis: p('hazelcast.client.heartbeat.interval', 1),
    heartbeatTimeoutMillis: p('hazelcast.client.heartbeat.timeout', 1),
    invocationTimeoutMillis: p('hazelcast.client.invocation.timeout.millis', 1),
    invocationRetryPauseMillis: p('hazelcast.client.invocation.retry.pause.millis', 0),
    operationBackupTimeoutMillis: p('hazelcast.client.operation.backup.timeout.millis', 1),
    failOnIndeterminateOperationState: bool(
      "properties['hazelcast.client.operation.fail.on.indeterminate.state']",
      prop('hazelcast.client.operation.fail.on.indeterminate.state'),
      false,
    ),
    maxConcurrentInvocations: p('hazelcast.client.max.concurrent.invocations', 1),
    invocationBackoffTimeoutMillis: p('hazelcast.client.invocation.backoff.timeout.millis', 0, -1),
    statistics: {
      enabled: bool('metrics.enabled', metrics.enabled, bool("properties['hazelcast.client.statistics.enabled']", prop('hazelcast.client.statistics.enabled'), false)),
      periodSeconds: num(
        'metrics.collectionFrequencySeconds',
        metrics.collectionFrequencySeconds,
        p('hazelcast.client.statistics.period.seconds', 1),
        1,
      ),
    },
    cloudUrl: str("properties['hazelcast.client.cloud.url']", prop('hazelcast.client.cloud.url'), PROPERTY_DEFAULTS['hazelcast.client.cloud.url']),
    shuffleMemberList: bool("properties['hazelcast.client.shuffle.member.list']", prop('hazelcast.client.shuffle.member.list'), true),
    socketNoDelay: bool("properties['hazelcast.client.socket.no.delay']", prop('hazelcast.client.socket.no.delay'), true),
    writeCoalesceBytes: p('hazelcast.client.autopipelining.threshold.bytes', 1024),
    logging: { logger, level: level === 'OFF' ? 'silent' : level.toLowerCase() },
    source: config,
  };
}
