import Long from 'long';
import {
  BooleanArray,
  Byte,
  Char,
  DefaultSerializationService,
  Double,
  Float,
  HazelcastJsonValue,
  HeapData,
  Integer,
  JavaClass,
  LinkedList,
  Short,
  StringArray,
  TypeId,
  type Data,
  type ObjectDataInput,
  type ObjectDataOutput,
  type Serializer,
  type SerializerExtension,
} from '../../src/serialization';

const hex = (data: Data | null): string => (data === null ? 'null' : data.toBuffer().toString('hex'));
const typeOf = (service: DefaultSerializationService, value: unknown): number => (service.toData(value) as Data).getType();

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

function pointSerializer(id: number): Serializer<Point> {
  return {
    id,
    read: (input: ObjectDataInput) => new Point(input.readInt(), input.readInt()),
    write: (output: ObjectDataOutput, p: Point) => {
      output.writeInt(p.x);
      output.writeInt(p.y);
    },
  };
}

describe('built-in type mapping', () => {
  const service = new DefaultSerializationService();

  it.each([
    ['a string', 'x', TypeId.STRING],
    ['a number (Double by default)', 1, TypeId.DOUBLE],
    ['a boolean', false, TypeId.BOOLEAN],
    ['a bigint (BigInteger)', 5n, TypeId.BIG_INTEGER],
    ['a Long', Long.ONE, TypeId.LONG],
    ['a Buffer', Buffer.from('ab'), TypeId.BYTE_ARRAY],
    ['a Uint8Array', new Uint8Array(2), TypeId.BYTE_ARRAY],
    ['an Int8Array', new Int8Array(2), TypeId.BYTE_ARRAY],
    ['a Uint16Array (char[])', new Uint16Array(2), TypeId.CHAR_ARRAY],
    ['an Int16Array (short[])', new Int16Array(2), TypeId.SHORT_ARRAY],
    ['an Int32Array (int[])', new Int32Array(2), TypeId.INTEGER_ARRAY],
    ['a BigInt64Array (long[])', new BigInt64Array(2), TypeId.LONG_ARRAY],
    ['a Float32Array (float[])', new Float32Array(2), TypeId.FLOAT_ARRAY],
    ['a Float64Array (double[])', new Float64Array(2), TypeId.DOUBLE_ARRAY],
    ['a BooleanArray', new BooleanArray([true]), TypeId.BOOLEAN_ARRAY],
    ['a StringArray', new StringArray(['a']), TypeId.STRING_ARRAY],
    ['a plain array (ArrayList)', [1, 'a'], TypeId.ARRAY_LIST],
    ['a LinkedList', new LinkedList([1]), TypeId.LINKED_LIST],
    ['a Byte', new Byte(1), TypeId.BYTE],
    ['a Short', new Short(1), TypeId.SHORT],
    ['an Integer', new Integer(1), TypeId.INTEGER],
    ['a Float', new Float(1), TypeId.FLOAT],
    ['a Double', new Double(1), TypeId.DOUBLE],
    ['a Char', new Char('c'), TypeId.CHAR],
    ['a JavaClass', new JavaClass('java.lang.String'), TypeId.JAVA_CLASS],
    ['a Date', new Date(0), TypeId.DATE],
    ['a HazelcastJsonValue', new HazelcastJsonValue('{}'), TypeId.JSON],
    ['a plain object (JSON)', { a: 1 }, TypeId.JSON],
    ['a class instance (JSON)', new Point(1, 2), TypeId.JSON],
  ])('%s', (_, value, typeId) => {
    expect(typeOf(service, value)).toBe(typeId);
  });

  it('gives null for null, and passes a Data through', () => {
    expect(service.toData(null)).toBeNull();
    expect(service.toObject(null)).toBeNull();
    expect(service.toObject(undefined)).toBeNull();
    const data = service.toData('a') as Data;
    expect(service.toData(data)).toBe(data);
    expect(hex(service.toData([null]))).toBe('00000000ffffffe30000000100000000');
  });

  it('reads the natural JavaScript values back', () => {
    const back = (value: unknown): unknown => service.toObject(service.toData(value));
    expect(back(new Integer(7))).toBe(7);
    expect(back(new Char('ğ'))).toBe('ğ');
    expect(back(new Float(0.1))).toBe(Math.fround(0.1));
    expect(back(new LinkedList([1, 'a']))).toEqual([1, 'a']);
    expect(back(new JavaClass('a.B'))).toBe('a.B');
    expect(back(new BooleanArray([true, false]))).toEqual([true, false]);
    expect(back(Uint16Array.from([97, 98]))).toEqual(['a', 'b']);
    expect((back(BigInt64Array.from([1n, -1n])) as Long[]).map(String)).toEqual(['1', '-1']);
    expect(back(new Date(1234))).toEqual(new Date(1234));
    expect(back(-(2n ** 100n))).toBe(-(2n ** 100n));
    expect(back({ a: [1, { b: null }] })).toEqual({ a: [1, { b: null }] });
  });

  it('keeps the scratch output correct across nested and repeated calls', () => {
    const big = 'x'.repeat(200000);
    expect(service.toObject(service.toData(big))).toBe(big);
    expect(service.toObject(service.toData('small'))).toBe('small');
    // A key that carries its own partition key serializes that key while writing itself.
    const aware = { partitionKey: 'user-1', name: 'order-9' };
    const data = service.toData(aware) as Data;
    expect(data.hasPartitionHash()).toBe(true);
    expect(data.getPartitionHash()).toBe((service.toData('user-1') as Data).getPartitionHash());
    expect(service.toObject(data)).toEqual(aware);
    // A key that is its own partition key, or whose key is partition aware too, does not loop
    // (this one then fails as the circular JSON it is, with a typed error).
    const self: { partitionKey?: unknown } = {};
    self.partitionKey = self;
    expect(() => service.toData(self)).toThrow(/circular/);
    const chained = { partitionKey: { partitionKey: 'inner' } };
    expect((service.toData(chained) as Data).getPartitionHash()).toBe((service.toData({ partitionKey: 'inner' }) as Data).hashCode());
  });
});

