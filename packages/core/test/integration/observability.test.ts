import { Writable } from 'node:stream';
import pino from 'pino';
import { ClientStatistics, HazelcastClient, IllegalStateError, InvalidConfigurationError, type ClientConfig, type DistributedObjectEvent } from '@hz/core';
import { startCluster } from '@hz/member';
import { eventually, itDev, REAL_CLUSTER, startTestCluster, type TestCluster } from '../../../../test/support/cluster';

/** A pino logger whose lines land in an array. */
function capturingLogger(level = 'info'): { logger: pino.Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

function config(cluster: TestCluster, extra: ClientConfig = {}): ClientConfig {
  return { clusterName: cluster.clusterName, ...extra, network: { clusterMembers: cluster.addresses, ...extra.network } };
}

describe('logging, statistics and distributed object events', () => {
  let cluster: TestCluster;
  beforeAll(async () => (cluster = await startTestCluster({ members: 2, credentials: { username: 'ops', password: 'never-log-me' } })));
  afterAll(() => cluster.shutdown());
  // A real cluster given by HZ_CLUSTER_MEMBERS has its own security settings.
  const security = REAL_CLUSTER ? undefined : { usernamePassword: { username: 'ops', password: 'never-log-me' } };

  itDev('logs lifecycle, connection and membership changes at info through the given pino logger, without secrets', async () => {
    const { logger, lines } = capturingLogger();
    const client = await HazelcastClient.newHazelcastClient(config(cluster, { customLogger: logger, security }));
    await eventually(() => expect(client.connections.getActiveConnections()).toHaveLength(2));
    await cluster.dev!.killMember(1);
    await eventually(() => expect(lines.some((l) => String(l.msg).startsWith('connection closed'))).toBe(true));
    await client.shutdown();
    const info = lines.filter((l) => l.level === 30).map((l) => String(l.msg));
    for (const state of ['STARTING', 'STARTED', 'CONNECTED', 'SHUTTING_DOWN', 'SHUTDOWN']) expect(info).toContain(`lifecycle: ${state}`);
    expect(info.some((m) => m.startsWith('authenticated with Connection'))).toBe(true);
    expect(info.some((m) => m.startsWith('members [2]'))).toBe(true);
    expect(info.some((m) => m.startsWith('members [1]'))).toBe(true);
    expect(JSON.stringify(lines)).not.toContain('never-log-me');
    await cluster.dev!.startMember();
  });

  it('respects the level of the given logger, and takes hazelcast.logging.level otherwise', async () => {
    const { logger, lines } = capturingLogger('warn');
    const client = await HazelcastClient.newHazelcastClient(config(cluster, { customLogger: logger, security }));
    await client.shutdown();
    expect(lines.filter((l) => (l.level as number) < 40)).toEqual([]);
    const own = await HazelcastClient.newHazelcastClient(config(cluster, { security, properties: { 'hazelcast.logging.level': 'ERROR' } }));
    expect(own.logger.level).toBe('error');
    await own.shutdown();
  });

  it('refuses statistics enabled in the config when the client was made without them', async () => {
    const enabled = config(cluster, { security, metrics: { enabled: true } });
    await expect(HazelcastClient.newHazelcastClient(enabled)).rejects.toThrow(InvalidConfigurationError);
    await expect(HazelcastClient.newHazelcastClient(enabled)).rejects.toThrow(/pass \{ statistics: ClientStatistics \}/);
  });

  itDev('sends statistics every period when enabled, with the runtime metrics of the process', async () => {
    const client = await HazelcastClient.newHazelcastClient(
      config(cluster, { security, instanceName: 'stats-client', properties: { 'hazelcast.logging.level': 'OFF', 'hazelcast.client.statistics.enabled': true, 'hazelcast.client.statistics.period.seconds': 1 } }),
      { statistics: ClientStatistics },
    );
    try {
      await eventually(() => {
        const stats = cluster.dev!.clients().find((c) => c.name === 'stats-client')?.statistics;
        expect(stats).toBeTruthy();
        expect(stats!.attributes.clientName).toBe('stats-client');
        expect(stats!.attributes.clientType).toBe('NJS');
        expect(stats!.attributes['credentials.principal']).toBe('ops');
        expect(JSON.stringify(stats)).not.toContain('never-log-me');
        expect(stats!.metricsBlob.length).toBeGreaterThan(0);
      }, 5000);
    } finally {
      await client.shutdown();
    }
  });

  it('tells distributed object listeners about created and destroyed objects', async () => {
    const client = await HazelcastClient.newHazelcastClient(config(cluster, { security, properties: { 'hazelcast.logging.level': 'OFF' } }));
    try {
      const events: DistributedObjectEvent[] = [];
      const id = await client.addDistributedObjectListener((e) => events.push(e));
      const name = `observed-${Date.now()}`;
      await client.proxies.getOrCreateProxy('hz:impl:mapService', name, () => ({ getName: () => name, getServiceName: () => 'hz:impl:mapService', destroy: async () => undefined }));
      await eventually(() => expect(events.some((e) => e.eventType === 'CREATED' && e.objectName === name)).toBe(true));
      expect((await client.getDistributedObjects()).some((o) => o.name === name)).toBe(true);
      await client.proxies.destroyProxy('hz:impl:mapService', name);
      await eventually(() => expect(events.some((e) => e.eventType === 'DESTROYED' && e.objectName === name)).toBe(true));
      expect(await client.removeDistributedObjectListener(id)).toBe(true);
    } finally {
      await client.shutdown();
    }
  });
});

describe('finding the cluster', () => {
  itDev('tries 127.0.0.1:5701-5703 when no address is given', async () => {
    const cluster = await startCluster({ members: 1, port: 5703, logLevel: 'silent' });
    try {
      const client = await HazelcastClient.newHazelcastClient({ properties: { 'hazelcast.logging.level': 'OFF' } });
      expect(client.connections.getActiveConnections()[0].remoteAddress).toEqual({ host: '127.0.0.1', port: 5703 });
      await client.shutdown();
    } finally {
      await cluster.shutdown();
    }
  });

  it('backs off exponentially between attempts and gives up after the cluster connect timeout', async () => {
    if (REAL_CLUSTER) return;
    const { logger, lines } = capturingLogger();
    const error = await HazelcastClient.newHazelcastClient({
      customLogger: logger,
      network: { clusterMembers: ['127.0.0.1:1'] },
      connectionStrategy: { connectionRetry: { initialBackoffMillis: 40, multiplier: 2, maxBackoffMillis: 1000, jitter: 0, clusterConnectTimeoutMillis: 700 } },
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(IllegalStateError);
    expect((error as Error).message).toContain('127.0.0.1:1');
    const pauses = lines.map((l) => String(l.msg).match(/next attempt in (\d+) ms/)?.[1]).filter((p): p is string => p !== undefined).map(Number);
    expect(pauses.slice(0, 3)).toEqual([40, 80, 160]);
  });
});
