import { PartitionTable } from '../src/cluster/partition-table';
import { parseCliArgs } from '../src/cli/run';
import { ExpiryScheduler } from '../src/storage/expiry-scheduler';
import { partitionOf } from '../src/storage/partitioning';
import { parseStatisticsAttributes } from '../src/services/client/endpoint';
import { RecordStore } from '../src/storage/record-store';

describe('PartitionTable', () => {
  const counts = (t: PartitionTable, members: string[]) => members.map((m) => t.byOwner(members).find(([u]) => u === m)?.[1].length ?? 0);

  it('spreads partitions evenly and moves only what it must', () => {
    const t = new PartitionTable(271);
    t.rebalance(['a']);
    expect(counts(t, ['a'])).toEqual([271]);
    const v1 = t.version;
    t.rebalance(['a', 'b', 'c']);
    expect(t.version).toBeGreaterThan(v1);
    expect(counts(t, ['a', 'b', 'c'])).toEqual([91, 90, 90]);
    const before = Array.from({ length: 271 }, (_, p) => t.ownerOf(p));
    t.rebalance(['a', 'c']);
    expect(counts(t, ['a', 'c'])).toEqual([136, 135]);
    for (let p = 0; p < 271; p++) if (before[p] !== 'b') expect(t.ownerOf(p)).toBe(before[p]);
    t.rebalance([]);
    expect(t.ownerOf(0)).toBe('');
  });
});

describe('partitioning', () => {
  it('follows the member for the partition of a hash, -2^31 included', () => {
    const withHash = (h: number) => {
      const b = Buffer.alloc(12);
      b.writeInt32BE(h, 0);
      return b;
    };
    expect(partitionOf(withHash(-0x80000000), 271)).toBe(0);
    expect(partitionOf(withHash(-5), 271)).toBe(5);
    expect(partitionOf(withHash(300), 271)).toBe(29);
  });
});

describe('ExpiryScheduler', () => {
  afterEach(() => jest.useRealTimers());

  it('runs tasks in time order on one timer, and nothing after stop', () => {
    jest.useFakeTimers();
    let now = 1000;
    const s = new ExpiryScheduler(() => now);
    const ran: string[] = [];
    s.schedule(1300, () => ran.push('c'));
    s.schedule(1100, () => ran.push('a'));
    s.schedule(1200, () => ran.push('b'));
    s.schedule(Infinity, () => ran.push('never'));
    expect(jest.getTimerCount()).toBe(1);
    now = 1200;
    jest.advanceTimersByTime(200);
    expect(ran).toEqual(['a', 'b']);
    s.stop();
    now = 2000;
    jest.advanceTimersByTime(1000);
    expect(ran).toEqual(['a', 'b']);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('RecordStore', () => {
  it('keeps its own copy of the bytes', () => {
    const store = new RecordStore();
    const key = Buffer.from([0, 0, 0, 0, 0, 0, 0, 1, 9]);
    const value = Buffer.from([1, 2, 3]);
    store.put(key, value, 0, 0);
    value[0] = 7;
    key[8] = 8;
    expect(store.get(Buffer.from([0, 0, 0, 0, 0, 0, 0, 1, 9]))?.value).toEqual(Buffer.from([1, 2, 3]));
  });

  it('copies values of 4-8 KiB into shared 64 KiB buffers, never into the received chunk', () => {
    const store = new RecordStore();
    const chunk = Buffer.alloc(64 * 1024, 5);
    const a = store.put(Buffer.from('key-a'), chunk.subarray(0, 6000), 0, 0).record.value;
    const b = store.put(Buffer.from('key-b'), chunk.subarray(20_000, 25_000), 0, 0).record.value;
    expect(a.buffer).not.toBe(chunk.buffer);
    expect(a.buffer).toBe(b.buffer);
    expect(a.buffer.byteLength).toBe(64 * 1024);
    expect(b.byteOffset).toBeGreaterThanOrEqual(a.byteOffset + a.length);
    chunk.fill(6);
    expect([a, b].every((v) => v.every((byte) => byte === 5))).toBe(true);
    expect([a.length, b.length]).toEqual([6000, 5000]);
  });

  it('keeps values of 8 KiB and more as received (the reader never reuses what it delivers)', () => {
    const store = new RecordStore();
    const chunk = Buffer.alloc(64 * 1024, 5);
    const value = chunk.subarray(1000, 1000 + 10_240);
    const kept = store.put(Buffer.from('key-a'), value, 0, 0).record.value;
    expect(kept).toBe(value);
    const small = store.put(Buffer.from('key-b'), chunk.subarray(0, 8 * 1024 - 1), 0, 0).record.value;
    expect(small.buffer).not.toBe(chunk.buffer);
  });
});

describe('statistics attributes', () => {
  it('splits pairs on unescaped commas', () => {
    expect(parseStatisticsAttributes('a=1,b=x\\,y,c=')).toEqual({ a: '1', b: 'x,y', c: '' });
  });
});

describe('CLI arguments', () => {
  it('parses options into cluster options', () => {
    expect(parseCliArgs(['--members', '3', '--port=5701', '--cluster-name', 'dev2', '--log-level', 'warn', '--heartbeat-timeout', '1000'])).toEqual({
      help: false,
      cluster: { members: 3, port: 5701, clusterName: 'dev2', logLevel: 'warn', heartbeatTimeoutMs: 1000 },
    });
    expect(parseCliArgs(['-h']).help).toBe(true);
    expect(() => parseCliArgs(['--members', 'x'])).toThrow(/integer/);
    expect(() => parseCliArgs(['--bogus'])).toThrow(/Unknown option/);
    expect(() => parseCliArgs(['--tls-mutual'])).toThrow(/need --tls-key/);
  });
});
