// The official Node.js client (hazelcast-client 5.6.0) with a near cache: it registers its
// invalidation listener, fetches the metadata and drops a cached value that another client changed.
import { startCluster, type Cluster } from '../../src';
import { waitFor } from '../support/raw-client';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const hz = require('hazelcast-client') as { Client: { newHazelcastClient(config: object): Promise<HzClient> } };

interface HzMap {
  put(k: unknown, v: unknown): Promise<unknown>;
  get(k: unknown): Promise<unknown>;
  remove(k: unknown): Promise<unknown>;
  clear(): Promise<void>;
  /** The proxy's near cache (internal to the client; read here for its statistics only). */
  nearCache: { getStatistics(): { hitCount: number; entryCount: number } };
}
interface HzClient {
  getMap(name: string): Promise<HzMap>;
  shutdown(): Promise<void>;
}

describe('the official hazelcast-client near cache and invalidations', () => {
  let cluster: Cluster;
  let cached: HzClient;
  let writer: HzClient;

  const connect = (nearCache: boolean): Promise<HzClient> =>
    hz.Client.newHazelcastClient({
      clusterName: cluster.name,
      network: { clusterMembers: cluster.addresses() },
      properties: { 'hazelcast.logging.level': 'OFF' },
      ...(nearCache ? { nearCaches: { 'nc-*': { invalidateOnChange: true } } } : {}),
    });

  beforeAll(async () => {
    cluster = await startCluster({ members: 2, port: 0, logLevel: 'silent' });
    cached = await connect(true);
    writer = await connect(false);
  });
  afterAll(async () => {
    await cached?.shutdown();
    await writer?.shutdown();
    await cluster.shutdown();
  });

  it('serves a cached value from the near cache until another client changes or removes it', async () => {
    const m = await cached.getMap('nc-interop');
    const w = await writer.getMap('nc-interop');
    await waitFor(() => cluster.mapService.nearCache.registrations.size === 2, 5000, 'a listener on each member');
    await w.put('k', 'v1');
    expect(await m.get('k')).toBe('v1');
    expect(await m.get('k')).toBe('v1');
    expect(m.nearCache.getStatistics().hitCount).toBeGreaterThanOrEqual(1);

    await w.put('k', 'v2');
    await waitFor(() => m.nearCache.getStatistics().entryCount === 0, 5000, 'the invalidation');
    expect(await m.get('k')).toBe('v2');

    await w.remove('k');
    await waitFor(() => m.nearCache.getStatistics().entryCount === 0, 5000, 'the invalidation of the removal');
    expect(await m.get('k')).toBeNull();

    await w.put('a', '1');
    await w.put('b', '2');
    expect([await m.get('a'), await m.get('b')]).toEqual(['1', '2']);
    await w.clear();
    await waitFor(() => m.nearCache.getStatistics().entryCount === 0, 5000, 'the invalidation of everything');
    expect([await m.get('a'), await m.get('b')]).toEqual([null, null]);
  });
});
