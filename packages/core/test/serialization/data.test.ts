import { DATA_HEADER_SIZE, DefaultSerializationService, HeapData, hashToPartitionId, murmur3x86_32, partitionIdOf, type Data } from '../../src/serialization';

const MIN_INT32 = -0x80000000;

function withHeader(partitionHash: number, typeId: number, payloadHex: string): HeapData {
  const bytes = Buffer.alloc(DATA_HEADER_SIZE + payloadHex.length / 2);
  bytes.writeInt32BE(partitionHash, 0);
  bytes.writeInt32BE(typeId, 4);
  Buffer.from(payloadHex, 'hex').copy(bytes, DATA_HEADER_SIZE);
  return new HeapData(bytes);
}

describe('Data layout', () => {
  it('has a big-endian header in both byte orders; the payload follows the byte order', () => {
    const big = new DefaultSerializationService({ isBigEndian: true }).toData(0x01020304) as Data;
    const little = new DefaultSerializationService({ isBigEndian: false, defaultNumberType: 'integer' }).toData(0x01020304) as Data;
    expect(big.toBuffer().subarray(0, 8).toString('hex')).toBe('00000000fffffff6');
    expect(little.toBuffer().toString('hex')).toBe('00000000fffffff904030201');
    expect(little.getType()).toBe(-7);
    expect(little.dataSize()).toBe(4);
    expect(little.totalSize()).toBe(12);
  });
});

describe('HeapData', () => {
  it('hashes the payload only (not the header) with MurmurHash3 and the member seed', () => {
    const data = withHeader(0, -11, '0000000568656c6c6f');
    expect(data.hashCode()).toBe(murmur3x86_32(Buffer.from('0000000568656c6c6f', 'hex'), 0, 9, 0x01000193));
    expect(data.hashCode()).toBe(1985248981);
    // The type id does not take part.
    expect(withHeader(0, -130, '0000000568656c6c6f').hashCode()).toBe(data.hashCode());
    expect(data.hasPartitionHash()).toBe(false);
    expect(data.getPartitionHash()).toBe(data.hashCode());
  });

  it('uses a stored non-zero partition hash', () => {
    const data = withHeader(-12345, -11, '0000000568656c6c6f');
    expect(data.hasPartitionHash()).toBe(true);
    expect(data.getPartitionHash()).toBe(-12345);
    expect(data.hashCode()).toBe(1985248981);
  });

  it('reads the header of a view into a larger buffer', () => {
    const message = Buffer.concat([Buffer.from('ffffffff', 'hex'), withHeader(0, -11, '0000000568656c6c6f').toBuffer(), Buffer.from('eeee', 'hex')]);
    const view = new HeapData(message.subarray(4, message.length - 2));
    expect(view.getType()).toBe(-11);
    expect(view.hashCode()).toBe(1985248981);
  });

  it('is equal to another Data with the same type and payload, whatever the partition hash (as on the member)', () => {
    const a = withHeader(0, -11, '0000000568656c6c6f');
    expect(a.equals(withHeader(0, -11, '0000000568656c6c6f'))).toBe(true);
    expect(a.equals(withHeader(99, -11, '0000000568656c6c6f'))).toBe(true);
    expect(a.equals(withHeader(0, -130, '0000000568656c6c6f'))).toBe(false);
    expect(a.equals(withHeader(0, -11, '0000000568656c6c6e'))).toBe(false);
    expect(a.equals(withHeader(0, -11, '00000004686c6c6f'))).toBe(false);
    expect(a.equals(null)).toBe(false);
    expect(withHeader(0, 0, '').equals(withHeader(7, 0, ''))).toBe(true);
  });

  it('treats an empty buffer as null (type 0)', () => {
    const empty = new HeapData(Buffer.alloc(0));
    expect(empty.getType()).toBe(0);
    expect(empty.dataSize()).toBe(0);
    expect(new DefaultSerializationService().toObject(empty)).toBeNull();
  });
});

describe('partitionIdOf', () => {
  it('is |hash| modulo the partition count', () => {
    expect(hashToPartitionId(1985248981, 271)).toBe(1985248981 % 271);
    expect(hashToPartitionId(-1985248981, 271)).toBe(1985248981 % 271);
    expect(hashToPartitionId(0, 271)).toBe(0);
    expect(hashToPartitionId(0x7fffffff, 271)).toBe(0x7fffffff % 271);
    expect(partitionIdOf(withHeader(0, -11, '0000000568656c6c6f'), 271)).toBe(1985248981 % 271);
    expect(partitionIdOf(withHeader(-1000, -11, '0000000568656c6c6f'), 271)).toBe(1000 % 271);
  });

  it('maps -2^31 to partition 0, as the member does', () => {
    expect(hashToPartitionId(MIN_INT32, 271)).toBe(0);
    expect(hashToPartitionId(MIN_INT32, 7)).toBe(0);
    expect(partitionIdOf(withHeader(MIN_INT32, -11, '00'), 271)).toBe(0);
  });

  it('rejects a partition count that is not a positive integer', () => {
    expect(() => hashToPartitionId(1, 0)).toThrow(RangeError);
    expect(() => hashToPartitionId(1, -3)).toThrow(RangeError);
    expect(() => hashToPartitionId(1, 2.5)).toThrow(RangeError);
  });
});
