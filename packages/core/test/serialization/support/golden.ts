/*
 * Reading shared/serialization (index.json and compatibility.binary) for the golden tests:
 * the entries, typed JavaScript values built from their value nodes (for writing), and checks
 * of what the service read against the nodes. See shared/serialization/README.md.
 */
import { readFileSync } from 'node:fs';
import Long from 'long';
import { UUID } from '../../../src/util/uuid';
import {
  BigDecimal,
  BooleanArray,
  Byte,
  Char,
  Float,
  Integer,
  JavaClass,
  LinkedList,
  LocalDate,
  LocalDateTime,
  LocalTime,
  OffsetDateTime,
  Short,
  StringArray,
} from '../../../src/serialization';
import { sharedPath } from '../../../../../test/support/shared';

/** An object node: what toData takes and toObject gives. */
export interface ObjectNode {
  type: string;
  typeId: number;
  value?: unknown;
  class?: string;
  factoryId?: number;
  classId?: number;
  version?: number;
  fields?: FieldNode[];
  raw?: FieldNode[];
}

/** One call on a stream (IDS and custom objects), or one named Portable field. */
export interface FieldNode {
  name: string;
  type: string;
  value: unknown;
  fieldTypeId?: number;
  content?: FieldNode[];
}

/** One entry of index.json. */
export interface GoldenEntry {
  index: number;
  name: string;
  object: string;
  byteOrder: 'BIG_ENDIAN' | 'LITTLE_ENDIAN';
  typeId: number | null;
  offset: number;
  length: number;
  clientDeserializes: boolean;
  note?: string;
  value: ObjectNode;
}

/** What the custom serializers of the file write, from `registrations.customSerializers`. */
export interface CustomRegistration {
  typeId: number;
  class: string;
  writes: Array<{ name: string; type: string }>;
}

export interface GoldenIndex {
  entryCount: number;
  registrations: { customSerializers: CustomRegistration[] };
  entries: GoldenEntry[];
}

/** index.json and the binary file. */
export function loadGolden(): { index: GoldenIndex; binary: Buffer } {
  const index = JSON.parse(readFileSync(sharedPath('serialization', 'index.json'), 'utf8')) as GoldenIndex;
  const binary = readFileSync(sharedPath('serialization', 'compatibility.binary'));
  return { index, binary };
}

/** The Data bytes of an entry as a buffer of their own (Portable offsets count from its start). */
export function entryBytes(binary: Buffer, entry: GoldenEntry): Buffer | null {
  return entry.length < 0 ? null : Buffer.from(binary.subarray(entry.offset, entry.offset + entry.length));
}

/** Node types the core serializes itself. */
export const BUILTIN_NODE_TYPES: ReadonlySet<string> = new Set([
  'null',
  'Boolean',
  'Byte',
  'Character',
  'Short',
  'Integer',
  'Long',
  'Float',
  'Double',
  'String',
  'UUID',
  'byte[]',
  'boolean[]',
  'char[]',
  'short[]',
  'int[]',
  'long[]',
  'float[]',
  'double[]',
  'String[]',
  'Class',
  'BigInteger',
  'BigDecimal',
  'ArrayList',
  'LinkedList',
  'LocalDate',
  'LocalTime',
  'LocalDateTime',
  'OffsetDateTime',
]);

/** Node types that need @hz/serialization (or, in these tests, the test-only extension). */
export const EXTENSION_NODE_TYPES: ReadonlySet<string> = new Set(['Portable', 'IdentifiedDataSerializable', 'Custom']);

/** Every node type in a tree, for deciding what an entry needs. */
export function nodeTypes(node: ObjectNode, into = new Set<string>()): Set<string> {
  into.add(node.type);
  if ((node.type === 'ArrayList' || node.type === 'LinkedList') && Array.isArray(node.value)) {
    for (const item of node.value as ObjectNode[]) nodeTypes(item, into);
  }
  for (const field of [...(node.fields ?? []), ...(node.raw ?? [])]) {
    if (field.type === 'Object' && field.value !== null) nodeTypes(field.value as ObjectNode, into);
  }
  return into;
}

interface DateNode {
  year: number;
  month: number;
  day: number;
}
interface TimeNode {
  hour: number;
  minute: number;
  second: number;
  nano: number;
}

