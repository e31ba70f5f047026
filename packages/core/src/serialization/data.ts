/**
 * Serialized bytes as the member stores them: a big-endian int32 partition hash, a big-endian
 * int32 serializer type id, then the payload.
 */
export interface Data {
  /** The whole serialized form, header included. May be a view into a larger buffer. */
  toBuffer(): Buffer;
  /** The serializer type id from the header. */
  getType(): number;
  /** Bytes in the payload, the header excluded. */
  dataSize(): number;
  /** Bytes in the whole serialized form. */
  totalSize(): number;
  /** True when both hold the same bytes. */
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

  dataSize(): number {
    return Math.max(this.bytes.length - DATA_HEADER_SIZE, 0);
  }

  totalSize(): number {
    return this.bytes.length;
  }

  equals(other: Data | null | undefined): boolean {
    return other != null && this.bytes.equals(other.toBuffer());
  }
}
