import type { EntryEvent } from '@hz/proxies/map';
import { eventually, MapTestContext } from './support';

// Times are short (1 s); assertions wait with `eventually` instead of timing anything.
jest.setTimeout(30_000);

describe('IMap expiry: TTL, max idle and setTtl', () => {
  const ctx = new MapTestContext(2);
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('expires entries put with a TTL, and tells expired listeners', async () => {
    const map = await ctx.map<string, string>();
    const expired: Array<EntryEvent<string, string>> = [];
    await map.addEntryListener({ expired: (e) => expired.push(e) }, undefined, true);
    await map.put('put', 'v', 1000);
    await map.set('set', 'v', 1000);
    await map.putIfAbsent('absent', 'v', 1000);
    await map.putTransient('transient', 'v', 1000);
    await map.put('forever', 'v', 0);
    await map.put('default', 'v');
    expect(await map.size()).toBe(6);
    await eventually(async () => expect((await map.keySet()).sort()).toEqual(['default', 'forever']), 15_000, 100);
    await eventually(() => expect(expired.map((e) => e.key).sort()).toEqual(['absent', 'put', 'set', 'transient']), 15_000, 100);
    expect(expired.every((e) => e.oldValue === 'v' && e.value === null && e.name === map.getName())).toBe(true);
  });

  it('expires an entry left idle for longer than its max idle, and keeps one that is read', async () => {
    const map = await ctx.map<string, string>();
    await map.put('idle', 'v', 0, 1000);
    await map.set('read', 'v', 0, 2000);
    // "read" is read every 250 ms, for longer than its max idle: it stays; "idle" goes (keySet reads nothing).
    const until = Date.now() + 3000;
    while (Date.now() < until) {
      expect(await map.get('read')).toBe('v');
      await new Promise((r) => setTimeout(r, 250));
    }
    await eventually(async () => expect(await map.keySet()).toEqual(['read']), 15_000, 100);
    const view = (await map.getEntryView('read'))!;
    expect(view.maxIdle.toNumber()).toBe(2000);
  });

  it('gives an existing entry a new TTL with setTtl, and takes it away with 0', async () => {
    const map = await ctx.map<string, string>();
    await map.put('short', 'v');
    await map.put('kept', 'v', 1000);
    expect(await map.setTtl('short', 1000)).toBe(true);
    expect(await map.setTtl('kept', 0)).toBe(true);
    expect(await map.setTtl('missing', 1000)).toBe(false);
    await eventually(async () => expect(await map.keySet()).toEqual(['kept']), 15_000, 100);
    expect(await map.get('kept')).toBe('v');
  });

  it('shows the TTL in the entry view', async () => {
    const map = await ctx.map<string, string>();
    await map.put('k', 'v', 60_000);
    const view = (await map.getEntryView('k'))!;
    expect(view.ttl.toNumber()).toBe(60_000);
    expect(view.expirationTime.toNumber()).toBeGreaterThan(view.creationTime.toNumber());
  });
});
