import { inflateSync } from 'node:zlib';
import type { Logger } from 'pino';
import { ClientMessage } from '@hz/core/codec';
import {
  ClientStatistics,
  collectRuntimeMetrics,
  DEFAULT_STATISTICS_PERIOD_SECONDS,
  ProbeUnit,
  type ClientStatisticsOptions,
} from '@hz/core/stats';
import { decodeClientStatisticsRequest, type ClientStatisticsRequest } from '../../../member/src/codec/generated/client';
import { decodeMetricsBlob, type DecodedMetric } from './metrics-decoder';

// The official Node.js client, used as a reference for the metric set and attribute order.
interface OfficialCompressor {
  generateBlob(): Promise<Buffer>;
}
const { Statistics: OfficialStatistics } = require('hazelcast-client/lib/statistics/Statistics') as {
  Statistics: new (...args: unknown[]) => {
    registerMetrics(): void;
    allGauges: Record<string, unknown>;
    fillMetrics(stats: string[], compressor: OfficialCompressor, connection: unknown): void;
  };
};
const { MetricsCompressor: OfficialMetricsCompressor } = require('hazelcast-client/lib/statistics/MetricsCompressor') as {
  MetricsCompressor: new () => OfficialCompressor;
};

const OFFICIAL_RUNTIME_METRICS = [
  'os.freePhysicalMemorySize',
  'os.processCpuTime',
  'os.systemLoadAverage',
  'os.totalPhysicalMemorySize',
  'runtime.availableProcessors',
  'runtime.totalMemory',
  'runtime.uptime',
  'runtime.usedMemory',
];

function fakeLogger() {
  const logger = {
    trace: jest.fn(),
    debug: jest.fn(),
    info: jest.fn(),
    warn: jest.fn(),
    error: jest.fn(),
    fatal: jest.fn(),
    child: jest.fn(),
  };
  logger.child.mockReturnValue(logger);
  return logger;
}

type Setup = {
  stats: ClientStatistics;
  sent: ClientStatisticsRequest[];
  send: jest.Mock<Promise<unknown>, [ClientMessage]>;
  logger: ReturnType<typeof fakeLogger>;
  deps: ClientStatisticsOptions;
};

function setup(overrides: Partial<ClientStatisticsOptions> = {}): Setup {
  const sent: ClientStatisticsRequest[] = [];
  const send = jest.fn(async (m: ClientMessage) => {
    // decode from a copy of the bytes, as the member would receive them
    sent.push(decodeClientStatisticsRequest(new ClientMessage(Buffer.from(m.buffer))));
    return undefined;
  });
  const logger = fakeLogger();
  const deps: ClientStatisticsOptions = {
    periodSeconds: 3,
    clientName: 'hz.client_0',
    clientVersion: '0.1.0',
    username: 'alice',
    logger: logger as unknown as Logger,
    send,
    connectionInfo: () => ({ connectedAt: 1_700_000_000_000, localAddress: '127.0.0.1:52311' }),
    ...overrides,
  };
  return { stats: new ClientStatistics(deps), sent, send, logger, deps };
}

function attributes(req: ClientStatisticsRequest): Map<string, string> {
  return new Map(req.clientAttributes.split(',').map((kv) => kv.split('=') as [string, string]));
}

const fullName = (m: DecodedMetric): string => (m.prefix === null ? m.metric! : `${m.prefix}.${m.metric}`);

const NOW = Date.UTC(2025, 0, 2, 3, 4, 5);

beforeEach(() => {
  jest.useFakeTimers({ now: NOW });
});
afterEach(() => {
  jest.useRealTimers();
});

describe('runtime metrics', () => {
  it('contain the os.* and runtime.* metrics of the official client, with finite numeric values', () => {
    const metrics = collectRuntimeMetrics();
    const names = metrics.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(OFFICIAL_RUNTIME_METRICS));
    expect(new Set(names).size).toBe(names.length);
    for (const m of metrics) {
      expect(typeof m.value).toBe('number');
      expect(Number.isFinite(m.value)).toBe(true);
      expect(m.value).toBeGreaterThanOrEqual(0);
    }
    const byName = new Map(metrics.map((m) => [m.name, m]));
    expect(byName.get('os.systemLoadAverage')!.type).toBe('double');
    expect(byName.get('runtime.availableProcessors')!.value).toBeGreaterThanOrEqual(1);
    expect(byName.get('os.totalPhysicalMemorySize')!.value).toBeGreaterThan(0);
    expect(byName.get('runtime.usedMemory')!.value).toBeGreaterThan(0);
  });

  it('are the official client runtime gauges (tcp.* come from the network layer through a provider)', () => {
    const official = new OfficialStatistics(
      { warn() {}, trace() {}, info() {} },
      { enabled: true, collectionFrequencySeconds: 5 },
      'c',
      {},
      { listAllNearCaches: () => [] },
      { getTotalBytesRead: () => 0, getTotalBytesWritten: () => 0 },
    );
    official.registerMetrics();
    const officialNames = Object.keys(official.allGauges).filter((n) => !n.startsWith('tcp.'));
    expect(officialNames.sort()).toEqual([...OFFICIAL_RUNTIME_METRICS].sort());
  });
});

