import {
  Byte,
  Char,
  DefaultSerializationService,
  HazelcastSerializationError,
  HeapData,
  Integer,
  LinkedList,
  Short,
  StringArray,
  type Data,
  type Serializer,
} from '../../src/serialization';
import { HazelcastError } from '../../src/errors/hazelcast-error';

function dataOf(typeId: number, payloadHex: string): HeapData {
  const bytes = Buffer.alloc(8 + payloadHex.length / 2);
  bytes.writeInt32BE(typeId, 4);
  Buffer.from(payloadHex, 'hex').copy(bytes, 8);
  return new HeapData(bytes);
}

/** Runs `action`, expects a HazelcastSerializationError and returns it. */
function serializationError(action: () => unknown): HazelcastSerializationError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(HazelcastSerializationError);
    expect(error).toBeInstanceOf(HazelcastError);
    return error as HazelcastSerializationError;
  }
  throw new Error('Expected a HazelcastSerializationError');
}

const service = new DefaultSerializationService();

describe('typed errors', () => {
  afterEach(() => {
    // Whatever failed, the service still works (scratch output and cycle tracking are reset).
    expect(service.toObject(service.toData(['still', 'fine']))).toEqual(['still', 'fine']);
  });

  it('on an unknown type id, naming it', () => {
    const error = serializationError(() => service.toObject(dataOf(12345, '00')));
    expect(error.message).toMatch(/type id 12345/);
    expect(error.typeId).toBe(12345);
    expect(serializationError(() => service.toObject(dataOf(-77, ''))).message).toMatch(/type id -77/);
  });

  it('on a format that needs @hz/serialization, naming the format', () => {
    expect(serializationError(() => service.toObject(dataOf(-1, '00000001'))).message).toMatch(/Portable \(type id -1\).*@hz\/serialization/);
    expect(serializationError(() => service.toObject(dataOf(-2, '01'))).message).toMatch(/IdentifiedDataSerializable \(type id -2\)/);
    expect(serializationError(() => service.toObject(dataOf(-55, ''))).message).toMatch(/Compact \(type id -55\)/);
    expect(serializationError(() => service.toObject(dataOf(-120, ''))).message).toMatch(/Python pickle/);
  });

  it('on a nested unknown type id', () => {
    // An ArrayList of one element whose type id is 999.
    expect(serializationError(() => service.toObject(dataOf(-29, '00000001000003e7'))).message).toMatch(/type id 999/);
  });

  it.each([
    ['undefined', undefined, /undefined/],
    ['a Map', new Map([[1, 2]]), /type Map/],
    ['a Set', new Set([1]), /type Set/],
    ['a WeakMap', new WeakMap(), /type WeakMap/],
    ['a Promise', Promise.resolve(1), /type Promise/],
    ['a function', () => 1, /type Function/],
    ['a symbol', Symbol('s'), /type Symbol/],
    ['a Uint32Array', new Uint32Array(1), /type Uint32Array/],
    ['an ArrayBuffer', new ArrayBuffer(4), /type ArrayBuffer/],
    ['an Error', new Error('x'), /type Error/],
    ['a Map inside a list', [1, new Map()], /type Map/],
    ['undefined inside a list', [1, undefined], /undefined/],
  ])('on a value with no serializer: %s', (_, value, message) => {
    expect(serializationError(() => service.toData(value)).message).toMatch(message);
  });

  it('on an ArrayList that contains itself', () => {
    const list: unknown[] = [1, 'a'];
    list.push(list);
    const error = serializationError(() => service.toData(list));
    expect(error.message).toMatch(/circular/);
    expect(error.message).toMatch(/ArrayList \(type id -29\)/);
  });

  it('on longer cycles, through LinkedList and through JSON objects', () => {
    const a: unknown[] = [];
    const b: unknown[] = [a];
    a.push(new LinkedList([b]));
    expect(serializationError(() => service.toData(a)).message).toMatch(/circular/);
    const node: { self?: unknown } = {};
    node.self = node;
    expect(serializationError(() => service.toData(node)).message).toMatch(/type Object.*circular/);
    expect(serializationError(() => service.toData([node])).message).toMatch(/circular/);
  });

  it('on a cycle through an extension serializer', () => {
    class Box {
      inner: unknown;
    }
    const box: Serializer<Box> = { id: 7, read: () => new Box(), write: (output, value) => output.writeObject(value.inner) };
    const withBox = new DefaultSerializationService({}, [{ customSerializerFor: (v) => (v instanceof Box ? (box as Serializer) : undefined) }]);
    const outer = new Box();
    outer.inner = [outer];
    expect(serializationError(() => withBox.toData(outer)).message).toMatch(/Box.*contains itself/);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = ['x'];
    expect(service.toObject(service.toData([shared, shared]))).toEqual([['x'], ['x']]);
  });

  it.each([
    ['a lone high surrogate', '\ud800'],
    ['a lone low surrogate', 'a\udc00b'],
    ['reversed surrogates', '\ude00\ud83d'],
    ['a lone surrogate in a long string', `${'ğ'.repeat(100)}\ud83d`],
    ['a lone surrogate after a valid pair', '😀\ud83d'],
  ])('on a string with %s, naming String', (_, text) => {
    const error = serializationError(() => service.toData(text));
    expect(error.message).toMatch(/String \(type id -11\).*lone surrogate/);
    expect(serializationError(() => service.toData(['ok', text])).message).toMatch(/lone surrogate/);
    expect(serializationError(() => service.toData(new StringArray([text]))).message).toMatch(/lone surrogate/);
  });

  it('but accepts valid surrogate pairs and U+FFFF', () => {
    expect(service.toObject(service.toData('😀\uffff'))).toBe('😀\uffff');
  });

  it.each([
    ['integer', 2 ** 31, /Java int/],
    ['integer', 1.5, /Java int/],
    ['integer', NaN, /Java int/],
    ['short', 40000, /Java short/],
    ['byte', -129, /Java byte/],
    ['long', 2 ** 60, /Java long/],
  ] as const)('on a number out of range for defaultNumberType %s: %s', (numberType, value, message) => {
    const typed = new DefaultSerializationService({ defaultNumberType: numberType });
    expect(serializationError(() => typed.toData(value)).message).toMatch(message);
  });

  it('on wrapper values out of range (at construction, with RangeError)', () => {
    expect(() => new Byte(128)).toThrow(RangeError);
    expect(() => new Short(-32769)).toThrow(RangeError);
    expect(() => new Integer(2 ** 31)).toThrow(RangeError);
    expect(() => new Char('ab')).toThrow(RangeError);
    expect(() => new Char(65536)).toThrow(RangeError);
  });

  it('on an invalid Date', () => {
    expect(serializationError(() => service.toData(new Date(Number.NaN))).message).toMatch(/invalid Date/);
  });

  it('on a bigint inside a JSON object', () => {
    expect(serializationError(() => service.toData({ n: 1n })).message).toMatch(/type Object/);
  });

  it('on writeObject of a Data', () => {
    const data = service.toData('a') as Data;
    expect(serializationError(() => service.toData([data])).message).toMatch(/writeData/);
  });

  it.each([
    ['a truncated Integer', dataOf(-7, '0000'), /Integer \(type id -7\)/],
    ['a truncated Long', dataOf(-8, '00000000'), /Long \(type id -8\)/],
    ['a String longer than its Data', dataOf(-11, '0000000a61'), /String/],
    ['a list count beyond the Data', dataOf(-29, '7fffffff'), /list/],
    ['an int[] count beyond the Data', dataOf(-16, '10000000'), /int\[\]/],
    ['malformed JSON', dataOf(-130, '000000037b7b7b'), /HazelcastJsonValue \(type id -130\)/],
    ['an invalid LocalDate', dataOf(-51, '000007e50d01'), /LocalDate \(type id -51\)/],
    ['a Data shorter than its header', new HeapData(Buffer.from('000000', 'hex')), /header/],
  ])('on malformed bytes: %s', (_, data, message) => {
    expect(serializationError(() => service.toObject(data)).message).toMatch(message);
  });
});
