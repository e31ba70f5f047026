/*
 * Portable: versions (data of one class version read with another, both ways, through the
 * global portableVersion and per-class versions), nested Portables and arrays of them, class
 * definitions registered or learned from the data, GenericRecords read without a factory and
 * built to write, and the official client's bytes for the same objects.
 */
import {
  BigDecimal,
  DefaultSerializationService,
  HazelcastSerializationError,
  LocalDate,
  LocalDateTime,
  LocalTime,
  Long,
  OffsetDateTime,
  type Data,
  type SerializationConfig,
} from '@hz/core';
import {
  ClassDefinitionBuilder,
  FieldKind,
  FieldType,
  GenericRecords,
  PortableGenericRecord,
  createSerializationExtension,
  type GenericRecord,
  type Portable,
  type PortableExtension,
  type PortableReader,
  type PortableWriter,
} from '../src';
import { officialData, officialService } from './support/official';

function service(config: SerializationConfig): DefaultSerializationService {
  return new DefaultSerializationService(config, [createSerializationExtension(config)]);
}

class Address implements Portable {
  readonly factoryId = 7;
  readonly classId = 2;
  constructor(
    public street: string | null = null,
    public no = 0,
  ) {}
  writePortable(w: PortableWriter): void {
    w.writeString('street', this.street);
    w.writeInt('no', this.no);
  }
  readPortable(r: PortableReader): void {
    this.street = r.readString('street');
    this.no = r.readInt('no');
  }
}

/** Version 1: name, age (INT), address, previous addresses. */
class PersonV1 implements Portable {
  readonly factoryId = 7;
  readonly classId = 1;
  readonly version = 1;
  constructor(
    public name: string | null = null,
    public age = 0,
    public address: Address | null = null,
    public previous: Address[] | null = null,
  ) {}
  writePortable(w: PortableWriter): void {
    w.writeString('name', this.name);
    w.writeInt('age', this.age);
    w.writePortable('address', this.address);
    w.writePortableArray('previous', this.previous);
  }
  readPortable(r: PortableReader): void {
    this.name = r.readString('name');
    this.age = r.readInt('age');
    this.address = r.readPortable('address');
    this.previous = r.readPortableArray('previous');
  }
}

/** Version 2: age read as a long (widened), an email field added, previous addresses dropped. */
class PersonV2 implements Portable {
  readonly factoryId = 7;
  readonly classId = 1;
  readonly version = 2;
  constructor(
    public name: string | null = null,
    public age: Long = Long.ZERO,
    public address: Address | null = null,
    public email: string | null = null,
    public readVersion = -1,
  ) {}
  writePortable(w: PortableWriter): void {
    w.writeString('name', this.name);
    w.writeLong('age', this.age);
    w.writePortable('address', this.address);
    w.writeString('email', this.email);
  }
  readPortable(r: PortableReader): void {
    this.readVersion = r.getVersion();
    this.name = r.readString('name');
    this.age = r.readLong('age');
    this.address = r.readPortable('address');
    this.email = r.readString('email');
  }
}

const factoryV1 = (classId: number) => (classId === 1 ? new PersonV1() : classId === 2 ? new Address() : undefined);
const factoryV2 = (classId: number) => (classId === 1 ? new PersonV2() : classId === 2 ? new Address() : undefined);

