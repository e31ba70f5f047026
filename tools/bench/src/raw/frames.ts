// The raw baseline's framing: the least a request/response protocol needs (a length and a
// correlation id), so that the raw numbers are what the machine does without a client.
//
// request:  int32 length | int32 correlation id | int32 response length | padding
// response: int32 length | int32 correlation id | padding
// Lengths count the whole frame, header included; little-endian like the Hazelcast protocol.

export const REQUEST_HEADER_BYTES = 12;
export const RESPONSE_HEADER_BYTES = 8;

export function requestHeader(correlationId: number, requestBytes: number, responseBytes: number): Buffer {
  if (requestBytes < REQUEST_HEADER_BYTES) throw new RangeError(`A request frame is at least ${REQUEST_HEADER_BYTES} bytes, got ${requestBytes}`);
  if (responseBytes < RESPONSE_HEADER_BYTES) throw new RangeError(`A response frame is at least ${RESPONSE_HEADER_BYTES} bytes, got ${responseBytes}`);
  const b = Buffer.allocUnsafe(REQUEST_HEADER_BYTES);
  b.writeInt32LE(requestBytes, 0);
  b.writeInt32LE(correlationId, 4);
  b.writeInt32LE(responseBytes, 8);
  return b;
}

export function responseHeader(correlationId: number, responseBytes: number): Buffer {
  const b = Buffer.allocUnsafe(RESPONSE_HEADER_BYTES);
  b.writeInt32LE(responseBytes, 0);
  b.writeInt32LE(correlationId, 4);
  return b;
}

const paddings = new Map<number, Buffer>();

/** A shared zero-filled body: the payload is never looked at, so it is never copied either. */
export function padding(bytes: number): Buffer {
  let p = paddings.get(bytes);
  if (p === undefined) {
    p = Buffer.alloc(bytes);
    paddings.set(bytes, p);
  }
  return p;
}

/**
 * Cuts a byte stream into length-prefixed frames, whatever the chunk boundaries. Frames are
 * views into the chunks (valid until the next push), copied only when one spans chunks.
 */
export class FrameSplitter {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Bytes needed before the next frame can be complete. */
  private needed = 4;

  push(chunk: Buffer, onFrame: (frame: Buffer) => void): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered < this.needed) return;
    const buf = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
    let at = 0;
    this.needed = 4;
    while (buf.length - at >= 4) {
      const length = buf.readInt32LE(at);
      if (length < 4) throw new Error(`Malformed frame: length ${length}`);
      if (buf.length - at < length) {
        this.needed = length;
        break;
      }
      onFrame(buf.subarray(at, at + length));
      at += length;
    }
    const rest = buf.subarray(at);
    this.chunks = rest.length === 0 ? [] : [rest];
    this.buffered = rest.length;
  }
}
