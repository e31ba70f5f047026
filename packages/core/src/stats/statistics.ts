import * as os from 'node:os';
import type { Logger } from '../logging/logger';
import { encodeClientStatisticsRequest } from '../codec/generated/client';
import type { ClientMessage } from '../protocol/client-message';
import { MetricsCompressor, type MetricDescriptor, type MetricLong } from './metrics-compressor';

/** Separates `key=value` pairs in the clientAttributes string. */
export const ATTRIBUTE_SEPARATOR = ',';
/** Separates a key from its value in the clientAttributes string. */
export const ATTRIBUTE_KEY_VALUE_SEPARATOR = '=';
/** Escapes a separator (or itself) inside a key or value. */
export const ATTRIBUTE_ESCAPE_CHAR = '\\';
/** Client type of this client, as sent in authentication and statistics. */
export const DEFAULT_CLIENT_TYPE = 'NJS';
/** Period used when the configured one is not a positive number. */
export const DEFAULT_STATISTICS_PERIOD_SECONDS = 5;

/** An attribute value; numbers and booleans are rendered with `String()`. */
export type AttributeValue = string | number | boolean;

/** Escapes ',', '=' and '\' with a backslash (and '.' too when `escapeDots`, as near-cache names in keys need). */
export function escapeAttribute(text: string, escapeDots = false): string {
  let out = '';
  for (const ch of text) {
    if (ch === ATTRIBUTE_SEPARATOR || ch === ATTRIBUTE_KEY_VALUE_SEPARATOR || ch === ATTRIBUTE_ESCAPE_CHAR || (escapeDots && ch === '.')) {
      out += ATTRIBUTE_ESCAPE_CHAR;
    }
    out += ch;
  }
  return out;
}

/**
 * Renders the clientAttributes string: `key=value` pairs joined by ','. Values are escaped with
 * {@link escapeAttribute}; keys are used as given (they are fixed names like `clientName` or
 * `credentials.principal`, or built with {@link nearCacheAttributeKey}).
 */
export function buildClientAttributes(entries: Iterable<readonly [string, AttributeValue]>): string {
  const parts: string[] = [];
  for (const [key, value] of entries) {
    parts.push(key + ATTRIBUTE_KEY_VALUE_SEPARATOR + escapeAttribute(String(value)));
  }
  return parts.join(ATTRIBUTE_SEPARATOR);
}

/**
 * The attribute key of a near-cache statistic, e.g. `nc.orders.hits`: the near cache's name
 * without a leading '/', with '.', ',', '=' and '\' escaped.
 */
export function nearCacheAttributeKey(nearCacheName: string, stat: string): string {
  const name = nearCacheName.startsWith('/') ? nearCacheName.slice(1) : nearCacheName;
  return `nc.${escapeAttribute(name, true)}.${stat}`;
}

/** Where metrics providers put their values during one collection. */
export interface MetricsSink {
  /** Adds a long metric to the metrics blob. */
  long(descriptor: MetricDescriptor, value: MetricLong): void;
  /** Adds a double metric to the metrics blob. */
  double(descriptor: MetricDescriptor, value: number): void;
  /**
   * Adds a `key=value` pair to the clientAttributes string (older Management Center versions read
   * near-cache statistics from there). The key is used as given, the value is escaped.
   */
  attribute(key: string, value: AttributeValue): void;
}

/** Called once per collection; must be quick and synchronous. */
export type MetricsProvider = (sink: MetricsSink) => void;

/** The connection the statistics describe. */
export interface StatisticsConnectionInfo {
  /** When the connection to the cluster was established (epoch milliseconds). */
  connectedAt: number;
  /** The connection's local address, e.g. `127.0.0.1:52311`. */
  localAddress: string;
}