describe('Portable versions', () => {
  const v1 = () => service({ portableFactories: { 7: factoryV1 } });
  const v2 = () => service({ portableFactories: { 7: factoryV2 } });
  const person1 = new PersonV1('Ada', 36, new Address('Main', 1), [new Address('Old', 2), new Address(null, 3)]);

  it('read version 1 data with the version 2 class: missing fields get defaults, ints widen to longs', () => {
    const data = v1().toData(person1)!;
    const read = v2().toObject<PersonV2>(data)!;
    expect(read).toBeInstanceOf(PersonV2);
    expect(read.readVersion).toBe(1);
    expect([read.name, read.age.toString(), read.email]).toEqual(['Ada', '36', null]);
    expect(read.address).toEqual(new Address('Main', 1));
  });

  it('read version 2 data with the version 1 class: extra fields are ignored, incompatible ones fail', () => {
    const writer = v2();
    const person2 = new PersonV2('Bob', Long.fromNumber(41), new Address('Elm', 5), 'bob@example.com');
    const reader = service({ portableFactories: { 7: (id: number) => (id === 1 ? new PersonV1Lenient() : new Address()) } });
    const read = reader.toObject<PersonV1Lenient>(writer.toData(person2))!;
    expect([read.name, read.address]).toEqual(['Bob', new Address('Elm', 5)]);
    // age is a LONG in version 2: reading it as an int is not a widening.
    expect(() => v1().toObject(writer.toData(person2))).toThrow(/Incompatible to read INT from LONG while reading the field "age"/);
  });

  it('use serialization.portableVersion for classes without their own version', () => {
    class Plain implements Portable {
      readonly factoryId = 8;
      readonly classId = 1;
      constructor(public x = 0) {}
      writePortable(w: PortableWriter): void {
        w.writeInt('x', this.x);
      }
      readPortable(r: PortableReader): void {
        this.x = r.getVersion() * 1000 + r.readInt('x');
      }
    }
    const factory = { 8: () => new Plain() };
    const data = service({ portableFactories: factory, portableVersion: 3 }).toData(new Plain(5))!;
    // factory id, class id, then the version.
    expect(data.toBuffer().readInt32BE(16)).toBe(3);
    expect(service({ portableFactories: factory, portableVersion: 0 }).toObject<Plain>(data)!.x).toBe(3005);
  });
});

/** Version 1 reading everything as a long and skipping what it does not know. */
class PersonV1Lenient implements Portable {
  readonly factoryId = 7;
  readonly classId = 1;
  readonly version = 1;
  name: string | null = null;
  age = 0;
  address: Address | null = null;
  writePortable(): void {}
  readPortable(r: PortableReader): void {
    this.name = r.readString('name');
    this.address = r.readPortable('address');
    expect(r.hasField('previous')).toBe(false);
    expect(r.getFieldType('age')).toBe(FieldType.LONG);
  }
}

describe('Portable class definitions', () => {
  it('are learned from the data read', () => {
    const data = service({ portableFactories: { 7: factoryV1 } }).toData(new PersonV1('A', 1, new Address('S', 2), [new Address('T', 3)]))!;
    const config = { portableFactories: { 7: factoryV1 } };
    const extension = createSerializationExtension(config);
    const reader = new DefaultSerializationService(config, [extension]);
    const context = (extension.parts.get('Portable') as PortableExtension).serializer.context;
    expect(context.lookup(7, 1, 1)).toBeUndefined();
    reader.toObject(data);
    expect(context.lookup(7, 1, 1)!.getFieldNames()).toEqual(['name', 'age', 'address', 'previous']);
    expect(context.lookup(7, 2, 0)!.getFieldType('no')).toBe(FieldType.INT);
  });

  it('must be registered to write a null nested Portable or an empty Portable array', () => {
    const writer = service({ portableFactories: { 7: factoryV1 } });
    expect(() => writer.toData(new PersonV1('A', 1, null, [new Address()]))).toThrow(/null Portable field "address".*classDefinitions/);
    const address = new ClassDefinitionBuilder(7, 2).addStringField('street').addIntField('no').build();
    const person = new ClassDefinitionBuilder(7, 1, 1)
      .addStringField('name')
      .addIntField('age')
      .addPortableField('address', address)
      .addPortableArrayField('previous', address)
      .build();
    const registered = service({ portableFactories: { 7: factoryV1 }, classDefinitions: [person] });
    const data = registered.toData(new PersonV1('A', 1, null, []))!;
    expect(registered.toObject(data)).toEqual(new PersonV1('A', 1, null, []));
    expect(registered.toObject(registered.toData(new PersonV1('A', 1, null, null)))).toEqual(new PersonV1('A', 1, null, null));
  });

  it('must match what the object writes', () => {
    const wrong = new ClassDefinitionBuilder(7, 2).addStringField('street').addLongField('no').build();
    const writer = service({ portableFactories: { 7: factoryV1 }, classDefinitions: [wrong] });
    expect(() => writer.toData(new Address('x', 1))).toThrow(/class definition says LONG, it was written as INT/);
    const missing = new ClassDefinitionBuilder(7, 2).addStringField('street').addIntField('no').addIntField('zip').build();
    expect(() => service({ classDefinitions: [missing] }).toData(new Address('x', 1))).toThrow(/did not write the field\(s\) zip/);
  });
});

