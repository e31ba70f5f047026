import { CONCAT_MAX_BYTES, writeBatch, type BatchWritable } from '@hz/core/codec';

/** Records socket writes; what is written between cork() and uncork() is one writev. */
function socket(full = false): BatchWritable & { writes: Buffer[][] } {
  let corked: Buffer[] | null = null;
  const writes: Buffer[][] = [];
  return {
    writes,
    write(chunk) {
      if (corked) corked.push(chunk);
      else writes.push([chunk]);
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
});