export interface ClientStatisticsOptions {
  /** Collection period in seconds; not positive/finite falls back to {@link DEFAULT_STATISTICS_PERIOD_SECONDS}. */
  periodSeconds: number;
  clientName: string;
  /** Defaults to {@link DEFAULT_CLIENT_TYPE}. */
  clientType?: string;
  clientVersion: string;
  /** The authenticated principal, sent as `credentials.principal`; never a password or token. */
  username: string | null;
  logger: Logger;
  /** Sends the request to the cluster (on any connection). */
  send(message: ClientMessage): Promise<unknown>;
  /** The current cluster connection, or null while disconnected (the collection is then skipped). */
  connectionInfo(): StatisticsConnectionInfo | null;
}

/** One runtime gauge of the Node.js process, named as the member expects (`prefix.metric`). */
interface Gauge {
  name: string;
  type: 'long' | 'double';
  read(memory: () => NodeJS.MemoryUsage): number;
}

const MICROS_TO_NANOS = 1000;

/** The os.* and runtime.* gauges, with the names the official Node.js and Java clients use. */
const RUNTIME_GAUGES: readonly Gauge[] = [
  { name: 'os.freePhysicalMemorySize', type: 'long', read: () => os.freemem() },
  {
    name: 'os.processCpuTime',
    type: 'long',
    read: () => {
      const cpu = process.cpuUsage();
      return (cpu.user + cpu.system) * MICROS_TO_NANOS;
    },
  },
  { name: 'os.systemLoadAverage', type: 'double', read: () => os.loadavg()[0] ?? 0 },
  { name: 'os.totalPhysicalMemorySize', type: 'long', read: () => os.totalmem() },
  { name: 'runtime.availableProcessors', type: 'long', read: () => os.availableParallelism() },
  { name: 'runtime.totalMemory', type: 'long', read: (memory) => memory().heapTotal },
  { name: 'runtime.uptime', type: 'long', read: () => Math.floor(process.uptime() * 1000) },
  { name: 'runtime.usedMemory', type: 'long', read: (memory) => memory().heapUsed },
];

/** A runtime metric as sent: its full name, value type and value. */
export interface RuntimeMetric {
  name: string;
  type: 'long' | 'double';
  value: number;
}

/** Reads the runtime metrics of this process (gauges that throw are left out). */
export function collectRuntimeMetrics(): RuntimeMetric[] {
  const out: RuntimeMetric[] = [];
  let usage: NodeJS.MemoryUsage | undefined;
  const memory = (): NodeJS.MemoryUsage => (usage ??= process.memoryUsage());
  for (const gauge of RUNTIME_GAUGES) {
    try {
      const value = gauge.read(memory);
      if (Number.isFinite(value)) out.push({ name: gauge.name, type: gauge.type, value });
    } catch {
      // a gauge the platform cannot provide is skipped
    }
  }
  return out;
}

/** Splits `os.freePhysicalMemorySize` into prefix `os` and metric `freePhysicalMemorySize`. */
function descriptorOf(name: string): MetricDescriptor {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? { metric: name } : { prefix: name.slice(0, dot), metric: name.slice(dot + 1) };
}

/**
 * Periodically collects the client's statistics and sends them to the cluster with the
 * Client.statistics request: the client attributes as a `key=value,...` string and the metrics
 * (runtime gauges plus whatever the registered providers add) as a compressed blob.
 *
 * The first collection runs right after {@link start}, then one runs every period. Sending is fire
 * and forget: a failure is logged at debug level and the next period proceeds normally.
 */
export class ClientStatistics {
  private readonly periodMs: number;
  private readonly clientType: string;
  private readonly providers = new Set<MetricsProvider>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(private readonly deps: ClientStatisticsOptions) {
    let period = deps.periodSeconds;
    if (!Number.isFinite(period) || period <= 0) {
      deps.logger.warn(
        { periodSeconds: period },
        `Client statistics period must be positive; using ${DEFAULT_STATISTICS_PERIOD_SECONDS} seconds`,
      );
      period = DEFAULT_STATISTICS_PERIOD_SECONDS;
    }
    this.periodMs = Math.round(period * 1000);
    this.clientType = deps.clientType ?? DEFAULT_CLIENT_TYPE;
  }

