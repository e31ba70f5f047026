import { BufferPool } from '../../src/util/buffer-pool';

describe('BufferPool', () => {
  it('hands out power-of-two buffers of 4-64 KiB and nothing outside that range', () => {
    const pool = new BufferPool();
    expect(pool.take(100)).toBeNull();
    expect(pool.take(2048)).toBeNull();
    expect(pool.take(64 * 1024 + 1)).toBeNull();
    expect(pool.take(2049)!.length).toBe(4096);
    expect(pool.take(4096)!.length).toBe(4096);
    expect(pool.take(10_240)!.length).toBe(16_384);
    expect(pool.take(65_536)!.length).toBe(65_536);
  });

  it('gives the buffer given back last to the next take of its class', () => {
    const pool = new BufferPool();
    const a = pool.take(10_000)!;
    const b = pool.take(10_000)!;
    expect(a).not.toBe(b);
    pool.give(a);
    pool.give(b);
    expect(pool.idleBytes()).toBe(2 * 16_384);
    expect(pool.take(9_000)).toBe(b);
    expect(pool.take(12_000)).toBe(a);
    // Another class does not get them.
    pool.give(a);
    expect(pool.take(5_000)).not.toBe(a);
  });

  it('keeps at most its limit of idle bytes, all classes together', () => {
    const pool = new BufferPool(3 * 16_384 + 4096);
    const buffers = Array.from({ length: 5 }, () => pool.take(16_384)!);
    for (const b of buffers) pool.give(b);
    expect(pool.idleBytes()).toBe(3 * 16_384);
    pool.give(pool.take(4096)!);
    pool.give(pool.take(4096)!);
    expect(pool.idleBytes()).toBe(3 * 16_384 + 4096);
    pool.give(pool.take(8192)!);
    expect(pool.idleBytes()).toBe(3 * 16_384 + 4096);
    pool.take(16_384);
    expect(pool.idleBytes()).toBe(2 * 16_384 + 4096);
  });

  it('ignores buffers that are not of a class size', () => {
    const pool = new BufferPool();
    pool.give(Buffer.alloc(10_000));
    pool.give(Buffer.alloc(1024));
    pool.give(Buffer.alloc(128 * 1024));
    expect(pool.idleBytes()).toBe(0);
  });
});