/** Builds the typed value to write for a node; `extension` turns IDS, Portable and Custom nodes into test objects. */
export function toWritable(node: ObjectNode, extension?: (node: ObjectNode) => unknown): unknown {
  const v = node.value;
  switch (node.type) {
    case 'null':
      return null;
    case 'Boolean':
    case 'String':
      return v;
    case 'Double':
      // A plain number is a Double with the default configuration.
      return v;
    case 'Byte':
      return new Byte(v as number);
    case 'Character':
      return new Char(v as number);
    case 'Short':
      return new Short(v as number);
    case 'Integer':
      return new Integer(v as number);
    case 'Float':
      return new Float(v as number);
    case 'Long':
      return Long.fromString(v as string);
    case 'UUID': {
      const u = v as { mostSignificantBits: string; leastSignificantBits: string };
      return new UUID(Long.fromString(u.mostSignificantBits), Long.fromString(u.leastSignificantBits));
    }
    case 'byte[]':
      return Buffer.from(v as string, 'hex');
    case 'boolean[]':
      return new BooleanArray(v as boolean[]);
    case 'char[]':
      return Uint16Array.from(v as number[]);
    case 'short[]':
      return Int16Array.from(v as number[]);
    case 'int[]':
      return Int32Array.from(v as number[]);
    case 'long[]':
      return BigInt64Array.from((v as string[]).map((x) => BigInt(x)));
    case 'float[]':
      return Float32Array.from(v as number[]);
    case 'double[]':
      return Float64Array.from(v as number[]);
    case 'String[]':
      return new StringArray(v as string[]);
    case 'Class':
      return new JavaClass(v as string);
    case 'BigInteger':
      return BigInt(v as string);
    case 'BigDecimal': {
      const d = v as { unscaled: string; scale: number };
      return new BigDecimal(BigInt(d.unscaled), d.scale);
    }
    case 'ArrayList':
      return (v as ObjectNode[]).map((item) => toWritable(item, extension));
    case 'LinkedList':
      return new LinkedList((v as ObjectNode[]).map((item) => toWritable(item, extension)));
    case 'LocalDate':
      return localDate(v as DateNode);
    case 'LocalTime':
      return localTime(v as TimeNode);
    case 'LocalDateTime':
      return new LocalDateTime(localDate(v as DateNode), localTime(v as TimeNode));
    case 'OffsetDateTime': {
      const o = v as DateNode & TimeNode & { offsetSeconds: number };
      return new OffsetDateTime(new LocalDateTime(localDate(o), localTime(o)), o.offsetSeconds);
    }
    default:
      if (extension !== undefined && EXTENSION_NODE_TYPES.has(node.type)) return extension(node);
      throw new Error(`No typed value for node type ${node.type}`);
  }
}

function localDate(d: DateNode): LocalDate {
  return new LocalDate(d.year, d.month, d.day);
}

function localTime(t: TimeNode): LocalTime {
  return new LocalTime(t.hour, t.minute, t.second, t.nano);
}

/**
 * Checks a value read by the service against its node, exactly: floats bit for bit, longs as
 * 64-bit integers, dates field by field. `extension` checks IDS, Portable and Custom nodes.
 */
