// The official Node.js client (hazelcast-client 5.6.0) against the map service's locks, entry
// processors, expiry, entry views, predicate listeners and paging: what it sends (thread id 0,
// reference id 0, its own codecs) works as on a Hazelcast member.
import { startCluster, type Cluster } from '../../src';
import { waitFor } from '../support/raw-client';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const hz = require('hazelcast-client') as {
  Client: { newHazelcastClient(config: object): Promise<HzClient> };
  Predicates: { alwaysTrue(): object; alwaysFalse(): object; paging(p: object, size: number): HzPaging };
};

interface HzPaging {
  nextPage(): HzPaging;
  setPage(p: number): HzPaging;
}
interface HzMap {
  put(k: unknown, v: unknown, ttl?: number, maxIdle?: number): Promise<unknown>;
  get(k: unknown): Promise<unknown>;
  putAll(entries: Array<[unknown, unknown]>): Promise<void>;
  lock(k: unknown, lease?: number): Promise<void>;
  tryLock(k: unknown, timeout?: number, lease?: number): Promise<boolean>;
  unlock(k: unknown): Promise<void>;
  forceUnlock(k: unknown): Promise<void>;
  isLocked(k: unknown): Promise<boolean>;
  executeOnKey(k: unknown, processor: object): Promise<unknown>;
  executeOnEntries(processor: object, predicate?: object): Promise<Array<[unknown, unknown]>>;
  getEntryView(k: unknown): Promise<{ key: unknown; value: unknown; hits: { toNumber(): number }; ttl: { toNumber(): number } } | null>;
  setTtl(k: unknown, ttl: number): Promise<boolean>;
  keySet(): Promise<unknown[]>;
  keySetWithPredicate(p: object): Promise<unknown[]>;
  addEntryListenerWithPredicate(listener: object, predicate: object, key?: unknown, includeValue?: boolean): Promise<string>;
}
interface HzClient {
  getMap(name: string): Promise<HzMap>;
  shutdown(): Promise<void>;
}

class Upper {
  readonly factoryId = 77;
  readonly classId = 1;
  suffix = '!';
  writeData(out: { writeString(s: string): void }): void {
    out.writeString(this.suffix);
  }
  readData(): void {}
}

describe('the official hazelcast-client and the map service', () => {
  let cluster: Cluster;
  let client: HzClient;
  let seq = 0;
  const map = (): Promise<HzMap> => client.getMap(`official-${++seq}`);

  beforeAll(async () => {
    cluster = await startCluster({ members: 2, port: 0, logLevel: 'silent' });
    cluster.mapService.registerEntryProcessor(77, 1, (fields) => {
      const suffix = fields.readString() ?? '';
      return (entry) => {
        const next = `${String(entry.value).toUpperCase()}${suffix}`;
        entry.setValue(next);
        return next;
      };
    });
    client = await hz.Client.newHazelcastClient({
      clusterName: cluster.name,
      network: { clusterMembers: cluster.addresses() },
      properties: { 'hazelcast.logging.level': 'OFF' },
    });
  });
  afterAll(async () => {
    await client?.shutdown();
    await cluster.shutdown();
  });

  it('locks, unlocks (reentrantly, with reference id 0), tries and forces', async () => {
    const m = await map();
    await m.lock('k');
    await m.lock('k');
    await m.unlock('k');
    expect(await m.isLocked('k')).toBe(true);
    await m.unlock('k');
    expect(await m.isLocked('k')).toBe(false);
    expect(await m.tryLock('k', 0, 60_000)).toBe(true);
    await m.forceUnlock('k');
    expect(await m.isLocked('k')).toBe(false);
  });

  it('runs a TypeScript-registered entry processor on one key and on all entries', async () => {
    const m = await map();
    await m.putAll([['a', 'x'], ['b', 'y']]);
    expect(await m.executeOnKey('a', new Upper())).toBe('X!');
    expect(await m.get('a')).toBe('X!');
    const results = new Map(await m.executeOnEntries(new Upper(), hz.Predicates.alwaysTrue()));
    expect(results).toEqual(new Map([['a', 'X!!'], ['b', 'Y!']]));
  });

  it('expires with TTL and max idle, shows entry views and sets TTLs', async () => {
    const m = await map();
    await m.put('ttl', 'v', 500);
    await m.put('idle', 'v', 0, 500);
    await m.put('kept', 'v');
    expect(await m.setTtl('kept', 0)).toBe(true);
    const view = (await m.getEntryView('kept'))!;
    expect([view.key, view.value]).toEqual(['kept', 'v']);
    const start = Date.now();
    let keys: unknown[] = [];
    while (Date.now() - start < 10_000) {
      keys = await m.keySet();
      if (keys.length === 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(keys).toEqual(['kept']);
  });

  it('pages with its paging predicate, and hears predicate listeners', async () => {
    const m = await map();
    const added: unknown[] = [];
    await m.addEntryListenerWithPredicate({ added: (e: { key: unknown }) => added.push(e.key) }, hz.Predicates.alwaysTrue(), undefined, true);
    await m.putAll([1, 2, 3, 4, 5].map((i) => [i, `v${i}`] as [number, string]));
    const paging = hz.Predicates.paging(hz.Predicates.alwaysTrue(), 2);
    expect(await m.keySetWithPredicate(paging)).toEqual([1, 2]);
    paging.nextPage();
    expect(await m.keySetWithPredicate(paging)).toEqual([3, 4]);
    paging.nextPage();
    expect(await m.keySetWithPredicate(paging)).toEqual([5]);
    await waitFor(() => added.length === 5, 5000, 'the added events');
  });
});
