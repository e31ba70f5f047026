// The streaming message reader: chunking at arbitrary boundaries, zero-copy delivery,
// fragment reassembly and rejection of malformed input.
import { readFileSync } from 'node:fs';
import { MalformedMessageError } from '../../src/errors/hazelcast-error';
import type { ClientMessage } from '../../src/protocol/client-message';
import {
  BEGIN_FRAGMENT_FLAG,
  END_FRAGMENT_FLAG,
  FRAME_HEADER_SIZE,
  IS_FINAL_FLAG,
  UNFRAGMENTED_MESSAGE,
} from '../../src/protocol/constants';
import { ClientMessageReader, DEFAULT_MAX_MESSAGE_SIZE } from '../../src/protocol/message-reader';
import { sharedPath } from '../../../../test/support/shared';

interface VectorEntry {
  messageType: number;
  plain: { offset: number; length: number };
}

const bin = readFileSync(sharedPath('protocol', 'vectors', 'messages.bin'));
const index: { messages: VectorEntry[] } = JSON.parse(readFileSync(sharedPath('protocol', 'vectors', 'index.json'), 'utf8'));
const vectors = index.messages;

/** Bytes of the i-th vector message, copied so tests own them. */
function vector(i: number): Buffer {
  const { offset, length } = vectors[i].plain;
  return Buffer.from(bin.subarray(offset, offset + length));
}

/** Mulberry32: a small seeded PRNG, so failures are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Feeds chunks (each a fresh Buffer, as a socket delivers them) and collects the messages. */
function readAll(chunks: Buffer[], reader = new ClientMessageReader()): ClientMessage[] {
  const out: ClientMessage[] = [];
  for (const chunk of chunks) reader.feed(chunk, (m) => out.push(m));
  return out;
}

/** Copies of consecutive slices of `data` ending at the given cut points. */
function cut(data: Buffer, points: number[]): Buffer[] {
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of [...points, data.length]) {
    chunks.push(Buffer.from(data.subarray(from, p)));
    from = p;
  }
  return chunks;
}

/**
 * Whether `view` lies in `chunk`'s memory. Small buffers share node's allocation pool, so an
 * equal ArrayBuffer alone proves nothing; the byte ranges must overlap too.
 */
function isViewOf(view: Buffer, chunk: Buffer): boolean {
  return (
    view.buffer === chunk.buffer &&
    view.byteOffset < chunk.byteOffset + chunk.length &&
    chunk.byteOffset < view.byteOffset + view.length
  );
}

interface Frame {
  at: number;
  length: number;
  flags: number;
}

function framesOf(buf: Buffer): Frame[] {
  const frames: Frame[] = [];
  for (let at = 0; at < buf.length; ) {
    const length = buf.readInt32LE(at);
    frames.push({ at, length, flags: buf.readUInt16LE(at + 4) });
    at += length;
  }
  return frames;
}

function frame(content: Buffer | number, flags: number): Buffer {
  const body = typeof content === 'number' ? Buffer.alloc(content, 0x5a) : content;
  const f = Buffer.alloc(FRAME_HEADER_SIZE + body.length);
  f.writeInt32LE(f.length, 0);
  f.writeUInt16LE(flags, 4);
  body.copy(f, FRAME_HEADER_SIZE);
  return f;
}

/** A frame header alone, claiming `length` bytes. */
function header(length: number, flags = UNFRAGMENTED_MESSAGE): Buffer {
  const h = Buffer.alloc(FRAME_HEADER_SIZE);
  h.writeInt32LE(length, 0);
  h.writeUInt16LE(flags, 4);
  return h;
}

/** A message with an initial frame of `initialContent` bytes and a final frame of `lastContent` bytes. */
function syntheticMessage(initialContent: number, lastContent: number): Buffer {
  const initial = frame(initialContent, UNFRAGMENTED_MESSAGE);
  initial.writeInt32LE(0x123456, FRAME_HEADER_SIZE); // message type
  return Buffer.concat([initial, frame(lastContent, IS_FINAL_FLAG)]);
}

function fragmentationFrame(id: bigint, flags: number): Buffer {
  const content = Buffer.alloc(8);
  content.writeBigInt64LE(id, 0);
  return frame(content, flags);
}