describe('configuration', () => {
  it.each([
    ['double', TypeId.DOUBLE, '3ff8000000000000'],
    ['float', TypeId.FLOAT, '3fc00000'],
    ['DOUBLE', TypeId.DOUBLE, '3ff8000000000000'],
  ] as const)('defaultNumberType %s', (numberType, typeId, payload) => {
    const data = new DefaultSerializationService({ defaultNumberType: numberType.toLowerCase() as 'double' }).toData(1.5) as Data;
    expect(data.getType()).toBe(typeId);
    expect(data.toBuffer().subarray(8).toString('hex')).toBe(payload);
  });

  it.each([
    ['integer', TypeId.INTEGER, '00000007'],
    ['short', TypeId.SHORT, '0007'],
    ['byte', TypeId.BYTE, '07'],
    ['long', TypeId.LONG, '0000000000000007'],
  ] as const)('defaultNumberType %s', (numberType, typeId, payload) => {
    const service = new DefaultSerializationService({ defaultNumberType: numberType });
    const data = service.toData(7) as Data;
    expect(data.getType()).toBe(typeId);
    expect(data.toBuffer().subarray(8).toString('hex')).toBe(payload);
    // Wrappers still choose their own type.
    expect(typeOf(service, new Double(7))).toBe(TypeId.DOUBLE);
  });

  it('accepts the official client values case-insensitively (they may come from JSON)', () => {
    const config = JSON.parse('{"defaultNumberType":"Integer","jsonStringDeserializationPolicy":"no_deserialization"}') as object;
    const service = new DefaultSerializationService(config);
    expect(typeOf(service, 1)).toBe(TypeId.INTEGER);
    expect(service.toObject(service.toData({ a: 1 }))).toEqual(new HazelcastJsonValue('{"a":1}'));
  });

  it('reads JSON eagerly by default, or as HazelcastJsonValue', () => {
    const data = new DefaultSerializationService().toData(new HazelcastJsonValue('{"age":4}'));
    expect(new DefaultSerializationService().toObject(data)).toEqual({ age: 4 });
    const lazy = new DefaultSerializationService({ jsonStringDeserializationPolicy: 'NO_DESERIALIZATION' }).toObject<HazelcastJsonValue>(data);
    expect(lazy).toBeInstanceOf(HazelcastJsonValue);
    expect(lazy?.toString()).toBe('{"age":4}');
  });

  it('rejects invalid options', () => {
    expect(() => new DefaultSerializationService({ defaultNumberType: 'decimal' as 'double' })).toThrow(/defaultNumberType/);
    expect(() => new DefaultSerializationService({ isBigEndian: 'yes' as unknown as boolean })).toThrow(/isBigEndian/);
    expect(() => new DefaultSerializationService({ jsonStringDeserializationPolicy: 'LAZY' as 'EAGER' })).toThrow(/jsonStringDeserializationPolicy/);
  });
});