describe('Portable GenericRecords', () => {
  it('are what Portables of a factory id without a factory read as, nested ones included', () => {
    const data = service({ portableFactories: { 7: factoryV1 } }).toData(new PersonV1('Ada', 36, new Address('Main', 1), [new Address('Old', 2)]))!;
    const record = service({}).toObject<GenericRecord>(data)!;
    expect(record).toBeInstanceOf(PortableGenericRecord);
    expect([...record.getFieldNames()]).toEqual(['name', 'age', 'address', 'previous']);
    expect(record.getFieldKind('address')).toBe(FieldKind.PORTABLE);
    expect(record.getFieldKind('previous')).toBe(FieldKind.ARRAY_OF_PORTABLE);
    expect([record.getString('name'), record.getInt32('age')]).toEqual(['Ada', 36]);
    expect(record.getGenericRecord('address')!.getString('street')).toBe('Main');
    expect(record.getArrayOfGenericRecord('previous')!.map((r) => r!.getInt32('no'))).toEqual([2]);
    expect(() => record.getInt64('age')).toThrow(/is INT32, not INT64/);
    // Written back: the same bytes.
    expect(service({}).toData(record)!.toBuffer().equals(data.toBuffer())).toBe(true);
    // A factory that knows the class reads what the record wrote.
    expect(service({ portableFactories: { 7: factoryV1 } }).toObject(service({}).toData(record.clone({ age: 37 })))).toEqual(
      new PersonV1('Ada', 37, new Address('Main', 1), [new Address('Old', 2)]),
    );
  });

  it('built with GenericRecords.portable write the bytes of the class', () => {
    const addressDef = new ClassDefinitionBuilder(7, 2).addStringField('street').addIntField('no').build();
    const personDef = new ClassDefinitionBuilder(7, 1, 1)
      .addStringField('name')
      .addIntField('age')
      .addPortableField('address', addressDef)
      .addPortableArrayField('previous', addressDef)
      .build();
    const address = (street: string, no: number) => GenericRecords.portable(addressDef, { street, no });
    const record = GenericRecords.portable(personDef, { name: 'Ada', age: 36, address: address('Main', 1), previous: [address('Old', 2)] });
    const fromRecord = service({}).toData(record)!;
    const fromClass = service({ portableFactories: { 7: factoryV1 } }).toData(new PersonV1('Ada', 36, new Address('Main', 1), [new Address('Old', 2)]))!;
    expect(fromRecord.toBuffer().toString('hex')).toBe(fromClass.toBuffer().toString('hex'));
    expect(() => GenericRecords.portable(personDef, { name: 'x', age: 1, address: null })).toThrow(/"previous": undefined/);
    expect(() => GenericRecords.portable(personDef, { name: 'x', age: 1, address: record, previous: null })).toThrow(/holds class 7\/2, not 7\/1/);
  });
});

