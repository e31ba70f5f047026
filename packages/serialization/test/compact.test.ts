/*
 * Compact: our bytes equal the official Node.js client's for the same values and serializers
 * (every field kind, nullable kinds and arrays of them, nested Compact values, nulls, the three
 * widths of variable-size offsets, both byte orders), schema ids equal, and reading either
 * side's bytes gives the values back. GenericRecords read what classes wrote and write what
 * classes write.
 */
import {
  BigDecimal,
  DefaultSerializationService,
  HazelcastSerializationError,
  HeapData,
  LocalDate,
  LocalDateTime,
  LocalTime,
  Long,
  OffsetDateTime,
} from '@hz/core';
import {
  FieldKind,
  Fields,
  GenericRecords,
  Schema,
  FieldDescriptor,
  createSerializationExtension,
  schemaFingerprint,
  type CompactExtension,
  type CompactReader,
  type CompactWriter,
  type GenericRecord,
} from '../src';
import { officialData, officialService } from './support/official';
import { ourService } from './support/service';

type Kinds = Record<string, FieldKind>;
type Values = Record<string, unknown>;

// The CompactWriter/CompactReader method of a kind, the same in both clients:
// ARRAY_OF_NULLABLE_INT32 -> ArrayOfNullableInt32.
const METHOD: Record<number, string> = {};
for (const [name, id] of Object.entries(FieldKind)) {
  METHOD[id] = name
    .split('_')
    .map((part) => part[0] + part.slice(1).toLowerCase())
    .join('');
}

/** A class whose fields are described by kinds; one subclass per Compact type. */
abstract class Bag {
  constructor(readonly values: Values) {}
}
class AllKinds extends Bag {}
class FixedOnly extends Bag {}
class Inner {
  constructor(
    readonly n: number,
    readonly s: string | null,
  ) {}
}

function bagSerializer<T extends Bag>(typeName: string, clazz: new (values: Values) => T, kinds: Kinds) {
  return {
    typeName,
    class: clazz,
    getTypeName: () => typeName,
    getClass: () => clazz,
    read(reader: CompactReader): T {
      const values: Values = {};
      for (const [name, kind] of Object.entries(kinds)) values[name] = (reader as unknown as Record<string, (n: string) => unknown>)[`read${METHOD[kind]}`](name);
      return new clazz(values);
    },
    write(writer: CompactWriter, value: T): void {
      for (const [name, kind] of Object.entries(kinds)) (writer as unknown as Record<string, (n: string, v: unknown) => void>)[`write${METHOD[kind]}`](name, value.values[name]);
    },
  };
}

const innerSerializer = {
  typeName: 'Inner',
  class: Inner,
  getTypeName: () => 'Inner',
  getClass: () => Inner,
  read: (reader: CompactReader) => new Inner(reader.readInt32('n'), reader.readString('s')),
  write(writer: CompactWriter, value: Inner): void {
    writer.writeInt32('n', value.n);
    writer.writeString('s', value.s);
  },
};

const K = FieldKind;
// Every Compact field kind, in a write order that is not the schema's.
const ALL_KINDS: Kinds = {
  zString: K.STRING,
  aBoolean: K.BOOLEAN,
  booleans: K.ARRAY_OF_BOOLEAN,
  int8: K.INT8,
  int8s: K.ARRAY_OF_INT8,
  int16: K.INT16,
  int16s: K.ARRAY_OF_INT16,
  int32: K.INT32,
  int32s: K.ARRAY_OF_INT32,
  int64: K.INT64,
  int64s: K.ARRAY_OF_INT64,
  float32: K.FLOAT32,
  float32s: K.ARRAY_OF_FLOAT32,
  float64: K.FLOAT64,
  float64s: K.ARRAY_OF_FLOAT64,
  strings: K.ARRAY_OF_STRING,
  decimal: K.DECIMAL,
  decimals: K.ARRAY_OF_DECIMAL,
  time: K.TIME,
  times: K.ARRAY_OF_TIME,
  date: K.DATE,
  dates: K.ARRAY_OF_DATE,
  timestamp: K.TIMESTAMP,
  timestamps: K.ARRAY_OF_TIMESTAMP,
  timestampTz: K.TIMESTAMP_WITH_TIMEZONE,
  timestampTzs: K.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE,
  inner: K.COMPACT,
  inners: K.ARRAY_OF_COMPACT,
  nBoolean: K.NULLABLE_BOOLEAN,
  nBooleans: K.ARRAY_OF_NULLABLE_BOOLEAN,
  nInt8: K.NULLABLE_INT8,
  nInt8s: K.ARRAY_OF_NULLABLE_INT8,
  nInt16: K.NULLABLE_INT16,
  nInt16s: K.ARRAY_OF_NULLABLE_INT16,
  nInt32: K.NULLABLE_INT32,
  nInt32s: K.ARRAY_OF_NULLABLE_INT32,
  nInt64: K.NULLABLE_INT64,
  nInt64s: K.ARRAY_OF_NULLABLE_INT64,
  nFloat32: K.NULLABLE_FLOAT32,
  nFloat32s: K.ARRAY_OF_NULLABLE_FLOAT32,
  nFloat64: K.NULLABLE_FLOAT64,
  nFloat64s: K.ARRAY_OF_NULLABLE_FLOAT64,
  bBoolean: K.BOOLEAN,
  cBoolean: K.BOOLEAN,
};