/**
 * Splits a message into fragments of about equal frame counts, as a sender would: each one is
 * a fragmentation frame and then some of the message's frames, the last of them marked final.
 */
function fragment(message: Buffer, id: bigint, count: number): Buffer[] {
  const frames = framesOf(message);
  expect(frames.length).toBeGreaterThanOrEqual(count);
  const fragments: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const first = frames[Math.floor((i * frames.length) / count)];
    const last = frames[Math.floor(((i + 1) * frames.length) / count) - 1];
    const body = Buffer.from(message.subarray(first.at, last.at + last.length));
    const lastAt = last.at - first.at;
    body.writeUInt16LE(body.readUInt16LE(lastAt + 4) | IS_FINAL_FLAG, lastAt + 4);
    const flags = i === 0 ? BEGIN_FRAGMENT_FLAG : i === count - 1 ? END_FRAGMENT_FLAG : 0;
    fragments.push(Buffer.concat([fragmentationFrame(id, flags), body]));
  }
  return fragments;
}

function expectMalformed(fn: () => void, message?: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(MalformedMessageError);
  if (message) expect((thrown as Error).message).toMatch(message);
}

/** Asserts the messages are exactly the vectors, in order. */
function expectAllVectors(messages: ClientMessage[]): void {
  expect(messages).toHaveLength(vectors.length);
  for (let i = 0; i < vectors.length; i++) {
    const { offset, length } = vectors[i].plain;
    const m = messages[i];
    if (m.messageType !== vectors[i].messageType || !m.buffer.equals(bin.subarray(offset, offset + length))) {
      throw new Error(`message ${i} (type ${vectors[i].messageType}) differs from the vector`);
    }
  }
}

// The largest multi-frame vectors, for splitting and fragmenting.
const bySize = vectors.map((_, i) => i).sort((a, b) => vectors[b].plain.length - vectors[a].plain.length);
const big = vector(bySize[0]);
const medium = vector(bySize.find((i) => vectors[i].plain.length < 300 && framesOf(vector(i)).length >= 6)!);
const small = vector(bySize.find((i) => vectors[i].plain.length <= 64 && framesOf(vector(i)).length >= 2)!);