export function expectMatchesNode(actual: unknown, node: ObjectNode, path: string, extension?: (actual: unknown, node: ObjectNode, path: string) => void): void {
  const v = node.value;
  const fail = (what: string): never => {
    throw new Error(`${path} (${node.type}): ${what}; got ${show(actual)}`);
  };
  const same = (a: unknown, b: unknown): void => {
    if (!Object.is(a, b)) fail(`expected ${show(b)}`);
  };
  switch (node.type) {
    case 'null':
      return same(actual, null);
    case 'Boolean':
    case 'String':
    case 'Byte':
    case 'Short':
    case 'Integer':
    case 'Double':
    case 'Class':
      return same(actual, v);
    case 'Float':
      same(actual, v);
      return same(Math.fround(actual as number), actual);
    case 'Character':
      if (typeof actual !== 'string' || actual.length !== 1) fail('expected a one-character string');
      return same((actual as string).charCodeAt(0), v);
    case 'Long':
      if (!Long.isLong(actual)) fail('expected a Long');
      return same((actual as Long).toString(), v);
    case 'BigInteger':
      return same(actual, BigInt(v as string));
    case 'UUID': {
      const u = v as { mostSignificantBits: string; leastSignificantBits: string; string: string };
      if (!(actual instanceof UUID)) fail('expected a UUID');
      const uuid = actual as UUID;
      same(uuid.mostSignificant.toString(), u.mostSignificantBits);
      same(uuid.leastSignificant.toString(), u.leastSignificantBits);
      return same(uuid.toString(), u.string);
    }
    case 'byte[]':
      if (!Buffer.isBuffer(actual)) fail('expected a Buffer');
      return same((actual as Buffer).toString('hex'), v);
    case 'boolean[]':
    case 'short[]':
    case 'int[]':
    case 'float[]':
    case 'double[]':
    case 'String[]':
      return sameArray(actual, v as unknown[], (a) => a, fail);
    case 'char[]':
      return sameArray(actual, v as unknown[], (a) => (typeof a === 'string' && a.length === 1 ? a.charCodeAt(0) : `not a char: ${show(a)}`), fail);
    case 'long[]':
      return sameArray(actual, v as unknown[], (a) => (Long.isLong(a) ? (a as Long).toString() : `not a Long: ${show(a)}`), fail);
    case 'BigDecimal': {
      const d = v as { unscaled: string; scale: number; string: string };
      if (!(actual instanceof BigDecimal)) fail('expected a BigDecimal');
      const decimal = actual as BigDecimal;
      same(decimal.unscaledValue, BigInt(d.unscaled));
      same(decimal.scale, d.scale);
      return same(decimal.toString(), d.string);
    }
    case 'LocalDate':
      if (!(actual instanceof LocalDate)) fail('expected a LocalDate');
      return sameDate(actual as LocalDate, v as DateNode, same);
    case 'LocalTime':
      if (!(actual instanceof LocalTime)) fail('expected a LocalTime');
      return sameTime(actual as LocalTime, v as TimeNode, same);
    case 'LocalDateTime':
      if (!(actual instanceof LocalDateTime)) fail('expected a LocalDateTime');
      sameDate((actual as LocalDateTime).localDate, v as DateNode, same);
      return sameTime((actual as LocalDateTime).localTime, v as TimeNode, same);
    case 'OffsetDateTime': {
      if (!(actual instanceof OffsetDateTime)) fail('expected an OffsetDateTime');
      const o = actual as OffsetDateTime;
      sameDate(o.localDateTime.localDate, v as DateNode, same);
      sameTime(o.localDateTime.localTime, v as TimeNode, same);
      return same(o.offsetSeconds, (v as { offsetSeconds: number }).offsetSeconds);
    }
    case 'ArrayList':
    case 'LinkedList': {
      const items = v as ObjectNode[];
      if (!Array.isArray(actual)) fail('expected an array');
      const list = actual as unknown[];
      if (list.length !== items.length) fail(`expected ${items.length} elements`);
      items.forEach((item, i) => expectMatchesNode(list[i], item, `${path}[${i}]`, extension));
      return;
    }
    default:
      if (extension !== undefined && EXTENSION_NODE_TYPES.has(node.type)) return extension(actual, node, path);
      fail('no check for this node type');
  }
}

function sameArray(actual: unknown, expected: unknown[] | null, map: (a: unknown) => unknown, fail: (what: string) => never): void {
  if (expected === null) {
    if (actual !== null) fail('expected null');
    return;
  }
  if (!Array.isArray(actual)) fail('expected an array');
  const list = actual as unknown[];
  if (list.length !== expected.length) fail(`expected ${expected.length} elements`);
  expected.forEach((e, i) => {
    const a = map(list[i]);
    if (!Object.is(a, e)) fail(`element ${i}: expected ${show(e)}, got ${show(a)}`);
  });
}

function sameDate(actual: LocalDate, d: DateNode, same: (a: unknown, b: unknown) => void): void {
  same(actual.year, d.year);
  same(actual.month, d.month);
  same(actual.date, d.day);
}

function sameTime(actual: LocalTime, t: TimeNode, same: (a: unknown, b: unknown) => void): void {
  same(actual.hour, t.hour);
  same(actual.minute, t.minute);
  same(actual.second, t.second);
  same(actual.nano, t.nano);
}

/** A short rendering of a value for failure messages. */
export function show(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  if (Buffer.isBuffer(value)) return `<Buffer ${value.subarray(0, 24).toString('hex')}${value.length > 24 ? '...' : ''}>`;
  if (Long.isLong(value)) return `Long(${(value as Long).toString()})`;
  try {
    const text = JSON.stringify(value, (_, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
    return text === undefined ? String(value) : text.length > 120 ? `${text.slice(0, 120)}...` : text;
  } catch {
    return String(value);
  }
}