/** Every Portable field type, with nested Portables and arrays of them. */
class Everything implements Portable {
  readonly factoryId = 9;
  readonly classId = 1;
  constructor(public v: Record<string, unknown> = {}) {}
  writePortable(w: PortableWriter): void {
    const v = this.v;
    w.writeByte('byte', v.byte as number);
    w.writeBoolean('boolean', v.boolean as boolean);
    w.writeChar('char', v.char as string);
    w.writeShort('short', v.short as number);
    w.writeInt('int', v.int as number);
    w.writeLong('long', v.long as Long);
    w.writeFloat('float', v.float as number);
    w.writeDouble('double', v.double as number);
    w.writeString('string', v.string as string);
    w.writePortable('portable', v.portable as Portable);
    w.writeByteArray('bytes', v.bytes as Buffer);
    w.writeBooleanArray('booleans', v.booleans as boolean[]);
    w.writeCharArray('chars', v.chars as string[]);
    w.writeShortArray('shorts', v.shorts as number[]);
    w.writeIntArray('ints', v.ints as number[]);
    w.writeLongArray('longs', v.longs as Long[]);
    w.writeFloatArray('floats', v.floats as number[]);
    w.writeDoubleArray('doubles', v.doubles as number[]);
    w.writeStringArray('strings', v.strings as string[]);
    w.writePortableArray('portables', v.portables as Portable[]);
    w.writeDecimal('decimal', v.decimal as BigDecimal);
    w.writeTime('time', v.time as LocalTime);
    w.writeDate('date', v.date as LocalDate);
    w.writeTimestamp('timestamp', v.timestamp as LocalDateTime);
    w.writeTimestampWithTimezone('timestampTz', v.timestampTz as OffsetDateTime);
    w.writeDecimalArray('decimals', v.decimals as BigDecimal[]);
    w.writeTimeArray('times', v.times as LocalTime[]);
    w.writeDateArray('dates', v.dates as LocalDate[]);
    w.writeTimestampArray('timestamps', v.timestamps as LocalDateTime[]);
    w.writeTimestampWithTimezoneArray('timestampTzs', v.timestampTzs as OffsetDateTime[]);
  }
  readPortable(r: PortableReader): void {
    const v: Record<string, unknown> = (this.v = {});
    for (const name of r.getFieldNames()) {
      const method = `read${METHOD[r.getFieldType(name)]}`;
      v[name] = (r as unknown as Record<string, (n: string) => unknown>)[method](name);
    }
  }
}

const METHOD: Record<number, string> = {
  [FieldType.BYTE]: 'Byte',
  [FieldType.BOOLEAN]: 'Boolean',
  [FieldType.CHAR]: 'Char',
  [FieldType.SHORT]: 'Short',
  [FieldType.INT]: 'Int',
  [FieldType.LONG]: 'Long',
  [FieldType.FLOAT]: 'Float',
  [FieldType.DOUBLE]: 'Double',
  [FieldType.UTF]: 'String',
  [FieldType.PORTABLE]: 'Portable',
  [FieldType.BYTE_ARRAY]: 'ByteArray',
  [FieldType.BOOLEAN_ARRAY]: 'BooleanArray',
  [FieldType.CHAR_ARRAY]: 'CharArray',
  [FieldType.SHORT_ARRAY]: 'ShortArray',
  [FieldType.INT_ARRAY]: 'IntArray',
  [FieldType.LONG_ARRAY]: 'LongArray',
  [FieldType.FLOAT_ARRAY]: 'FloatArray',
  [FieldType.DOUBLE_ARRAY]: 'DoubleArray',
  [FieldType.UTF_ARRAY]: 'StringArray',
  [FieldType.PORTABLE_ARRAY]: 'PortableArray',
  [FieldType.DECIMAL]: 'Decimal',
  [FieldType.TIME]: 'Time',
  [FieldType.DATE]: 'Date',
  [FieldType.TIMESTAMP]: 'Timestamp',
  [FieldType.TIMESTAMP_WITH_TIMEZONE]: 'TimestampWithTimezone',
  [FieldType.DECIMAL_ARRAY]: 'DecimalArray',
  [FieldType.TIME_ARRAY]: 'TimeArray',
  [FieldType.DATE_ARRAY]: 'DateArray',
  [FieldType.TIMESTAMP_ARRAY]: 'TimestampArray',
  [FieldType.TIMESTAMP_WITH_TIMEZONE_ARRAY]: 'TimestampWithTimezoneArray',
};

