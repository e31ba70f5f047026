import { murmur3x86_32 } from './murmur';

/**
 * Serialized bytes as the member stores them: a big-endian int32 partition hash, a big-endian
 * int32 serializer type id, then the payload. The header is big-endian even when the
 * serializer's byte order is little-endian; only the payload follows that byte order.
 */
export interface Data {
  /** The whole serialized form, header included. May be a view into a larger buffer. */
  toBuffer(): Buffer;
  /** The serializer type id from the header; 0 (null) for an empty Data. */
  getType(): number;
  /** Bytes in the payload, the header excluded. */
  dataSize(): number;
  /** Bytes in the whole serialized form. */
  totalSize(): number;
  /** True when the header carries a partition hash of its own (a non-zero one). */
  hasPartitionHash(): boolean;
  /** The hash that places this key in a partition: the stored one when non-zero, else {@link hashCode}. */
  getPartitionHash(): number;
  /** The member's hash of the payload: MurmurHash3 x86 32-bit, seed 0x01000193, over the bytes after the header. */
  hashCode(): number;
  /**
   * The member's equality: same type id and same payload. The partition hash is not compared,
   * so a key carrying its own partition hash equals the same key without it, as on the member.
   */
  equals(other: Data | null | undefined): boolean;
}

const PARTITION_HASH_OFFSET = 0;
const TYPE_OFFSET = 4;
/** Size of the header before the payload. */
export const DATA_HEADER_SIZE = 8;

/** `Data` over a Buffer. Reading it never copies: it may be a view into a received message. */
export class HeapData implements Data {
  constructor(private readonly bytes: Buffer) {}

  toBuffer(): Buffer {
    return this.bytes;
  }

  getType(): number {
    return this.bytes.length < DATA_HEADER_SIZE ? 0 : this.bytes.readInt32BE(TYPE_OFFSET);
  }

  /** The partition hash stored in the header; 0 means "hash the payload". */
  storedPartitionHash(): number {
    return this.bytes.length < DATA_HEADER_SIZE ? 0 : this.bytes.readInt32BE(PARTITION_HASH_OFFSET);
  }

  hasPartitionHash(): boolean {
    return this.storedPartitionHash() !== 0;
  }

  getPartitionHash(): number {
    const stored = this.storedPartitionHash();
    return stored !== 0 ? stored : this.hashCode();
  }

  hashCode(): number {
    // Java HeapData.hashCode: the payload only, not the type id, so the type does not move keys.
    return murmur3x86_32(this.bytes, DATA_HEADER_SIZE, this.dataSize());
  }

  dataSize(): number {
    return Math.max(this.bytes.length - DATA_HEADER_SIZE, 0);
  }

  totalSize(): number {
    return this.bytes.length;
  }

  equals(other: Data | null | undefined): boolean {
    if (other == null) return false;
    if (other === this) return true;
    if (this.getType() !== other.getType()) return false;
    const size = this.dataSize();
    if (size !== other.dataSize()) return false;
    if (size === 0) return true;
    const theirs = other.toBuffer();
    return this.bytes.compare(theirs, DATA_HEADER_SIZE, theirs.length, DATA_HEADER_SIZE) === 0;
  }
}

/** True for the serialized form, which `toData` passes through unchanged. */
export function isData(value: unknown): value is Data {
  return value instanceof HeapData;
}
