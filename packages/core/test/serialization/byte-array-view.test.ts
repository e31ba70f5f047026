/*
 * A byte[] value is read as a view into its Data when that keeps little memory alive (the
 * official client always returns a view; a copy costs as much as the rest of toObject), and
 * as a copy when the Data is a window into a large buffer (a big received message). Byte
 * arrays read as fields of objects are copies.
 */
import { ByteArrayObjectDataInput, DefaultSerializationService, HeapData, MAX_SHARED_PIN } from '../../src/serialization';

describe('byte[] values', () => {
  const service = new DefaultSerializationService();

  it('share the memory of a small Data', () => {
    const data = service.toData(Buffer.from([1, 2, 3]))!;
    const read = service.toObject<Buffer>(data)!;
    expect([...read]).toEqual([1, 2, 3]);
    expect(read.buffer).toBe(data.toBuffer().buffer);
  });

  it('are copied out of a large buffer, so that they do not keep it alive', () => {
    const bytes = service.toData(Buffer.from([4, 5]))!.toBuffer();
    const message = Buffer.alloc(MAX_SHARED_PIN + 100);
    bytes.copy(message, 50);
    const data = new HeapData(message.subarray(50, 50 + bytes.length));
    const read = service.toObject<Buffer>(data)!;
    expect([...read]).toEqual([4, 5]);
    expect(read.buffer).not.toBe(message.buffer);
  });

  it('read as fields (readByteArray, which Portable, Compact and IDS fields use) are always copies', () => {
    const source = Buffer.allocUnsafeSlow(5);
    source.set([0, 0, 0, 1, 9]);
    const read = new ByteArrayObjectDataInput(source, 0, true).readByteArray()!;
    expect([...read]).toEqual([9]);
    expect(read.buffer).not.toBe(source.buffer);
  });
});
