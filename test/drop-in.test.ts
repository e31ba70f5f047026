// A program written for the official `hazelcast-client` runs unchanged on `@hz/client`: the same
// function is run with each package's `Client` against the same cluster.
import { startTestCluster, type TestCluster } from './support/cluster';

interface AnyMap {
  put(k: unknown, v: unknown): Promise<unknown>;
  get(k: unknown): Promise<unknown>;
  size(): Promise<number>;
  containsKey(k: unknown): Promise<boolean>;
  remove(k: unknown): Promise<unknown>;
  addEntryListener(l: object, key?: unknown, includeValue?: boolean): Promise<string>;
  removeEntryListener(id: string): Promise<boolean>;
  destroy(): Promise<void>;
}
interface AnyQueue {
  offer(e: unknown): Promise<boolean>;
  poll(): Promise<unknown>;
  size(): Promise<number>;
}
interface AnyClient {
  getMap(name: string): Promise<AnyMap>;
  getQueue(name: string): Promise<AnyQueue>;
  getName(): string;
  shutdown(): Promise<void>;
}
interface ClientFactory {
  newHazelcastClient(config: object): Promise<AnyClient>;
}

/** Written against the official client's documented API only. */
async function program(Client: ClientFactory, cluster: TestCluster, tag: string): Promise<unknown[]> {
  const client = await Client.newHazelcastClient({
    clusterName: cluster.clusterName,
    instanceName: `drop-in-${tag}`,
    network: { clusterMembers: cluster.addresses, smartRouting: true },
    connectionStrategy: { connectionRetry: { clusterConnectTimeoutMillis: 5000 } },
    properties: { 'hazelcast.logging.level': 'OFF' },
  });
  const out: unknown[] = [client.getName()];
  const events: string[] = [];
  const map = await client.getMap(`drop-in-map-${tag}`);
  const id = await map.addEntryListener({ added: (e: { key: unknown }) => events.push(`added ${String(e.key)}`) }, undefined, true);
  await map.put('a', 1);
  await map.put('b', { nested: ['x', 2] });
  out.push(await map.get('a'), await map.get('b'), await map.size(), await map.containsKey('zz'), await map.remove('a'), await map.size());
  const queue = await client.getQueue(`drop-in-queue-${tag}`);
  await queue.offer('job-1');
  out.push(await queue.size(), await queue.poll(), await queue.poll());
  await new Promise((r) => setTimeout(r, 200));
  out.push(events.sort());
  await map.removeEntryListener(id);
  await map.destroy();
  await client.shutdown();
  return out;
}

describe('drop-in for hazelcast-client', () => {
  let cluster: TestCluster;
  beforeAll(async () => (cluster = await startTestCluster({ members: 2 })));
  afterAll(() => cluster.shutdown());

  it('runs the same program with the same results on both clients', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const official = require('hazelcast-client') as { Client: ClientFactory };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ours = require('@hz/client') as { Client: ClientFactory };
    const expected = await program(official.Client, cluster, 'official');
    const got = await program(ours.Client, cluster, 'ours');
    expect(got.slice(1)).toEqual(expected.slice(1));
    expect(got[0]).toBe('drop-in-ours');
    expect(expected).toEqual(['drop-in-official', 1, { nested: ['x', 2] }, 2, false, 1, 1, 1, 'job-1', null, ['added a', 'added b']]);
  });

  it('takes the same custom logger (the official ILogger shape) and statistics config on both clients', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const official = require('hazelcast-client') as { Client: ClientFactory };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ours = require('@hz/client') as { Client: ClientFactory };
    const run = async (Client: ClientFactory, tag: string): Promise<Array<[string, string, string]>> => {
      const calls: Array<[string, string, string]> = [];
      const record =
        (level: string) =>
        (objectName: string, message: string): void =>
          void calls.push([level, typeof objectName, typeof message]);
      const customLogger = {
        log: (level: number, objectName: string, message: string) => void calls.push([`log ${level}`, typeof objectName, typeof message]),
        error: record('error'),
        warn: record('warn'),
        info: record('info'),
        debug: record('debug'),
        trace: record('trace'),
      };
      const client = await Client.newHazelcastClient({
        clusterName: cluster.clusterName,
        instanceName: `drop-in-logger-${tag}`,
        network: { clusterMembers: cluster.addresses },
        metrics: { enabled: true, collectionFrequencySeconds: 1 },
        customLogger,
      });
      const map = await client.getMap(`drop-in-logger-${tag}`);
      await map.put('k', 'v');
      expect(await map.get('k')).toBe('v');
      await client.shutdown();
      return calls;
    };
    for (const [Client, tag] of [[official.Client, 'official'], [ours.Client, 'ours']] as const) {
      const calls = await run(Client, tag);
      // Both log their start and shutdown through the given logger, as (objectName, message) strings.
      const info = calls.filter(([level]) => level === 'info' || level === 'log 2');
      expect(info.length).toBeGreaterThan(0);
      for (const [, objectName, message] of info) expect([objectName, message]).toEqual(['string', 'string']);
    }
  });
});