describe('the extension seam', () => {
  class Tagged {
    constructor(readonly tag: string) {}
  }
  const formatPoint = pointSerializer(-1000);
  const customPoint = pointSerializer(1000);
  const globalSerializer: Serializer = {
    id: 2000,
    read: (input) => ({ global: input.readString() }),
    write: (output, value) => output.writeString(JSON.stringify(value)),
  };

  it('asks user formats before the built-ins, for objects only', () => {
    const calls: unknown[] = [];
    const extension: SerializerExtension = {
      formatSerializerFor: (value) => {
        calls.push(value);
        return value instanceof Point ? (formatPoint as Serializer) : undefined;
      },
      serializerForTypeId: (id) => (id === -1000 ? (formatPoint as Serializer) : undefined),
    };
    const service = new DefaultSerializationService({}, [extension]);
    expect(typeOf(service, new Point(1, 2))).toBe(-1000);
    expect(service.toObject(service.toData(new Point(1, 2)))).toEqual(new Point(1, 2));
    service.toData('a');
    service.toData(5);
    expect(calls.some((c) => typeof c !== 'object')).toBe(false);
  });

  it('uses custom serializers after the built-ins, then the global one, then JSON', () => {
    const custom: SerializerExtension = {
      customSerializerFor: (value) => (value instanceof Point || value instanceof Date ? (customPoint as Serializer) : undefined),
      serializerForTypeId: (id) => (id === 1000 ? (customPoint as Serializer) : undefined),
    };
    const withCustom = new DefaultSerializationService({}, [custom]);
    expect(typeOf(withCustom, new Point(1, 2))).toBe(1000);
    // A built-in type is not overridden by a custom serializer.
    expect(typeOf(withCustom, new Date(0))).toBe(TypeId.DATE);
    // Without a custom serializer, other objects fall back to JSON.
    expect(typeOf(withCustom, new Tagged('a'))).toBe(TypeId.JSON);

    const withGlobal = new DefaultSerializationService({}, [custom, { globalSerializer }]);
    expect(typeOf(withGlobal, new Point(1, 2))).toBe(1000);
    expect(typeOf(withGlobal, new Tagged('a'))).toBe(2000);
    expect(typeOf(withGlobal, { plain: true })).toBe(2000);
    expect(typeOf(withGlobal, [1])).toBe(TypeId.ARRAY_LIST);
    expect(typeOf(withGlobal, 'primitives are never global')).toBe(TypeId.STRING);
    // The global serializer is found by its id when reading.
    expect(withGlobal.toObject(withGlobal.toData(new Tagged('a')))).toEqual({ global: '{"tag":"a"}' });
  });

  it('asks extensions in the order given', () => {
    const first: SerializerExtension = { customSerializerFor: () => customPoint as Serializer };
    const second: SerializerExtension = { customSerializerFor: () => pointSerializer(3000) as Serializer };
    expect(typeOf(new DefaultSerializationService({}, [first, second]), new Point(1, 1))).toBe(1000);
    expect(typeOf(new DefaultSerializationService({}, [second, first]), new Point(1, 1))).toBe(3000);
  });

  it('lets extension serializers nest objects and see absolute positions', () => {
    let positionSeen = -1;
    const box: Serializer<{ box: unknown }> = {
      id: 5,
      read: (input) => ({ box: input.readObject() }),
      write: (output, value) => {
        positionSeen = output.position();
        output.writeObject(value.box);
      },
    };
    const isBox = (value: object): value is { box: unknown } => 'box' in value;
    const service = new DefaultSerializationService({}, [
      { customSerializerFor: (value) => (isBox(value) ? (box as Serializer) : undefined), serializerForTypeId: (id) => (id === 5 ? (box as Serializer) : undefined) },
    ]);
    const data = service.toData({ box: [new Integer(1), 'x'] }) as Data;
    expect(positionSeen).toBe(8);
    expect(service.toObject(data)).toEqual({ box: [1, 'x'] });
  });

  it('reads Data written by a HeapData view', () => {
    const service = new DefaultSerializationService();
    const bytes = Buffer.concat([Buffer.from('ffff', 'hex'), (service.toData(['a', 1]) as Data).toBuffer()]);
    expect(service.toObject(new HeapData(bytes.subarray(2)))).toEqual(['a', 1]);
  });
});

describe('transient Data', () => {
  it('has the bytes toData gives, without a buffer of its own', () => {
    const service = new DefaultSerializationService();
    const value = Buffer.alloc(10_240, 3);
    const transient = service.toTransientData(value) as Data;
    expect(hex(transient)).toBe(hex(service.toData(value)));
    // A view of the service's scratch output: the next serialization writes over it.
    const again = service.toTransientData(Buffer.alloc(10_240, 4)) as Data;
    expect(again.toBuffer().buffer).toBe(transient.toBuffer().buffer);
    expect(transient.toBuffer()[100]).toBe(4);
  });

  it('is null for null and the same object for a Data', () => {
    const service = new DefaultSerializationService();
    const data = service.toData('x') as Data;
    expect(service.toTransientData(null)).toBeNull();
    expect(service.toTransientData(data)).toBe(data);
  });

  it('does not disturb a toData made before it', () => {
    const service = new DefaultSerializationService();
    const key = service.toData('key') as Data;
    const keyHex = hex(key);
    service.toTransientData('a value longer than the key, written over the scratch output');
    expect(hex(key)).toBe(keyHex);
  });
});
