import { DefaultSerializationService, HazelcastSerializationError, type IdentifiedDataSerializable, type ObjectDataInput, type ObjectDataOutput } from '@hz/core';

class Point implements IdentifiedDataSerializable {
  readonly factoryId = 66;
  readonly classId = 7;
  constructor(
    public x = 0,
    public name = '',
  ) {}
  writeData(out: ObjectDataOutput): void {
    out.writeInt(this.x);
    out.writeString(this.name);
  }
  readData(input: ObjectDataInput): void {
    this.x = input.readInt();
    this.name = input.readString() ?? '';
  }
}

describe('IdentifiedDataSerializable in the core', () => {
  const service = new DefaultSerializationService();

  it('writes the IDS header and the fields without anything registered', () => {
    const bytes = service.toData(new Point(5, 'ab'))!.toBuffer();
    const expected = Buffer.concat([
      Buffer.from([0, 0, 0, 0]), // partition hash
      Buffer.from([0xff, 0xff, 0xff, 0xfe]), // type id -2
      Buffer.from([1]), // identified
      Buffer.from([0, 0, 0, 66, 0, 0, 0, 7]),
      Buffer.from([0, 0, 0, 5]),
      Buffer.from([0, 0, 0, 2, 0x61, 0x62]),
    ]);
    expect(bytes.toString('hex')).toBe(expected.toString('hex'));
  });

  it('names the missing factory when reading without @hz/serialization', () => {
    const data = service.toData(new Point(1, 'x'));
    expect(() => service.toObject(data)).toThrow(HazelcastSerializationError);
    expect(() => service.toObject(data)).toThrow(/factoryId=66 classId=7/);
  });
});