describe.each([true, false])('Portable bytes equal the official client (isBigEndian %s)', (isBigEndian) => {
  const everything = () =>
    new Everything({
      byte: -7,
      boolean: true,
      char: 'ğ',
      short: -300,
      int: 70000,
      long: Long.fromString('-9000000000'),
      float: Math.fround(1.25),
      double: -2.5e100,
      string: 'Portable ✓',
      portable: new Address('nested', 9),
      bytes: Buffer.from([1, 2, 255]),
      booleans: [true, false],
      chars: ['a', 'ß'],
      shorts: [1, -1],
      ints: [3, -3],
      longs: [Long.fromNumber(4), Long.fromNumber(-4)],
      floats: [Math.fround(0.5)],
      doubles: [0.25, -0.125],
      strings: ['x', null, 'z'],
      portables: [new Address('a', 1), new Address('b', 2)],
      // Negative: the official client writes positive BigIntegers non-minimally (see compact.test.ts).
      decimal: BigDecimal.fromString('-1.5'),
      time: new LocalTime(1, 2, 3, 4000),
      date: new LocalDate(2024, 2, 29),
      timestamp: LocalDateTime.from(1970, 1, 1, 0, 0, 0, 0),
      timestampTz: OffsetDateTime.from(2000, 6, 15, 12, 30, 0, 0, 3600),
      decimals: [BigDecimal.fromString('-100.01')],
      times: [new LocalTime(23, 59, 59, 999_999_999)],
      dates: [new LocalDate(-5, 1, 1), new LocalDate(9999, 12, 31)],
      timestamps: [LocalDateTime.from(2020, 5, 5, 5, 5, 5, 5)],
      timestampTzs: [OffsetDateTime.from(2020, 5, 5, 5, 5, 5, 5, -18000)],
    });
  const factories = { 9: (id: number) => (id === 1 ? new Everything() : undefined), 7: factoryV1 };

  it('every field type, nested Portables and arrays of them', () => {
    const ours = service({ isBigEndian, portableFactories: factories }).toData(everything())!;
    const theirs = officialService({ isBigEndian, portableFactories: factories }).service.toData(everything());
    expect(ours.toBuffer().toString('hex')).toBe(theirs.toBuffer().toString('hex'));
    const read = service({ isBigEndian, portableFactories: factories }).toObject<Everything>(ours)!;
    expect(read.v.long).toEqual(Long.fromString('-9000000000'));
    expect(String(read.v.timestampTz)).toBe('2000-06-15T12:30+01:00');
    expect(read.v.portables).toEqual([new Address('a', 1), new Address('b', 2)]);
    expect(String(read.v.decimals)).toBe('-100.01');
    const officialRead = officialService({ isBigEndian, portableFactories: factories }).service.toObject(officialData(ours.toBuffer()));
    expect(officialRead).toBeInstanceOf(Everything);
  });

  it('versioned classes', () => {
    const person = new PersonV1('Ada', 36, new Address('Main', 1), [new Address('Old', 2)]);
    const ours: Data = service({ isBigEndian, portableFactories: { 7: factoryV1 } }).toData(person)!;
    const theirs = officialService({ isBigEndian, portableFactories: { 7: factoryV1 } }).service.toData(person);
    expect(ours.toBuffer().toString('hex')).toBe(theirs.toBuffer().toString('hex'));
  });
});

describe('Portable errors', () => {
  it('name the factory and class', () => {
    const data = service({ portableFactories: { 7: factoryV1 } }).toData(new Address('x', 1))!;
    const reader = service({ portableFactories: { 7: () => undefined } });
    expect(() => reader.toObject(data)).toThrow(HazelcastSerializationError);
    expect(() => reader.toObject(data)).toThrow(/unknown Portable class factoryId=7 classId=2/);
    expect(reader.toObject(reader.toData('still works'))).toBe('still works');
  });

  it('reject class id 0 and reading a field that does not exist', () => {
    class Zero implements Portable {
      readonly factoryId = 1;
      readonly classId = 0;
      writePortable(): void {}
      readPortable(): void {}
    }
    expect(() => service({}).toData(new Zero())).toThrow(/class id cannot be zero/);
    class Reads implements Portable {
      readonly factoryId = 7;
      readonly classId = 2;
      writePortable(w: PortableWriter): void {
        w.writeInt('no', 1);
      }
      readPortable(r: PortableReader): void {
        r.readInt('nope');
      }
    }
    const s = service({ portableFactories: { 7: () => new Reads() } });
    expect(() => s.toObject(s.toData(new Reads()))).toThrow(/Unknown field name "nope"/);
  });
});