describe('ClientStatistics', () => {
  it('sends one Client.statistics request right after start and then one per period', async () => {
    const { stats, sent, send } = setup();
    stats.start();
    expect(send).not.toHaveBeenCalled(); // nothing synchronous in start()
    await jest.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(2999);
    expect(send).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(3000 * 5);
    expect(send).toHaveBeenCalledTimes(7);
    expect(sent).toHaveLength(7);
    expect(jest.getTimerCount()).toBe(1);
    stats.stop();
  });

  it('carries the client attributes and a non-empty metrics blob', async () => {
    const { stats, sent } = setup();
    stats.start();
    await jest.advanceTimersByTimeAsync(0);
    stats.stop();
    const req = sent[0]!;
    expect(req.timestamp.toNumber()).toBe(NOW);
    const attrs = attributes(req);
    expect(attrs.get('lastStatisticsCollectionTime')).toBe(String(NOW));
    expect(attrs.get('enterprise')).toBe('false');
    expect(attrs.get('clientType')).toBe('NJS');
    expect(attrs.get('clientVersion')).toBe('0.1.0');
    expect(attrs.get('clusterConnectionTimestamp')).toBe('1700000000000');
    expect(attrs.get('clientAddress')).toBe('127.0.0.1:52311');
    expect(attrs.get('clientName')).toBe('hz.client_0');
    expect(attrs.get('credentials.principal')).toBe('alice');
    for (const name of OFFICIAL_RUNTIME_METRICS) expect(Number.isFinite(Number(attrs.get(name)))).toBe(true);

    expect(req.metricsBlob.length).toBeGreaterThan(10);
    const decoded = decodeMetricsBlob(req.metricsBlob);
    expect(decoded.metrics.map(fullName)).toEqual(expect.arrayContaining(OFFICIAL_RUNTIME_METRICS));
    for (const m of decoded.metrics) {
      expect(m.unit).toBeNull();
      expect(m.type).toBe(m.metric === 'systemLoadAverage' ? 'double' : 'long');
    }
  });

  it('orders attributes and describes metrics like the official client', async () => {
    const { stats, sent } = setup({ clientVersion: '5.6.0', clientName: 'c1' });
    stats.start();
    await jest.advanceTimersByTimeAsync(0);
    stats.stop();
    const official = new OfficialStatistics(
      { warn() {}, trace() {}, info() {} },
      { enabled: true, collectionFrequencySeconds: 5 },
      'c1',
      {},
      { listAllNearCaches: () => [] },
      { getTotalBytesRead: () => 0, getTotalBytesWritten: () => 0 },
    );
    official.registerMetrics();
    const officialStats: string[] = [];
    const compressor = new OfficialMetricsCompressor();
    official.fillMetrics(officialStats, compressor, {
      getStartTime: () => 1_700_000_000_000,
      getLocalAddress: () => ({ toString: () => '127.0.0.1:52311' }),
    });
    const officialAttrs = [...attributes({ clientAttributes: officialStats.join('') } as ClientStatisticsRequest)];
    const ourAttrs = [...attributes(sent[0]!)];
    const keys = (a: Array<[string, string]>) => a.map(([k]) => k).filter((k) => !k.startsWith('tcp.') && k !== 'credentials.principal');
    expect(keys(ourAttrs)).toEqual(keys(officialAttrs));
    // The identity attributes are identical (runtime values naturally differ).
    expect(ourAttrs.slice(0, 7)).toEqual(officialAttrs.slice(0, 7));

    const shape = (m: DecodedMetric) => ({ ...m, value: undefined });
    const officialMetrics = decodeMetricsBlob(await compressor.generateBlob()).metrics.filter((m) => m.prefix !== 'tcp');
    expect(decodeMetricsBlob(sent[0]!.metricsBlob).metrics.map(shape)).toEqual(officialMetrics.map(shape));
  });

  it('stop() stops the loop and leaves no timer behind; start() is idempotent', async () => {
    const { stats, send } = setup();
    stats.start();
    stats.start();
    await jest.advanceTimersByTimeAsync(0);
    await jest.advanceTimersByTimeAsync(3000);
    expect(send).toHaveBeenCalledTimes(2);
    expect(stats.started).toBe(true);
    stats.stop();
    expect(stats.started).toBe(false);
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(30_000);
    expect(send).toHaveBeenCalledTimes(2);
    stats.stop();
    // and it can be started again
    stats.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(3);
    stats.stop();
  });

  it('stop() before the first collection sends nothing', async () => {
    const { stats, send } = setup();
    stats.start();
    stats.stop();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(send).not.toHaveBeenCalled();
  });

  it('unrefs its timer', () => {
    const spy = jest.spyOn(global, 'setTimeout');
    const { stats } = setup();
    stats.start();
    const timer = spy.mock.results[0]!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    stats.stop();
    spy.mockRestore();
  });

  it('keeps going when sending fails (rejected or thrown) and logs at debug level', async () => {
    const { stats, send, logger } = setup();
    send
      .mockImplementationOnce(() => Promise.reject(new Error('connection closed')))
      .mockImplementationOnce(() => {
        throw new Error('sync failure');
      });
    stats.start();
    await jest.advanceTimersByTimeAsync(0);
    await jest.advanceTimersByTimeAsync(3000);
    await jest.advanceTimersByTimeAsync(3000);
    expect(send).toHaveBeenCalledTimes(3);
    expect(logger.debug).toHaveBeenCalledTimes(2);
    expect(logger.debug.mock.calls.map((c) => (c[0] as { err: Error }).err.message)).toEqual(['connection closed', 'sync failure']);
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.error).not.toHaveBeenCalled();
    stats.stop();
  });

  it('skips a period without a connection and resumes when connected', async () => {
    let connected = false;
    const { stats, send } = setup({
      connectionInfo: () => (connected ? { connectedAt: 1, localAddress: '10.0.0.1:1' } : null),
    });
    stats.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(send).not.toHaveBeenCalled();
    connected = true;
    await jest.advanceTimersByTimeAsync(3000);
    expect(send).toHaveBeenCalledTimes(1);
    stats.stop();
  });

  it('never sends a password or token, and omits the principal without a username', async () => {
    const secrets = { password: 's3cr3t-pa55', token: 'tok-XYZ-123' };
    const { stats, sent } = setup({ ...(secrets as object), username: null } as Partial<ClientStatisticsOptions>);
    stats.start();
    await jest.advanceTimersByTimeAsync(0);
    stats.stop();
    const req = sent[0]!;
    expect(attributes(req).has('credentials.principal')).toBe(false);
    const blobText = decodeMetricsBlob(req.metricsBlob).dictionary.join('\n') + inflateSync(req.metricsBlob.subarray(6, 6 + req.metricsBlob.readInt32BE(2))).toString('latin1');
    for (const secret of Object.values(secrets)) {
      expect(req.clientAttributes).not.toContain(secret);
      expect(blobText).not.toContain(secret);
      expect(req.metricsBlob.toString('latin1')).not.toContain(secret);
    }
    const keys = [...attributes(req).keys()];
    expect(keys.filter((k) => /pass|token|secret/i.test(k))).toEqual([]);
  });

  it('escapes the principal and client name', async () => {
    const { stats, sent } = setup({ username: 'dom\\bob=1,x', clientName: 'a,b' });
    stats.start();
    await jest.advanceTimersByTimeAsync(0);
    stats.stop();
    expect(sent[0]!.clientAttributes).toContain(',clientName=a\\,b,');
    expect(sent[0]!.clientAttributes).toContain(',credentials.principal=dom\\\\bob\\=1\\,x,');
  });

  it('adds the metrics and attributes of registered providers; a failing provider is skipped', async () => {
    const { stats, sent, logger } = setup();
    const remove = stats.addMetricsProvider((sink) => {
      sink.long({ prefix: 'nearcache', metric: 'hits', discriminator: 'name', discriminatorValue: 'orders', unit: ProbeUnit.COUNT }, 42);
      sink.double({ prefix: 'nearcache', metric: 'ratio', discriminator: 'name', discriminatorValue: 'orders', unit: ProbeUnit.PERCENT }, 0.5);
      sink.long({ prefix: 'bad', metric: 'x'.repeat(300) }, 1); // rejected, logged, the rest still sent
      sink.attribute('nc.orders.hits', 42);
    });
    stats.addMetricsProvider(() => {
      throw new Error('provider bug');
    });
    stats.start();
    await jest.advanceTimersByTimeAsync(0);
    const metrics = decodeMetricsBlob(sent[0]!.metricsBlob).metrics;
    expect(metrics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ prefix: 'nearcache', metric: 'hits', discriminatorValue: 'orders', unit: ProbeUnit.COUNT, value: 42n }),
        expect.objectContaining({ prefix: 'nearcache', metric: 'ratio', unit: ProbeUnit.PERCENT, type: 'double', value: 0.5 }),
      ]),
    );
    expect(metrics.some((m) => m.prefix === 'bad')).toBe(false);
    expect(attributes(sent[0]!).get('nc.orders.hits')).toBe('42');
    expect(logger.debug).toHaveBeenCalledTimes(2);

    remove();
    await jest.advanceTimersByTimeAsync(3000);
    expect(decodeMetricsBlob(sent[1]!.metricsBlob).metrics.some((m) => m.prefix === 'nearcache')).toBe(false);
    stats.stop();
  });

  it('falls back to the default period for a non-positive one', async () => {
    const { stats, send, logger } = setup({ periodSeconds: 0 });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    stats.start();
    await jest.advanceTimersByTimeAsync(0);
    await jest.advanceTimersByTimeAsync(DEFAULT_STATISTICS_PERIOD_SECONDS * 1000);
    expect(send).toHaveBeenCalledTimes(2);
    stats.stop();
  });
});
