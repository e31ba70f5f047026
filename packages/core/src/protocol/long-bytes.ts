import Long from 'long';

/** Reads a little-endian signed 64-bit integer as a Long. */
export function readLongLE(buf: Buffer, at: number): Long {
  return Long.fromBits(buf.readInt32LE(at), buf.readInt32LE(at + 4));
}

/** Values accepted where the protocol has a 64-bit integer. */
export type LongLike = Long | number | bigint;

/** Writes a little-endian signed 64-bit integer from a Long, a safe integer or a bigint. */
export function writeLongLE(buf: Buffer, value: LongLike, at: number): void {
  if (typeof value === 'number') {
    buf.writeUInt32LE(value >>> 0, at);
    buf.writeInt32LE(Math.floor(value / 0x1_0000_0000) | 0, at + 4);
  } else if (typeof value === 'bigint') {
    buf.writeBigInt64LE(BigInt.asIntN(64, value), at);
  } else {
    buf.writeInt32LE(value.low, at);
    buf.writeInt32LE(value.high, at + 4);
  }
}
