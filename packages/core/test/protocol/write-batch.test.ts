import { CONCAT_MAX_BYTES, writeBatch, type BatchWritable } from '@hz/core/codec';

/** Records socket writes; what is written between cork() and uncork() is one writev. */
function socket(full = false): BatchWritable & { writes: Buffer[][]; callbacks: Array<[Buffer, unknown]> } {
  let corked: Buffer[] | null = null;
  const writes: Buffer[][] = [];
  const callbacks: Array<[Buffer, unknown]> = [];
  return {
    writes,
    callbacks,
    write(chunk, callback) {
      if (corked) corked.push(chunk);
      else writes.push([chunk]);
      if (callback) callbacks.push([chunk, callback]);
      return !full;
    },
    cork: () => void (corked = []),
    uncork() {
      writes.push(corked ?? []);
      corked = null;
    },
  };
}

describe('writeBatch', () => {
  it('writes one message as it is', () => {
    const s = socket();
    const m = Buffer.from('abc');
    expect(writeBatch(s, [m], 3)).toBe(true);
    expect(s.writes).toEqual([[m]]);
    expect(s.writes[0][0]).toBe(m);
  });

  it('copies small messages into one buffer', () => {
    const s = socket();
    const batch = [Buffer.alloc(100, 1), Buffer.alloc(200, 2)];
    writeBatch(s, batch, 300);
    expect(s.writes).toHaveLength(1);
    expect(s.writes[0]).toHaveLength(1);
    expect(s.writes[0][0].equals(Buffer.concat(batch))).toBe(true);
  });

  it('hands large messages to the socket uncopied, as one writev, and reports backpressure', () => {
    const s = socket(true);
    const batch = [Buffer.alloc(CONCAT_MAX_BYTES, 1), Buffer.alloc(10, 2)];
    expect(writeBatch(s, batch, CONCAT_MAX_BYTES + 10)).toBe(false);
    expect(s.writes).toHaveLength(1);
    expect(s.writes[0][0]).toBe(batch[0]);
    expect(s.writes[0][1]).toBe(batch[1]);
  });

  it('hands the completion callback to the write that ends the batch, and to no other', () => {
    const done = (): void => undefined;
    for (const batch of [[Buffer.alloc(5)], [Buffer.alloc(100), Buffer.alloc(200)], [Buffer.alloc(CONCAT_MAX_BYTES, 1), Buffer.alloc(10), Buffer.alloc(20)]]) {
      const s = socket();
      writeBatch(s, batch, batch.reduce((n, b) => n + b.length, 0), done);
      expect(s.callbacks).toHaveLength(1);
      const written = s.writes.at(-1)!;
      expect(s.callbacks[0][0]).toBe(written.at(-1));
      expect(s.callbacks[0][1]).toBe(done);
    }
  });
});
