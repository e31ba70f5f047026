/*
 * IdentifiedDataSerializable reading, custom serializers by type id, the global serializer,
 * JSON, and the order in which a serializer is chosen (the seeds' "Serialization Priority",
 * with Compact among the formats a value declares, as in the official client): Compact,
 * IdentifiedDataSerializable, Portable, built-in types, custom, global, JSON.
 */
import {
  DefaultSerializationService,
  HazelcastJsonValue,
  HeapData,
  JsonStringDeserializationPolicy,
  type IdentifiedDataSerializable,
  type ObjectDataInput,
  type ObjectDataOutput,
  type SerializationConfig,
  type Serializer,
} from '@hz/core';
import { createSerializationExtension, type CompactReader, type CompactWriter, type Portable, type PortableReader, type PortableWriter } from '../src';
import { officialService } from './support/official';
import { ourService } from './support/service';

function service(config: SerializationConfig): DefaultSerializationService {
  return new DefaultSerializationService(config, [createSerializationExtension(config)]);
}

class Employee implements IdentifiedDataSerializable {
  readonly factoryId = 1000;
  readonly classId = 100;
  constructor(
    public id = 0,
    public name = '',
  ) {}
  writeData(out: ObjectDataOutput): void {
    out.writeInt(this.id);
    out.writeString(this.name);
  }
  readData(input: ObjectDataInput): void {
    this.id = input.readInt();
    this.name = input.readString()!;
  }
}

class Musician {
  readonly hzCustomId = 10;
  constructor(readonly name: string) {}
}

const musicianSerializer: Serializer<Musician> = {
  id: 10,
  write: (out, value) => {
    out.writeInt(value.name.length);
    for (const c of value.name) out.writeChar(c);
  },
  read: (input) => {
    const length = input.readInt();
    let name = '';
    for (let i = 0; i < length; i++) name += input.readChar();
    return new Musician(name);
  },
};

/** A third-party format for everything else: here, tagged JSON. */
const globalSerializer: Serializer<unknown> = {
  id: 20,
  write: (out, value) => out.writeString(`global:${JSON.stringify(value)}`),
  read: (input) => JSON.parse(input.readString()!.slice('global:'.length)),
};

describe('IdentifiedDataSerializable', () => {
  it('reads with the factory of its factory id', () => {
    const s = service({ dataSerializableFactories: { 1000: (classId) => (classId === 100 ? new Employee() : undefined) } });
    const data = s.toData(new Employee(7, 'Joe'))!;
    expect(s.toObject(data)).toEqual(new Employee(7, 'Joe'));
    const official = officialService({ dataSerializableFactories: { 1000: () => new Employee() } });
    expect(data.toBuffer().equals(official.service.toData(new Employee(7, 'Joe')).toBuffer())).toBe(true);
  });
});

describe('custom and global serializers', () => {
  const config: SerializationConfig = { customSerializers: [musicianSerializer], globalSerializer };

  it('write a value with hzCustomId with its serializer, by type id (bytes of the official client)', () => {
    const s = service(config);
    const data = s.toData(new Musician('Mozart'))!;
    expect(data.getType()).toBe(10);
    expect(s.toObject(data)).toEqual(new Musician('Mozart'));
    const official = officialService({ customSerializers: [musicianSerializer], globalSerializer });
    expect(data.toBuffer().equals(official.service.toData(new Musician('Mozart')).toBuffer())).toBe(true);
  });

  it('give every other object to the global serializer, before JSON; built-in types and HazelcastJsonValue keep theirs', () => {
    const s = service(config);
    const data = s.toData({ a: 1 })!;
    expect(data.getType()).toBe(20);
    expect(s.toObject(data)).toEqual({ a: 1 });
    expect(s.toData(new HazelcastJsonValue('{"b":2}'))!.getType()).toBe(-130);
    expect(s.toData([1, 2])!.getType()).toBe(-29);
    expect(s.toData('text')!.getType()).toBe(-11);
    const official = officialService({ globalSerializer });
    expect(data.toBuffer().equals(official.service.toData({ a: 1 }).toBuffer())).toBe(true);
  });

  it('JSON stays the fallback without a global serializer', () => {
    const s = service({ jsonStringDeserializationPolicy: JsonStringDeserializationPolicy.NO_DESERIALIZATION });
    const data = s.toData({ a: [1, 'x'] })!;
    expect(data.getType()).toBe(-130);
    expect(s.toObject<HazelcastJsonValue>(data)!.toString()).toBe('{"a":[1,"x"]}');
  });
});

describe('the order in which a serializer is chosen', () => {
  /** IDS, Portable, Compact-registered and custom at once. */
  class Everything implements IdentifiedDataSerializable, Portable {
    readonly factoryId = 5;
    readonly classId = 1;
    readonly hzCustomId = 10;
    constructor(public x = 0) {}
    writeData(out: ObjectDataOutput): void {
      out.writeInt(this.x);
    }
    readData(input: ObjectDataInput): void {
      this.x = input.readInt();
    }
    writePortable(w: PortableWriter): void {
      w.writeInt('x', this.x);
    }
    readPortable(r: PortableReader): void {
      this.x = r.readInt('x');
    }
  }
  const compactSerializer = {
    typeName: 'Everything',
    class: Everything,
    read: (r: CompactReader) => new Everything(r.readInt32('x')),
    write: (w: CompactWriter, v: Everything) => w.writeInt32('x', v.x),
  };
  const factories = { 5: () => new Everything() };
  const customSerializers = [{ ...musicianSerializer, write: () => undefined, read: () => new Everything() }];

  it('Compact first, then IdentifiedDataSerializable, then Portable, then custom', async () => {
    const withCompact = ourService({ compact: { serializers: [compactSerializer] }, dataSerializableFactories: factories, portableFactories: factories, customSerializers });
    expect((await withCompact.service.toDataAsync(new Everything(1)))!.getType()).toBe(-55);
    expect(service({ dataSerializableFactories: factories, portableFactories: factories, customSerializers }).toData(new Everything(1))!.getType()).toBe(-2);
    const notIds = Object.assign(new Everything(1), { writeData: undefined });
    expect(service({ portableFactories: factories, customSerializers }).toData(notIds)!.getType()).toBe(-1);
    const onlyCustom = Object.assign(new Everything(1), { writeData: undefined, writePortable: undefined });
    expect(service({ customSerializers }).toData(onlyCustom)!.getType()).toBe(10);
  });

  it('built-in types cannot be taken over: a primitive never reaches the extension', () => {
    const s = service({ globalSerializer });
    expect(s.toData(1.5)!.getType()).toBe(-10);
    expect(s.toData(true)!.getType()).toBe(-4);
    expect(s.toObject(new HeapData(s.toData(new Date(0))!.toBuffer()))).toEqual(new Date(0));
  });
});