describe('ClientMessageReader', () => {
  it('has the vectors it needs', () => {
    expect(vectors.length).toBeGreaterThan(100);
    expect(framesOf(big).length).toBeGreaterThanOrEqual(6);
    expect(framesOf(medium).length).toBeGreaterThanOrEqual(6);
    expect(framesOf(small).length).toBeGreaterThanOrEqual(2);
  });

  describe('chunking', () => {
    it('reads a single message in one chunk as a view of the chunk', () => {
      const chunk = Buffer.from(medium);
      const reader = new ClientMessageReader();
      const out = readAll([chunk], reader);
      expect(out).toHaveLength(1);
      expect(out[0].buffer.equals(medium)).toBe(true);
      expect(out[0].buffer.buffer).toBe(chunk.buffer);
      expect(out[0].buffer.byteOffset).toBe(chunk.byteOffset);
      expect(reader.pendingBytes).toBe(0);
    });

    it('reads many messages in one chunk, each a view of the chunk', () => {
      const chunk = Buffer.from(bin);
      const out = readAll([chunk]);
      expectAllVectors(out);
      for (let i = 0; i < out.length; i++) {
        expect(out[i].buffer.buffer).toBe(chunk.buffer);
        expect(out[i].buffer.byteOffset).toBe(chunk.byteOffset + vectors[i].plain.offset);
      }
    });

    it('delivers nothing for an incomplete message and counts its bytes as pending', () => {
      const reader = new ClientMessageReader();
      const out = readAll([medium.subarray(0, 3), medium.subarray(3, 40)], reader);
      expect(out).toHaveLength(0);
      expect(reader.pendingBytes).toBe(40);
      readAll([Buffer.alloc(0), medium.subarray(40)], reader).forEach((m) => out.push(m));
      expect(out).toHaveLength(1);
      expect(reader.pendingBytes).toBe(0);
    });

    it('reads a message split at every possible byte boundary', () => {
      for (const message of [small, medium, big]) {
        for (let p = 0; p <= message.length; p++) {
          const chunks = cut(message, [p]);
          const out = readAll(chunks);
          if (out.length !== 1 || !out[0].buffer.equals(message)) throw new Error(`split at ${p} of ${message.length} failed`);
          // Zero copy exactly when the message lies wholly in one chunk.
          const whole = p === 0 ? chunks[1] : p === message.length ? chunks[0] : null;
          if (whole !== null && !isViewOf(out[0].buffer, whole)) throw new Error(`split at ${p}: whole message was copied`);
          if (whole === null && chunks.some((c) => isViewOf(out[0].buffer, c))) throw new Error(`split at ${p}: spanning message aliases a chunk`);
        }
      }
    });

    it('reads a message split at every pair of boundaries (headers split in three)', () => {
      for (let p = 0; p <= small.length; p++) {
        for (let q = p; q <= small.length; q++) {
          const out = readAll(cut(small, [p, q]));
          if (out.length !== 1 || !out[0].buffer.equals(small)) throw new Error(`split at ${p},${q} failed`);
        }
      }
    });

    it('reads a stream of messages split at every boundary', () => {
      const stream = Buffer.concat([small, medium, small]);
      for (let p = 0; p <= stream.length; p++) {
        const out = readAll(cut(stream, [p]));
        expect(out.map((m) => m.buffer.length)).toEqual([small.length, medium.length, small.length]);
        expect(Buffer.concat(out.map((m) => m.buffer)).equals(stream)).toBe(true);
      }
    });

    it('reads the whole vectors file fed one byte at a time', () => {
      const reader = new ClientMessageReader();
      const out: ClientMessage[] = [];
      for (let i = 0; i < bin.length; i++) reader.feed(Buffer.from([bin[i]]), (m) => out.push(m));
      expectAllVectors(out);
      expect(reader.pendingBytes).toBe(0);
    });

    it.each([1, 2, 3, 42, 2024])('reads the whole vectors file fed in random chunk sizes (seed %i)', (seed) => {
      const random = prng(seed);
      const reader = new ClientMessageReader();
      const out: ClientMessage[] = [];
      const chunkOf: Buffer[] = []; // the chunk each message ended in
      const startOf = new Map<Buffer, number>(); // stream offset of each chunk
      let from = 0;
      while (from < bin.length) {
        // Mostly small chunks, some large, so messages end up both inside chunks and across them.
        const size = 1 + Math.floor(random() < 0.7 ? random() * 64 : random() * 4096);
        const chunk = Buffer.from(bin.subarray(from, Math.min(bin.length, from + size)));
        startOf.set(chunk, from);
        reader.feed(chunk, (m) => {
          out.push(m);
          chunkOf.push(chunk);
        });
        from += chunk.length;
      }
      expectAllVectors(out);
      expect(reader.pendingBytes).toBe(0);
      // Zero copy exactly for the messages that lay wholly inside one chunk.
      let views = 0;
      for (let i = 0; i < out.length; i++) {
        const { offset, length } = vectors[i].plain;
        const chunk = chunkOf[i];
        const start = startOf.get(chunk)!;
        const inside = offset >= start && offset + length <= start + chunk.length;
        expect(isViewOf(out[i].buffer, chunk)).toBe(inside);
        if (inside) views++;
      }
      expect(views).toBeGreaterThan(0);
      expect(views).toBeLessThan(out.length);
    });

    it('copies a message that spans chunks into one buffer of the exact size', () => {
      const chunks = cut(big, [5, 1000]);
      const out = readAll(chunks);
      expect(out).toHaveLength(1);
      const b = out[0].buffer;
      expect(b.equals(big)).toBe(true);
      expect(b.length).toBe(big.length);
      for (const c of chunks) expect(isViewOf(b, c)).toBe(false);
      // The copy does not alias the chunks: changing them afterwards leaves it intact.
      for (const c of chunks) c.fill(0xee);
      expect(b.equals(big)).toBe(true);
    });

    it('puts small messages that span chunks together in a shared 64 KiB buffer, large ones in their own', () => {
      const small = syntheticMessage(16, 5000);
      const large = syntheticMessage(16, 20_000);
      const reader = new ClientMessageReader();
      const out = readAll(
        [small.subarray(0, 100), small.subarray(100), small.subarray(0, 2000), small.subarray(2000), large.subarray(0, 10), large.subarray(10)],
        reader,
      );
      expect(out.map((m) => m.buffer.length)).toEqual([small.length, small.length, large.length]);
      for (const m of out.slice(0, 2)) expect(m.buffer.equals(small)).toBe(true);
      expect(out[2].buffer.equals(large)).toBe(true);
      expect(out[0].buffer.buffer).toBe(out[1].buffer.buffer);
      expect(out[0].buffer.buffer.byteLength).toBe(64 * 1024);
      // Aligned one after the other, without overlap.
      expect(out[1].buffer.byteOffset).toBeGreaterThanOrEqual(out[0].buffer.byteOffset + small.length);
      expect(out[2].buffer.buffer).not.toBe(out[0].buffer.buffer);
      expect(out[2].buffer.buffer.byteLength).toBeLessThan(64 * 1024);
    });

    it('reads a 1 MiB message fed one byte per chunk copying each byte a bounded number of times', () => {
      const message = syntheticMessage(16, 1024 * 1024);
      const reader = new ClientMessageReader();
      const out: ClientMessage[] = [];
      const onMessage = (m: ClientMessage): void => {
        out.push(m);
      };
      // Count the bytes that concatenation produces: re-concatenating everything pending on each
      // chunk (quadratic) would make this about 5 * 10^11 instead of a small multiple of the size.
      const concat = jest.spyOn(Buffer, 'concat');
      try {
        for (let i = 0; i < message.length; i++) {
          reader.feed(message.subarray(i, i + 1), onMessage);
          if (i === 500_000) expect(reader.pendingBytes).toBe(500_001);
        }
        const copied = concat.mock.results.reduce((n, r) => n + (r.value as Buffer).length, 0);
        expect(copied).toBeLessThanOrEqual(2 * message.length);
      } finally {
        concat.mockRestore();
      }
      expect(out).toHaveLength(1);
      expect(out[0].buffer.equals(message)).toBe(true);
      expect(out[0].messageType).toBe(0x123456);
    }, 60_000);

    it('reads the same 1 MiB message in chunks of 1000 bytes (pieces kept as views)', () => {
      const message = syntheticMessage(16, 1024 * 1024);
      const out = readAll(cut(message, Array.from({ length: Math.floor(message.length / 1000) }, (_, i) => (i + 1) * 1000)));
      expect(out).toHaveLength(1);
      expect(out[0].buffer.equals(message)).toBe(true);
    });

    it('reads messages made of empty frames split inside headers', () => {
      const message = Buffer.concat([frame(0, UNFRAGMENTED_MESSAGE), frame(0, 0), frame(0, IS_FINAL_FLAG)]);
      const stream = Buffer.concat([message, message]);
      for (let p = 0; p <= stream.length; p++) {
        const out = readAll(cut(stream, [p]));
        expect(out).toHaveLength(2);
        expect(out.every((m) => m.buffer.equals(message))).toBe(true);
      }
    });
  });

  describe('fragmented messages', () => {
    function expectFinalOnlyLast(m: ClientMessage): void {
      const frames = framesOf(m.buffer);
      frames.forEach((f, i) => expect((f.flags & IS_FINAL_FLAG) !== 0).toBe(i === frames.length - 1));
    }

    it('reassembles a message sent as 2 fragments', () => {
      const reader = new ClientMessageReader();
      const [a, b] = fragment(big, 7n, 2);
      const out = readAll([a], reader);
      expect(out).toHaveLength(0);
      expect(reader.pendingBytes).toBeGreaterThan(0);
      readAll([b], reader).forEach((m) => out.push(m));
      expect(out).toHaveLength(1);
      expect(out[0].buffer.equals(big)).toBe(true);
      expect(out[0].messageType).toBe(vectors[bySize[0]].messageType);
      expectFinalOnlyLast(out[0]);
      expect(reader.pendingBytes).toBe(0);
    });

    it('reassembles 3 fragments interleaved with an unfragmented message and another fragmented id', () => {
      const [a1, a2, a3] = fragment(big, 1n, 3);
      const [b1, b2] = fragment(medium, -5n, 2); // a negative int64 id
      const stream = [a1, small, b1, a2, small, b2, a3];
      const check = (out: ClientMessage[]): void => {
        expect(out.map((m) => m.buffer.length)).toEqual([small.length, small.length, medium.length, big.length]);
        expect(out[0].buffer.equals(small)).toBe(true);
        expect(out[1].buffer.equals(small)).toBe(true);
        expect(out[2].buffer.equals(medium)).toBe(true);
        expect(out[3].buffer.equals(big)).toBe(true);
        out.forEach(expectFinalOnlyLast);
      };
      const chunks = stream.map((s) => Buffer.from(s));
      check(readAll(chunks));
      // The chunks themselves are left untouched (IS_FINAL is cleared in the copy).
      chunks.forEach((c, i) => expect(c.equals(stream[i])).toBe(true));
      // All in one chunk, and one byte at a time.
      const joined = Buffer.concat(stream);
      check(readAll([joined]));
      check(readAll(cut(joined, Array.from({ length: joined.length - 1 }, (_, i) => i + 1))));
    });

    it('reuses a fragmentation id once its message is complete', () => {
      const out = readAll([...fragment(medium, 9n, 2), ...fragment(big, 9n, 3)]);
      expect(out).toHaveLength(2);
      expect(out[0].buffer.equals(medium)).toBe(true);
      expect(out[1].buffer.equals(big)).toBe(true);
    });
  });

  describe('rejections', () => {
    it.each([-1, -6, -(2 ** 31), 0, 1, 2, 3, 4, 5])('rejects frame length %i', (length) => {
      const reader = new ClientMessageReader();
      expectMalformed(() => reader.feed(Buffer.concat([header(length), Buffer.alloc(32)]), () => undefined), /frame length/);
    });

    it('rejects a bad length in a later frame of a message', () => {
      const bad = Buffer.concat([frame(4, UNFRAGMENTED_MESSAGE), header(3, IS_FINAL_FLAG)]);
      expectMalformed(() => readAll([bad]), /frame length 3/);
    });

    it('rejects a frame over maxMessageSize from its header alone, without allocating', () => {
      const spies = [
        jest.spyOn(Buffer, 'alloc'),
        jest.spyOn(Buffer, 'allocUnsafe'),
        jest.spyOn(Buffer, 'allocUnsafeSlow'),
        jest.spyOn(Buffer, 'concat'),
      ];
      try {
        for (const length of [1025, 2 ** 31 - 1]) {
          const reader = new ClientMessageReader({ maxMessageSize: 1024 });
          expectMalformed(() => reader.feed(header(length), () => undefined), /frame length/);
          // Header split across chunks: rejected on its last byte.
          const split = new ClientMessageReader({ maxMessageSize: 1024 });
          split.feed(header(length).subarray(0, 3), () => undefined);
          expectMalformed(() => split.feed(header(length).subarray(3), () => undefined), /frame length/);
        }
        for (const spy of spies) {
          for (const call of spy.mock.calls) {
            const size = typeof call[0] === 'number' ? call[0] : (call[1] ?? 0);
            expect(size).toBeLessThanOrEqual(64 * 1024);
          }
        }
      } finally {
        spies.forEach((s) => s.mockRestore());
      }
    });

    it('accepts a message of exactly maxMessageSize and rejects one byte more', () => {
      const exact = syntheticMessage(100, 1024 - 100 - 2 * FRAME_HEADER_SIZE);
      expect(exact.length).toBe(1024);
      expect(readAll([exact], new ClientMessageReader({ maxMessageSize: 1024 }))).toHaveLength(1);
      const over = syntheticMessage(100, 1024 - 100 - 2 * FRAME_HEADER_SIZE + 1);
      expectMalformed(() => readAll([over], new ClientMessageReader({ maxMessageSize: 1024 })), /maximum size/);
    });

    it('rejects a message whose frames add up to more than maxMessageSize as soon as the header shows it', () => {
      const reader = new ClientMessageReader({ maxMessageSize: 1024 });
      reader.feed(frame(594, UNFRAGMENTED_MESSAGE), () => undefined);
      expect(reader.pendingBytes).toBe(600);
      // Each frame fits; the second makes the message 1200 bytes: rejected before its content.
      expectMalformed(() => reader.feed(header(600, IS_FINAL_FLAG), () => undefined), /maximum size/);
    });

    it('rejects a fragmented message whose fragments add up to more than maxMessageSize', () => {
      const message = syntheticMessage(300, 500); // 812 bytes, each fragment well under 1024
      const twice = Buffer.concat([message.subarray(0, 306), message.subarray(0, 306), message.subarray(306)]);
      twice.writeUInt16LE(0, 306 + 4); // the repeated initial frame is an ordinary frame now
      const fragments = fragment(twice, 3n, 3);
      const reader = new ClientMessageReader({ maxMessageSize: 1024 });
      reader.feed(fragments[0], () => undefined);
      reader.feed(fragments[1], () => undefined);
      expectMalformed(() => reader.feed(fragments[2], () => undefined), /Fragmented message 3 exceeds the maximum size/);
    });

    it('rejects a middle or last fragment whose id has no first fragment', () => {
      const [, middle, last] = fragment(big, 11n, 3);
      expectMalformed(() => readAll([middle]), /no first fragment/);
      expectMalformed(() => readAll([last]), /no first fragment/);
      // A first fragment of another id does not help.
      const [otherFirst] = fragment(medium, 12n, 2);
      expectMalformed(() => readAll([otherFirst, last]), /no first fragment/);
    });

    it('rejects a first fragment whose id is already open', () => {
      const [first] = fragment(big, 13n, 3);
      expectMalformed(() => readAll([first, Buffer.from(first)]), /already open/);
    });

    it('rejects a fragmentation frame too short for an id, and a fragment without frames', () => {
      const short = Buffer.concat([frame(4, BEGIN_FRAGMENT_FLAG), frame(8, IS_FINAL_FLAG)]);
      expectMalformed(() => readAll([short]), /too short/);
      const empty = fragmentationFrame(1n, BEGIN_FRAGMENT_FLAG | IS_FINAL_FLAG);
      expectMalformed(() => readAll([empty]), /no frames/);
    });

    it('throws again on every later feed, even with valid input', () => {
      const reader = new ClientMessageReader();
      const out: ClientMessage[] = [];
      expectMalformed(() => reader.feed(Buffer.concat([small, header(2)]), (m) => out.push(m)));
      expect(out).toHaveLength(1); // the message before the bad frame was delivered
      expect(reader.pendingBytes).toBe(0); // buffers are released
      expectMalformed(() => reader.feed(Buffer.from(small), (m) => out.push(m)), /failed earlier/);
      expectMalformed(() => reader.feed(Buffer.alloc(0), (m) => out.push(m)), /failed earlier/);
      expect(out).toHaveLength(1);
    });

    it('refuses further input after onMessage throws, since the rest of the chunk was not read', () => {
      const reader = new ClientMessageReader();
      expect(() =>
        reader.feed(Buffer.concat([small, small]), () => {
          throw new Error('handler failed');
        }),
      ).toThrow('handler failed');
      expectMalformed(() => reader.feed(Buffer.from(small), () => undefined), /failed earlier/);
    });
  });

  describe('options', () => {
    it('defaults maxMessageSize to 64 MiB', () => {
      expect(DEFAULT_MAX_MESSAGE_SIZE).toBe(64 * 1024 * 1024);
      expect(new ClientMessageReader().maxMessageSize).toBe(DEFAULT_MAX_MESSAGE_SIZE);
      expectMalformed(() => new ClientMessageReader().feed(header(DEFAULT_MAX_MESSAGE_SIZE + 1), () => undefined));
      // A frame of exactly the maximum is accepted (and waited for).
      const reader = new ClientMessageReader();
      reader.feed(header(DEFAULT_MAX_MESSAGE_SIZE), () => undefined);
      expect(reader.pendingBytes).toBe(FRAME_HEADER_SIZE);
    });

    it.each([0, 5, -1, 1.5, Number.NaN])('rejects maxMessageSize %p', (max) => {
      expect(() => new ClientMessageReader({ maxMessageSize: max })).toThrow(RangeError);
    });
  });
});
