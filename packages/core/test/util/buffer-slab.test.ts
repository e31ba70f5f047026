import { allocateBuffer, SlabAllocator } from '../../src/util/buffer-slab';

describe('allocateBuffer', () => {
  it('carves mid-sized Buffers out of one shared slab, without overlap', () => {
    const buffers = Array.from({ length: 5 }, (_, i) => allocateBuffer(10_000 + i));
    for (const [i, b] of buffers.entries()) {
      expect(b.length).toBe(10_000 + i);
      b.fill(i + 1);
    }
    // Filling each did not touch the others.
    for (const [i, b] of buffers.entries()) expect(b.every((x) => x === i + 1)).toBe(true);
    expect(new Set(buffers.map((b) => b.buffer)).size).toBeLessThanOrEqual(2);
    for (const b of buffers) expect(b.byteOffset % 8).toBe(0);
  });

  it('starts a new slab when the current one is full', () => {
    const buffers = Array.from({ length: 20 }, () => allocateBuffer(32 * 1024));
    expect(new Set(buffers.map((b) => b.buffer)).size).toBeGreaterThan(1);
    for (const b of buffers) expect(b.buffer.byteLength).toBe(256 * 1024);
  });

  it('leaves small and large Buffers to Node', () => {
    expect(allocateBuffer(100).buffer.byteLength).not.toBe(256 * 1024);
    expect(allocateBuffer(100_000).length).toBe(100_000);
    expect(allocateBuffer(100_000).buffer.byteLength).not.toBe(256 * 1024);
  });
});

describe('SlabAllocator', () => {
  it('carves Buffers within its bounds out of slabs of its size', () => {
    const slabs = new SlabAllocator(64 * 1024, 4 * 1024, 16 * 1024);
    const a = slabs.allocate(10_000);
    const b = slabs.allocate(5_000);
    expect(a.buffer).toBe(b.buffer);
    expect(a.buffer.byteLength).toBe(64 * 1024);
    expect(b.byteOffset).toBeGreaterThanOrEqual(a.byteOffset + a.length);
    expect(slabs.allocate(1000).buffer).not.toBe(a.buffer);
    expect(slabs.allocate(20_000).buffer.byteLength).not.toBe(64 * 1024);
  });
});
