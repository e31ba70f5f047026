import { UUID } from '@hz/core';
import { createLogger, type LogLevel, type MemberLogger } from './logging';
import type { QueueCapacityOption } from './services/queue/queue-config';

/** TLS for the members' client listeners. PEM text or buffers, as node:tls takes them. */
export interface TlsOptions {
  key: string | Buffer;
  cert: string | Buffer;
  /** CA certificates that client certificates must chain to (mutual TLS). */
  ca?: string | Buffer | Array<string | Buffer>;
  /** Mutual TLS: a client must present a certificate signed by `ca`, else the handshake fails. */
  requireClientCert?: boolean;
}

/** Options of `startCluster`. Every field has a default. */
export interface ClusterOptions {
  /** Members to start (default 1). */
  members?: number;
  /** Cluster name that clients must authenticate with (default "dev"). */
  clusterName?: string;
  /** Address the members listen on (default 127.0.0.1). */
  host?: string;
  /** Port of the first member, the others take the next free ones; 0 for ephemeral ports (default 5701). */
  port?: number;
  /** Partition count announced to clients (default 271). */
  partitionCount?: number;
  /** Hazelcast version the members report (default "5.5.0"). */
  version?: string;
  /** Username and password that clients must send; without them, clients must send none (security disabled). */
  credentials?: { username: string; password: string };
  /** Token accepted from Client.authenticationCustom (compared byte by byte); without it, custom credentials fail. */
  token?: string | Uint8Array;
  /** TLS (and mutual TLS) on every member's listener. */
  tls?: TlsOptions;
  /**
   * Synchronous backups of each mutation (default 1, as a Hazelcast map): a client that asks for
   * backup acknowledgements gets min(backupCount, members - 1) of them per mutation.
   */
  backupCount?: number;
  /** Capacity of queues, one number or per name pattern (default unbounded). */
  queueCapacity?: QueueCapacityOption;
  /** A client connection that sends nothing for this long is closed (default 60 000 ms). */
  heartbeatTimeoutMs?: number;
  /** How often connections are checked for that timeout (default: a quarter of it, at most 10 s). */
  heartbeatCheckIntervalMs?: number;
  /** Largest message accepted from a client (default 64 MiB). */
  maxMessageSize?: number;
  /** Metadata sent in the authentication response's keyValuePairs (default none). */
  authKeyValuePairs?: Record<string, string>;
  /** Log level of the default logger (default "info"); ignored when `logger` is given. */
  logLevel?: LogLevel;
  /** A pino (or pino-compatible) logger to use instead of the default one. */
  logger?: MemberLogger;
}

export interface MemberVersion {
  major: number;
  minor: number;
  patch: number;
}

/** Options with their defaults applied. */
export interface ResolvedOptions {
  members: number;
  clusterName: string;
  host: string;
  port: number;
  partitionCount: number;
  version: string;
  memberVersion: MemberVersion;
  credentials: { username: string; password: string } | null;
  token: Buffer | null;
  tls: TlsOptions | null;
  backupCount: number;
  heartbeatTimeoutMs: number;
  heartbeatCheckIntervalMs: number;
  maxMessageSize: number;
  authKeyValuePairs: Map<string, string>;
  logger: MemberLogger;
  clusterId: UUID;
}

function positiveInt(name: string, v: number, min: number): number {
  if (!Number.isInteger(v) || v < min) throw new RangeError(`${name} must be an integer of at least ${min}, got ${v}`);
  return v;
}

export function parseVersion(version: string): MemberVersion {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
  if (m === null) throw new RangeError(`version must look like 5.5.0, got "${version}"`);
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

export function resolveOptions(o: ClusterOptions = {}): ResolvedOptions {
  const heartbeatTimeoutMs = positiveInt('heartbeatTimeoutMs', o.heartbeatTimeoutMs ?? 60_000, 1);
  const port = o.port ?? 5701;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be 0..65535, got ${port}`);
  const version = o.version ?? '5.5.0';
  return {
    members: positiveInt('members', o.members ?? 1, 0),
    clusterName: o.clusterName ?? 'dev',
    host: o.host ?? '127.0.0.1',
    port,
    partitionCount: positiveInt('partitionCount', o.partitionCount ?? 271, 1),
    version,
    memberVersion: parseVersion(version),
    credentials: o.credentials ?? null,
    token: o.token === undefined ? null : Buffer.from(o.token),
    tls: o.tls ?? null,
    backupCount: positiveInt('backupCount', o.backupCount ?? 1, 0),
    heartbeatTimeoutMs,
    heartbeatCheckIntervalMs: positiveInt(
      'heartbeatCheckIntervalMs',
      o.heartbeatCheckIntervalMs ?? Math.max(1, Math.min(10_000, Math.floor(heartbeatTimeoutMs / 4))),
      1,
    ),
    maxMessageSize: positiveInt('maxMessageSize', o.maxMessageSize ?? 64 * 1024 * 1024, 6),
    authKeyValuePairs: new Map(Object.entries(o.authKeyValuePairs ?? {})),
    logger: o.logger ?? createLogger(o.logLevel ?? 'info'),
    clusterId: UUID.random(),
  };
}