const FIXED_ONLY: Kinds = {
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`flag${i}`, K.BOOLEAN])),
  a8: K.INT8,
  a16: K.INT16,
  a32: K.INT32,
  a64: K.INT64,
  f32: K.FLOAT32,
  f64: K.FLOAT64,
};

// The official client writes a positive BigInteger with a leading zero byte even when Java's
// minimal two's complement (BigInteger.toByteArray) has none (1 is 00 01 there, 01 in Java):
// decimals compared with it are negative or have the top bit of their first byte set.
const decimal = BigDecimal.fromString('-12345678901234567890.123');
const time = new LocalTime(23, 59, 58, 999_999_999);
const date = new LocalDate(-2021, 2, 28);
const timestamp = LocalDateTime.from(2024, 2, 29, 1, 2, 3, 456_000_000);
const timestampTz = OffsetDateTime.from(1999, 12, 31, 23, 59, 59, 1, -64800);

function fullValues(text: string): Values {
  return {
    zString: text,
    aBoolean: true,
    bBoolean: false,
    cBoolean: true,
    booleans: [true, false, true, true, false, false, false, false, true],
    int8: -12,
    int8s: Buffer.from([1, 0xff, 0x80, 3]),
    int16: -1234,
    int16s: [1, -2, 32767, -32768],
    int32: 123456789,
    int32s: [0, -1, 0x7fffffff, -0x80000000],
    int64: Long.fromString('-1234567890123456789'),
    int64s: [Long.fromString('9223372036854775807'), Long.fromString('-9223372036854775808'), Long.ZERO],
    float32: Math.fround(1.1),
    float32s: [Math.fround(-0.5), Math.fround(3.4e38)],
    float64: -3.25e-300,
    float64s: [Number.MAX_VALUE, -0, 1 / 3],
    strings: ['a', null, 'çğü ✓ 😀', ''],
    decimal,
    decimals: [decimal, null, new BigDecimal(255n, 3)],
    time,
    times: [time, null, new LocalTime(0, 0, 0, 0)],
    date,
    dates: [null, date, new LocalDate(2000, 1, 1)],
    timestamp,
    timestamps: [timestamp, null],
    timestampTz,
    timestampTzs: [null, timestampTz],
    inner: new Inner(7, 'seven'),
    inners: [new Inner(1, null), null, new Inner(-2, 'two')],
    nBoolean: false,
    nBooleans: [true, null, false],
    nInt8: -128,
    nInt8s: [null, 127, -1],
    nInt16: 300,
    nInt16s: [1, null],
    nInt32: -7,
    nInt32s: [null, null, 3],
    nInt64: Long.fromString('42'),
    nInt64s: [Long.fromString('-1'), null],
    nFloat32: Math.fround(2.5),
    nFloat32s: [null, Math.fround(0.1)],
    nFloat64: 0.1,
    nFloat64s: [0.2, null],
  };
}

function nullValues(): Values {
  const values: Values = {};
  for (const [name, kind] of Object.entries(ALL_KINDS)) {
    values[name] = kind === K.BOOLEAN ? false : ['int8', 'int16', 'int32', 'float32', 'float64'].includes(name) ? 0 : name === 'int64' ? Long.ZERO : null;
  }
  return values;
}

function fixedValues(): Values {
  return {
    ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`flag${i}`, i % 3 === 0])),
    a8: 127,
    a16: -32768,
    a32: -1,
    a64: Long.fromString('81985529216486895'),
    f32: Math.fround(-1e-10),
    f64: Math.PI,
  };
}