  /** Whether the periodic collection is scheduled. */
  get started(): boolean {
    return this.running;
  }

  /**
   * Registers a provider called at every collection; returns a function that removes it.
   * A provider that throws is logged at debug level and skipped for that collection.
   */
  addMetricsProvider(provider: MetricsProvider): () => void {
    this.providers.add(provider);
    return () => {
      this.providers.delete(provider);
    };
  }

  /** Starts the periodic collection (idempotent). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
    this.deps.logger.info({ periodSeconds: this.periodMs / 1000 }, 'Client statistics enabled');
  }

  /** Stops the periodic collection (idempotent); a send already in flight is not affected. */
  stop(): void {
    this.running = false;
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  /**
   * Collects once and returns the request, or null when there is no connection. Exposed for
   * tests and for callers that want to send statistics immediately.
   */
  collect(): ClientMessage | null {
    const connection = this.deps.connectionInfo();
    if (connection === null) return null;
    const timestamp = Date.now();
    const compressor = new MetricsCompressor();
    const attributes: Array<[string, AttributeValue]> = [
      ['lastStatisticsCollectionTime', timestamp],
      ['enterprise', false],
      ['clientType', this.clientType],
      ['clientVersion', this.deps.clientVersion],
      ['clusterConnectionTimestamp', connection.connectedAt],
      ['clientAddress', connection.localAddress],
      ['clientName', this.deps.clientName],
    ];
    if (this.deps.username) attributes.push(['credentials.principal', this.deps.username]);

    let metricErrorLogged = false;
    const guarded = (what: string, add: () => void): void => {
      try {
        add();
      } catch (err) {
        if (!metricErrorLogged) {
          metricErrorLogged = true;
          this.deps.logger.debug({ err, metric: what }, 'Could not add a client statistics metric');
        }
      }
    };

    for (const metric of collectRuntimeMetrics()) {
      const descriptor = descriptorOf(metric.name);
      guarded(metric.name, () => {
        if (metric.type === 'double') compressor.addDouble(descriptor, metric.value);
        else compressor.addLong(descriptor, metric.value);
      });
      // Management Center 4.0 reads these from the attributes too, as the official clients send them.
      attributes.push([metric.name, metric.type === 'double' ? metric.value : Math.trunc(metric.value)]);
    }

    const sink: MetricsSink = {
      long: (descriptor, value) => guarded(descriptor.metric, () => compressor.addLong(descriptor, value)),
      double: (descriptor, value) => guarded(descriptor.metric, () => compressor.addDouble(descriptor, value)),
      attribute: (key, value) => {
        attributes.push([key, value]);
      },
    };
    for (const provider of this.providers) {
      try {
        provider(sink);
      } catch (err) {
        this.deps.logger.debug({ err }, 'A client statistics provider failed');
      }
    }

    return encodeClientStatisticsRequest(timestamp, buildClientAttributes(attributes), compressor.generateBlob());
  }

  private schedule(delayMs: number): void {
    const timer = setTimeout(() => {
      this.timer = null;
      this.runOnce();
      if (this.running) this.schedule(this.periodMs);
    }, delayMs);
    timer.unref();
    this.timer = timer;
  }

  private runOnce(): void {
    let message: ClientMessage | null;
    try {
      message = this.collect();
    } catch (err) {
      this.deps.logger.debug({ err }, 'Could not collect client statistics');
      return;
    }
    if (message === null) {
      this.deps.logger.trace('No connection to the cluster; client statistics not sent');
      return;
    }
    try {
      this.deps.send(message).catch((err: unknown) => {
        this.deps.logger.debug({ err }, 'Could not send client statistics');
      });
    } catch (err) {
      this.deps.logger.debug({ err }, 'Could not send client statistics');
    }
  }
}