const allKindsSerializer = bagSerializer('AllKinds', AllKinds, ALL_KINDS);
const fixedOnlySerializer = bagSerializer('com.example.FixedOnly', FixedOnly, FIXED_ONLY);
const serializers = [allKindsSerializer, fixedOnlySerializer, innerSerializer];

/** Values as comparable JSON: Longs, bigints, Buffers and dates by their text. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Long.isLong(value)) return `long:${(value as Long).toString()}`;
  if (Buffer.isBuffer(value)) return `bytes:${value.toString('hex')}`;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : value;
  if (value instanceof BigDecimal || value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime || value instanceof OffsetDateTime) {
    return `${value.constructor.name}:${value.toString()}`;
  }
  if (value instanceof Inner) return { n: value.n, s: value.s };
  if (value instanceof Bag) return plain(value.values);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, plain(v)]));
  return value;
}

const CASES: Array<[string, () => Bag]> = [
  ['every kind with values (byte offsets)', () => new AllKinds(fullValues('short'))],
  ['every kind with values (short offsets)', () => new AllKinds(fullValues('x'.repeat(300)))],
  ['every kind with values (int offsets)', () => new AllKinds(fullValues('y'.repeat(70_000)))],
  ['every nullable field null', () => new AllKinds(nullValues())],
  ['fixed-size fields only, 10 booleans', () => new FixedOnly(fixedValues())],
];

describe.each([true, false])('Compact bytes equal the official client (isBigEndian %s)', (isBigEndian) => {
  const official = officialService({ isBigEndian, compactSerializers: serializers });

  it.each(CASES)('%s', async (_, make) => {
    const { service, compact } = ourService({ isBigEndian, compact: { serializers } });
    const value = make();
    const ours = (await service.toDataAsync(value))!.toBuffer();
    const theirs = official.service.toData(value).toBuffer();
    expect(ours.toString('hex')).toBe(theirs.toString('hex'));
    // The same schema ids, computed independently.
    const ourIds = compact.schemas.all().map((s) => s.idString()).sort();
    expect(ourIds).toEqual(expect.arrayContaining(official.schemaIds().filter((id) => ourIds.includes(id))));
    for (const id of ourIds) expect(official.schemaIds()).toContain(id);
    // Each side reads the other's bytes.
    expect(plain(service.toObject(new HeapData(theirs)))).toEqual(plain(value));
    expect(plain(service.toObject(new HeapData(ours)))).toEqual(plain(value));
    expect(() => official.service.toObject(officialData(ours))).not.toThrow();
  });
});

describe('Compact schemas', () => {
  it('write decimals as Java does: BigInteger.toByteArray() is minimal (0 is one byte; the official client writes two)', async () => {
    const { service } = ourService({ compact: { serializers } });
    const bytes = (await service.toDataAsync(new FixedOnly(fixedValues())))!.toBuffer();
    expect(bytes.length).toBeGreaterThan(0);
    const zero = new AllKinds({ ...nullValues(), decimal: BigDecimal.fromString('0.000') });
    const data = (await service.toDataAsync(zero))!.toBuffer();
    // The decimal is the only variable-size value: int length 1, byte 0, int scale 3.
    expect(data.toString('hex')).toContain('00000001' + '00' + '00000003');
    expect((service.toObject<AllKinds>(new HeapData(data))!.values.decimal as BigDecimal).toString()).toBe('0.000');
  });

  it('have the ids Java computes (fingerprints cross-checked with the official client)', () => {
    const official = officialService({ compactSerializers: [innerSerializer] });
    official.service.toData(new Inner(1, 'a'));
    const schema = new Schema('Inner', [new FieldDescriptor('s', K.STRING), new FieldDescriptor('n', K.INT32)]);
    expect(official.schemaIds()).toEqual([schema.idString()]);
    expect(schemaFingerprint('Inner', schema.fields)).toBe(BigInt(schema.idString()));
  });

  it('lay out fixed fields by size then name, booleans as bits, variable ones by name', () => {
    const schema = new Schema('T', [
      new FieldDescriptor('b2', K.BOOLEAN),
      new FieldDescriptor('i', K.INT32),
      new FieldDescriptor('s', K.STRING),
      new FieldDescriptor('l', K.INT64),
      new FieldDescriptor('b1', K.BOOLEAN),
      new FieldDescriptor('a', K.ARRAY_OF_INT32),
      new FieldDescriptor('x', K.INT8),
    ]);
    const at = (name: string) => schema.getField(name)!;
    expect([at('l').offset, at('i').offset, at('x').offset]).toEqual([0, 8, 12]);
    expect([at('b1').offset, at('b1').bitOffset, at('b2').offset, at('b2').bitOffset]).toEqual([13, 0, 13, 1]);
    expect(schema.fixedSizeFieldsLength).toBe(14);
    expect([at('a').index, at('s').index]).toEqual([0, 1]);
    expect(schema.numberVarSizeFields).toBe(2);
  });

  it('reject kinds Compact does not have and duplicate names', () => {
    expect(() => new Schema('T', [new FieldDescriptor('c', K.CHAR)])).toThrow(HazelcastSerializationError);
    expect(() => new Schema('T', [new FieldDescriptor('a', K.INT32), new FieldDescriptor('a', K.INT64)])).toThrow(/two fields named "a"/);
  });
});

describe('Compact GenericRecords', () => {
  // A GenericRecord writes its fields in schema order (by name), as Java does: a class gives the
  // same bytes when its serializer writes them in that order too.
  const sortedKinds = Object.fromEntries(Object.entries(ALL_KINDS).sort(([a], [b]) => (a < b ? -1 : 1)));
  const serializers = [bagSerializer('AllKinds', AllKinds, sortedKinds), innerSerializer];
  const kindsAsFields = (kinds: Kinds) => Object.fromEntries(Object.entries(kinds).map(([name, kind]) => [name, { kind }]));

  function record(values: Values): GenericRecord {
    const innerRecord = (inner: Inner | null) =>
      inner === null ? null : GenericRecords.compact('Inner', { n: Fields.INT32, s: Fields.STRING }, { n: inner.n, s: inner.s });
    return GenericRecords.compact('AllKinds', kindsAsFields(ALL_KINDS), {
      ...values,
      inner: innerRecord(values.inner as Inner | null),
      inners: values.inners === null ? null : (values.inners as Array<Inner | null>).map(innerRecord),
    });
  }

  it.each([
    ['values', () => fullValues('generic')],
    ['nulls', nullValues],
  ])('written from a GenericRecord give the bytes of the class (%s)', async (_, values) => {
    const { service } = ourService({ compact: { serializers } });
    const fromClass = (await service.toDataAsync(new AllKinds(values())))!.toBuffer();
    const fromRecord = (await service.toDataAsync(record(values())))!.toBuffer();
    expect(fromRecord.toString('hex')).toBe(fromClass.toString('hex'));
    // And the official client reads them as the class, and writes that back byte for byte.
    const official = officialService({ compactSerializers: serializers });
    official.service.toData(new AllKinds(values()));
    const read = official.service.toObject(officialData(fromRecord));
    expect(read).toBeInstanceOf(AllKinds);
    expect(official.service.toData(read).toBuffer().toString('hex')).toBe(fromRecord.toString('hex'));
  });

  it('are what data of a type without a serializer reads as, with typed getters', async () => {
    const writer = ourService({ compact: { serializers } });
    const data = (await writer.service.toDataAsync(new AllKinds(fullValues('read me'))))!;
    // A reader that knows the schemas (from the cluster) but has no serializer for AllKinds or Inner.
    const reader = ourService({});
    reader.service.attach(writer.cluster.context());
    const read = (await reader.service.toObjectAsync<GenericRecord>(data))!;
    expect(read.getFieldKind('int64')).toBe(K.INT64);
    expect(read.getFieldKind('nInt32s')).toBe(K.ARRAY_OF_NULLABLE_INT32);
    expect(read.hasField('nope')).toBe(false);
    expect(read.getString('zString')).toBe('read me');
    expect(read.getInt64('int64').toString()).toBe('-1234567890123456789');
    expect(read.getArrayOfBoolean('booleans')).toEqual([true, false, true, true, false, false, false, false, true]);
    expect(read.getArrayOfInt8('int8s')!.toString('hex')).toBe('01ff8003');
    expect(read.getNullableInt32('int32')).toBe(123456789);
    expect(read.getArrayOfNullableInt32('nInt32s')).toEqual([null, null, 3]);
    expect(() => read.getArrayOfInt32('nInt32s')).toThrow(HazelcastSerializationError);
    expect(read.getDecimal('decimal')!.toString()).toBe(decimal.toString());
    const inner = read.getGenericRecord('inner')!;
    expect([inner.getInt32('n'), inner.getString('s')]).toEqual([7, 'seven']);
    expect(read.getArrayOfGenericRecord('inners')!.map((r) => r?.getInt32('n') ?? null)).toEqual([1, null, -2]);
    expect(() => read.getInt32('zString')).toThrow(/is STRING, not INT32/);
    expect(() => read.getString('missing')).toThrow(/no field named "missing"/);
    // Written back as it was read: the same bytes.
    expect((await reader.service.toDataAsync(read))!.toBuffer().equals(data.toBuffer())).toBe(true);
    // clone() with a new value.
    const changed = read.clone({ int32: 5 });
    expect([changed.getInt32('int32'), read.getInt32('int32')]).toEqual([5, 123456789]);
    expect(() => read.clone({ int32: 'five' })).toThrow(HazelcastSerializationError);
  });

  it('check values against their kinds when built', () => {
    expect(() => GenericRecords.compact('T', { a: Fields.INT32 }, { a: 1.5 })).toThrow(/INT32 field "a"/);
    expect(() => GenericRecords.compact('T', { a: Fields.INT8 }, { a: 128 })).toThrow(HazelcastSerializationError);
    expect(() => GenericRecords.compact('T', { a: Fields.STRING }, {} as { a: string })).toThrow(/every field needs a value/);
    expect(() => GenericRecords.compact('T', { a: Fields.STRING }, { a: 'x', b: 1 } as { a: string })).toThrow(/no field "b"/);
    expect(GenericRecords.compact('T', { a: Fields.INT64 }, { a: 5n }).getInt64('a').toString()).toBe('5');
  });
});

describe('Compact serializers', () => {
  it('may read data of another version of the class by checking the field kind', async () => {
    class V1 {
      constructor(readonly a: number) {}
    }
    class V2 {
      constructor(
        readonly a: number,
        readonly b: string | null,
      ) {}
    }
    const v1 = { typeName: 'Versioned', class: V1, read: (r: CompactReader) => new V1(r.readInt32('a')), write: (w: CompactWriter, v: V1) => w.writeInt32('a', v.a) };
    const v2 = {
      typeName: 'Versioned',
      class: V2,
      read: (r: CompactReader) => new V2(r.readInt32('a'), r.getFieldKind('b') === FieldKind.NOT_AVAILABLE ? 'default' : r.readString('b')),
      write: (w: CompactWriter, v: V2) => {
        w.writeInt32('a', v.a);
        w.writeString('b', v.b);
      },
    };
    const old = ourService({ compact: { serializers: [v1] } });
    const current = ourService({ compact: { serializers: [v2] } });
    current.service.attach(old.cluster.context());
    const data = (await old.service.toDataAsync(new V1(3)))!;
    expect(await current.service.toObjectAsync(data)).toEqual(new V2(3, 'default'));
    const newer = (await current.service.toDataAsync(new V2(4, 'x')))!;
    old.service.attach(old.cluster.context());
    expect(await old.service.toObjectAsync(newer)).toEqual(new V1(4));
  });

  it('reject a value that writes other fields than its schema, and arrays of mixed classes', async () => {
    class Shifty {
      constructor(readonly flag: boolean) {}
    }
    const shifty = {
      typeName: 'Shifty',
      class: Shifty,
      read: () => new Shifty(true),
      write: (w: CompactWriter, v: Shifty) => (v.flag ? w.writeInt32('a', 1) : w.writeInt32('b', 1)),
    };
    class Holder {
      constructor(readonly items: unknown[]) {}
    }
    const holder = { typeName: 'Holder', class: Holder, read: () => new Holder([]), write: (w: CompactWriter, v: Holder) => w.writeArrayOfCompact('items', v.items) };
    const { service } = ourService({ compact: { serializers: [shifty, holder, innerSerializer] } });
    await service.toDataAsync(new Shifty(true));
    await expect(service.toDataAsync(new Shifty(false))).rejects.toThrow(/Invalid field name "b" for the Compact type Shifty/);
    await expect(service.toDataAsync(new Holder([new Inner(1, 'a'), new Shifty(true)]))).rejects.toThrow(/different types/);
    expect((await service.toDataAsync(new Inner(2, 'ok')))!.getType()).toBe(-55);
  });
});

describe('the Compact extension', () => {
  it('exposes its schema registry', () => {
    const extension = createSerializationExtension({ compact: { serializers: [innerSerializer] } });
    const compact = extension.parts.get('Compact') as CompactExtension;
    expect(compact.schemas.all()).toEqual([]);
    const service = new DefaultSerializationService({}, [extension]);
    expect(() => service.toData(new Inner(1, 'x'))).toThrow(/must be sent to the cluster/);
    expect(compact.schemas.all().map((s) => s.typeName)).toEqual(['Inner']);
  });
});
