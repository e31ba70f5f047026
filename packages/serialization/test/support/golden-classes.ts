/*
 * The reference classes of shared/serialization (the Java BinaryCompatibilityFileGenerator's
 * objects), written as a user of @hz/serialization writes classes: Portable and
 * IdentifiedDataSerializable classes with factories, two custom serializers. Each holds its
 * fields by their Java names; `fromNode` builds one from an index.json value node to write,
 * `expectObject` checks one read against a node.
 *
 * The member-side objects (predicates, aggregators, projections: @hz/query writes them, the
 * member reads them) are read with test-only factories that follow each entry's recorded
 * readData order (MemberSideObject): what is exercised is the IDS factory dispatch and the
 * stream, not those classes.
 */
import {
  BigDecimal,
  HeapData,
  LocalDate,
  LocalDateTime,
  LocalTime,
  Long,
  OffsetDateTime,
  type IdentifiedDataSerializable,
  type ObjectDataInput,
  type ObjectDataOutput,
  type Serializer,
} from '@hz/core';
import {
  ClassDefinitionBuilder,

  type ClassDefinition,
  type Portable,
  type PortableFactory,
  type PortableReader,
  type PortableWriter,
  type CustomSerializable,
} from '../../src';
import { expectMatchesNode, show, toWritable, type FieldNode, type GoldenIndex, type ObjectNode } from '../../../core/test/serialization/support/golden';

type Values = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Stream fields (IDS, custom, Portable raw data): node <-> value

function streamValue(field: FieldNode): unknown {
  const v = field.value;
  if (v === null) return null;
  switch (field.type) {
    case 'char':
      return String.fromCharCode(v as number);
    case 'long':
      return Long.fromString(v as string);
    case 'byte[]':
    case 'rawBytes':
      return Buffer.from(v as string, 'hex');
    case 'char[]':
      return (v as number[]).map((c) => String.fromCharCode(c));
    case 'long[]':
      return (v as string[]).map((x) => Long.fromString(x));
    case 'Object':
      return fromNode(v as ObjectNode);
    case 'Data':
      return new HeapData(Buffer.from(v as string, 'hex'));
    default:
      return v;
  }
}

function fail(path: string, expected: unknown, actual: unknown): never {
  throw new Error(`${path}: expected ${show(expected)}, got ${show(actual)}`);
}

function expectStream(actual: unknown, field: FieldNode, path: string): void {
  const v = field.value;
  const at = `${path}.${field.name}`;
  if (field.type === 'Object') return expectObject(actual, v as ObjectNode, at);
  if (v === null) {
    if (actual !== null) fail(at, null, actual);
    return;
  }
  let comparable: unknown = actual;
  switch (field.type) {
    case 'char':
      comparable = (actual as string).charCodeAt(0);
      break;
    case 'long':
      comparable = (actual as Long).toString();
      break;
    case 'byte[]':
    case 'rawBytes':
      comparable = (actual as Buffer).toString('hex');
      break;
    case 'char[]':
      comparable = (actual as string[]).map((c) => c.charCodeAt(0));
      break;
    case 'long[]':
      comparable = (actual as Long[]).map((x) => x.toString());
      break;
    case 'Data':
      comparable = (actual as HeapData).toBuffer().toString('hex');
      break;
  }
  if (show(comparable) !== show(v) || (typeof v === 'number' && !Object.is(comparable, v))) fail(at, v, comparable);
}

// ---------------------------------------------------------------------------------------------
// Portable fields: node <-> value

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

function temporal(type: string, v: unknown): unknown {
  const d = v as DateNode & TimeNode & { unscaled: string; scale: number; offsetSeconds: number };
  switch (type) {
    case 'DECIMAL':
      return new BigDecimal(BigInt(d.unscaled), d.scale);
    case 'DATE':
      return new LocalDate(d.year, d.month, d.day);
    case 'TIME':
      return new LocalTime(d.hour, d.minute, d.second, d.nano);
    case 'TIMESTAMP':
      return LocalDateTime.from(d.year, d.month, d.day, d.hour, d.minute, d.second, d.nano);
    default:
      return OffsetDateTime.from(d.year, d.month, d.day, d.hour, d.minute, d.second, d.nano, d.offsetSeconds);
  }
}

function portableValue(field: FieldNode): unknown {
  const v = field.value;
  if (v === null) return null;
  switch (field.type) {
    case 'PORTABLE':
      return fromNode(v as ObjectNode);
    case 'PORTABLE_ARRAY':
      return (v as ObjectNode[]).map(fromNode);
    case 'CHAR':
      return String.fromCharCode(v as number);
    case 'LONG':
      return Long.fromString(v as string);
    case 'BYTE_ARRAY':
      return Buffer.from(v as string, 'hex');
    case 'CHAR_ARRAY':
      return (v as number[]).map((c) => String.fromCharCode(c));
    case 'LONG_ARRAY':
      return (v as string[]).map((x) => Long.fromString(x));
    case 'DECIMAL':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
    case 'TIMESTAMP_WITH_TIMEZONE':
      return temporal(field.type, v);
    case 'DECIMAL_ARRAY':
    case 'DATE_ARRAY':
    case 'TIME_ARRAY':
    case 'TIMESTAMP_ARRAY':
    case 'TIMESTAMP_WITH_TIMEZONE_ARRAY':
      return (v as unknown[]).map((item) => temporal(field.type.slice(0, -'_ARRAY'.length), item));
    default:
      return v;
  }
}

function expectPortableField(actual: unknown, field: FieldNode, path: string): void {
  const at = `${path}.${field.name}`;
  const v = field.value;
  if (v === null) {
    if (actual !== null) fail(at, null, actual);
    return;
  }
  switch (field.type) {
    case 'PORTABLE':
      return expectObject(actual, v as ObjectNode, at);
    case 'PORTABLE_ARRAY': {
      const items = actual as unknown[];
      if (!Array.isArray(items) || items.length !== (v as unknown[]).length) fail(at, v, actual);
      (v as ObjectNode[]).forEach((node, i) => expectObject(items[i], node, `${at}[${i}]`));
      return;
    }
    case 'DECIMAL_ARRAY':
    case 'DATE_ARRAY':
    case 'TIME_ARRAY':
    case 'TIMESTAMP_ARRAY':
    case 'TIMESTAMP_WITH_TIMEZONE_ARRAY': {
      const expected = portableValue(field) as Array<{ toString(): string }>;
      const got = (actual as Array<{ toString(): string }>).map(String);
      if (show(got) !== show(expected.map(String))) fail(at, expected.map(String), got);
      return;
    }
    case 'DECIMAL':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
    case 'TIMESTAMP_WITH_TIMEZONE': {
      const expected = String(portableValue(field));
      if (String(actual) !== expected || (actual as object).constructor !== (portableValue(field) as object).constructor) fail(at, expected, actual);
      return;
    }
    default: {
      const streamType: Record<string, string> = {
        BOOLEAN: 'boolean',
        BYTE: 'byte',
        CHAR: 'char',
        SHORT: 'short',
        INT: 'int',
        LONG: 'long',
        FLOAT: 'float',
        DOUBLE: 'double',
        UTF: 'String',
        BOOLEAN_ARRAY: 'boolean[]',
        BYTE_ARRAY: 'byte[]',
        CHAR_ARRAY: 'char[]',
        SHORT_ARRAY: 'short[]',
        INT_ARRAY: 'int[]',
        LONG_ARRAY: 'long[]',
        FLOAT_ARRAY: 'float[]',
        DOUBLE_ARRAY: 'double[]',
        UTF_ARRAY: 'String[]',
      };
      return expectStream(actual, { ...field, type: streamType[field.type] }, path);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The reference classes

/** What AnIdentifiedDataSerializable writes, and APortable writes as raw data (README). */
const STREAM_FIELDS = [
  'bool', 'b', 'c', 'd', 's', 'f', 'i', 'l', 'str',
  'booleans', 'bytes', 'chars', 'doubles', 'shorts', 'floats', 'ints', 'longs', 'strings',
  'booleansNull', 'bytesNull', 'charsNull', 'doublesNull', 'shortsNull', 'floatsNull', 'intsNull', 'longsNull', 'stringsNull',
  'byteSize', 'bytesFully', 'bytesOffset', 'strSize', 'strChars', 'strBytes', 'unsignedByte', 'unsignedShort',
  'portableObject', 'identifiedDataSerializableObject', 'customByteArraySerializableObject', 'customStreamSerializableObject', 'data',
];

function writeStreamFields(out: ObjectDataOutput, v: Values): void {
  out.writeBoolean(v.bool as boolean);
  out.writeByte(v.b as number);
  out.writeChar(v.c as string);
  out.writeDouble(v.d as number);
  out.writeShort(v.s as number);
  out.writeFloat(v.f as number);
  out.writeInt(v.i as number);
  out.writeLong(v.l as Long);
  out.writeString(v.str as string);
  out.writeBooleanArray(v.booleans as boolean[]);
  out.writeByteArray(v.bytes as Buffer);
  out.writeCharArray(v.chars as string[]);
  out.writeDoubleArray(v.doubles as number[]);
  out.writeShortArray(v.shorts as number[]);
  out.writeFloatArray(v.floats as number[]);
  out.writeIntArray(v.ints as number[]);
  out.writeLongArray(v.longs as Long[]);
  out.writeStringArray(v.strings as string[]);
  out.writeBooleanArray(null);
  out.writeByteArray(null);
  out.writeCharArray(null);
  out.writeDoubleArray(null);
  out.writeShortArray(null);
  out.writeFloatArray(null);
  out.writeIntArray(null);
  out.writeLongArray(null);
  out.writeStringArray(null);
  const bytes = v.bytes as Buffer;
  out.writeByte(bytes.length);
  out.write(bytes);
  out.write(bytes.subarray(1, 3));
  const str = v.str as string;
  out.writeInt(str.length);
  out.writeChars(str);
  out.writeBytes(str);
  out.writeByte(v.unsignedByte as number);
  out.writeShort(v.unsignedShort as number);
  out.writeObject(v.portableObject);
  out.writeObject(v.identifiedDataSerializableObject);
  out.writeObject(v.customByteArraySerializableObject);
  out.writeObject(v.customStreamSerializableObject);
  out.writeData(v.data as HeapData);
}

function readStreamFields(input: ObjectDataInput): Values {
  const v: Values = {};
  v.bool = input.readBoolean();
  v.b = input.readByte();
  v.c = input.readChar();
  v.d = input.readDouble();
  v.s = input.readShort();
  v.f = input.readFloat();
  v.i = input.readInt();
  v.l = input.readLong();
  v.str = input.readString();
  v.booleans = input.readBooleanArray();
  v.bytes = input.readByteArray();
  v.chars = input.readCharArray();
  v.doubles = input.readDoubleArray();
  v.shorts = input.readShortArray();
  v.floats = input.readFloatArray();
  v.ints = input.readIntArray();
  v.longs = input.readLongArray();
  v.strings = input.readStringArray();
  v.booleansNull = input.readBooleanArray();
  v.bytesNull = input.readByteArray();
  v.charsNull = input.readCharArray();
  v.doublesNull = input.readDoubleArray();
  v.shortsNull = input.readShortArray();
  v.floatsNull = input.readFloatArray();
  v.intsNull = input.readIntArray();
  v.longsNull = input.readLongArray();
  v.stringsNull = input.readStringArray();
  v.byteSize = input.readByte();
  v.bytesFully = input.readFully(v.byteSize as number);
  v.bytesOffset = input.readFully(2);
  v.strSize = input.readInt();
  let chars = '';
  for (let i = 0; i < (v.strSize as number); i++) chars += input.readChar();
  v.strChars = chars;
  v.strBytes = input.readFully(v.strSize as number).toString('latin1');
  v.unsignedByte = input.readUnsignedByte();
  v.unsignedShort = input.readUnsignedShort();
  v.portableObject = input.readObject();
  v.identifiedDataSerializableObject = input.readObject();
  v.customByteArraySerializableObject = input.readObject();
  v.customStreamSerializableObject = input.readObject();
  v.data = input.readData();
  return v;
}

function streamValues(fields: FieldNode[]): Values {
  const v: Values = {};
  for (const field of fields) v[field.name] = streamValue(field);
  return v;
}

export class AnInnerPortable implements Portable {
  readonly factoryId = 1;
  readonly classId = 2;
  constructor(
    public i = 0,
    public f = 0,
  ) {}
  writePortable(writer: PortableWriter): void {
    writer.writeInt('i', this.i);
    writer.writeFloat('f', this.f);
  }
  readPortable(reader: PortableReader): void {
    this.i = reader.readInt('i');
    this.f = reader.readFloat('f');
  }
}

export class APortable implements Portable {
  readonly factoryId = 1;
  readonly classId = 1;
  fields: Values = {};
  raw: Values = {};

  writePortable(w: PortableWriter): void {
    const v = this.fields;
    w.writeBoolean('bool', v.bool as boolean);
    w.writeByte('b', v.b as number);
    w.writeChar('c', v.c as string);
    w.writeDouble('d', v.d as number);
    w.writeShort('s', v.s as number);
    w.writeFloat('f', v.f as number);
    w.writeInt('i', v.i as number);
    w.writeLong('l', v.l as Long);
    w.writeString('str', v.str as string);
    w.writeDecimal('bd', v.bd as BigDecimal);
    w.writeDate('ld', v.ld as LocalDate);
    w.writeTime('lt', v.lt as LocalTime);
    w.writeTimestamp('ldt', v.ldt as LocalDateTime);
    w.writeTimestampWithTimezone('odt', v.odt as OffsetDateTime);
    w.writePortable('p', v.p as Portable);
    w.writeBooleanArray('booleans', v.booleans as boolean[]);
    w.writeByteArray('bs', v.bs as Buffer);
    w.writeCharArray('cs', v.cs as string[]);
    w.writeDoubleArray('ds', v.ds as number[]);
    w.writeShortArray('ss', v.ss as number[]);
    w.writeFloatArray('fs', v.fs as number[]);
    w.writeIntArray('is', v.is as number[]);
    w.writeLongArray('ls', v.ls as Long[]);
    w.writeStringArray('strs', v.strs as string[]);
    w.writeDecimalArray('decimals', v.decimals as BigDecimal[]);
    w.writeDateArray('dates', v.dates as LocalDate[]);
    w.writeTimeArray('times', v.times as LocalTime[]);
    w.writeTimestampArray('dateTimes', v.dateTimes as LocalDateTime[]);
    w.writeTimestampWithTimezoneArray('offsetDateTimes', v.offsetDateTimes as OffsetDateTime[]);
    w.writePortableArray('ps', v.ps as Portable[]);
    w.writeBooleanArray('booleansNull', null);
    w.writeByteArray('bsNull', null);
    w.writeCharArray('csNull', null);
    w.writeDoubleArray('dsNull', null);
    w.writeShortArray('ssNull', null);
    w.writeFloatArray('fsNull', null);
    w.writeIntArray('isNull', null);
    w.writeLongArray('lsNull', null);
    w.writeStringArray('strsNull', null);
    writeStreamFields(w.getRawDataOutput(), this.raw);
  }

  readPortable(r: PortableReader): void {
    const v: Values = (this.fields = {});
    v.bool = r.readBoolean('bool');
    v.b = r.readByte('b');
    v.c = r.readChar('c');
    v.d = r.readDouble('d');
    v.s = r.readShort('s');
    v.f = r.readFloat('f');
    v.i = r.readInt('i');
    v.l = r.readLong('l');
    v.str = r.readString('str');
    v.bd = r.readDecimal('bd');
    v.ld = r.readDate('ld');
    v.lt = r.readTime('lt');
    v.ldt = r.readTimestamp('ldt');
    v.odt = r.readTimestampWithTimezone('odt');
    v.p = r.readPortable('p');
    v.booleans = r.readBooleanArray('booleans');
    v.bs = r.readByteArray('bs');
    v.cs = r.readCharArray('cs');
    v.ds = r.readDoubleArray('ds');
    v.ss = r.readShortArray('ss');
    v.fs = r.readFloatArray('fs');
    v.is = r.readIntArray('is');
    v.ls = r.readLongArray('ls');
    v.strs = r.readStringArray('strs');
    v.decimals = r.readDecimalArray('decimals');
    v.dates = r.readDateArray('dates');
    v.times = r.readTimeArray('times');
    v.dateTimes = r.readTimestampArray('dateTimes');
    v.offsetDateTimes = r.readTimestampWithTimezoneArray('offsetDateTimes');
    v.ps = r.readPortableArray('ps');
    v.booleansNull = r.readBooleanArray('booleansNull');
    v.bsNull = r.readByteArray('bsNull');
    v.csNull = r.readCharArray('csNull');
    v.dsNull = r.readDoubleArray('dsNull');
    v.ssNull = r.readShortArray('ssNull');
    v.fsNull = r.readFloatArray('fsNull');
    v.isNull = r.readIntArray('isNull');
    v.lsNull = r.readLongArray('lsNull');
    v.strsNull = r.readStringArray('strsNull');
    this.raw = readStreamFields(r.getRawDataInput());
  }
}

export class AnIdentifiedDataSerializable implements IdentifiedDataSerializable {
  readonly factoryId = 1;
  readonly classId = 1;
  values: Values = {};
  writeData(out: ObjectDataOutput): void {
    writeStreamFields(out, this.values);
  }
  readData(input: ObjectDataInput): void {
    this.values = readStreamFields(input);
  }
}

export class CustomStreamSerializable implements CustomSerializable {
  readonly hzCustomId = 1;
  constructor(
    readonly i: number,
    readonly f: number,
  ) {}
}

export class CustomByteArraySerializable implements CustomSerializable {
  readonly hzCustomId = 2;
  constructor(
    readonly i: number,
    readonly f: number,
  ) {}
}

/** Type id 1: int i, float f in the stream's byte order. */
export const customStreamSerializer: Serializer<CustomStreamSerializable> = {
  id: 1,
  read: (input) => {
    const i = input.readInt();
    return new CustomStreamSerializable(i, input.readFloat());
  },
  write: (out, value) => {
    out.writeInt(value.i);
    out.writeFloat(value.f);
  },
};

/** Type id 2: one 10-byte array, int i and float f big-endian whatever the stream's order, two zero bytes. */
export const customByteArraySerializer: Serializer<CustomByteArraySerializable> = {
  id: 2,
  read: (input) => {
    const bytes = input.readByteArray()!;
    return new CustomByteArraySerializable(bytes.readInt32BE(0), bytes.readFloatBE(4));
  },
  write: (out, value) => {
    const bytes = Buffer.alloc(10);
    bytes.writeInt32BE(value.i, 0);
    bytes.writeFloatBE(value.f, 4);
    out.writeByteArray(bytes);
  },
};

/**
 * A member-side object (predicate, aggregator, projection), read and written by the fields of
 * its node: the field types say which stream method to use.
 */
export class MemberSideObject implements IdentifiedDataSerializable {
  values: unknown[] = [];
  constructor(
    readonly factoryId: number,
    readonly classId: number,
    readonly node: ObjectNode,
  ) {}
  writeData(out: ObjectDataOutput): void {
    const objects = (this.node.fields ?? []).map((field) => streamValue(field));
    (this.node.fields ?? []).forEach((field, i) => writeStreamValue(out, field.type, objects[i]));
  }
  readData(input: ObjectDataInput): void {
    this.values = (this.node.fields ?? []).map((field) => readStreamValue(input, field));
  }
}

function writeStreamValue(out: ObjectDataOutput, type: string, value: unknown): void {
  const methods: Record<string, (v: never) => void> = {
    boolean: (v) => out.writeBoolean(v),
    byte: (v) => out.writeByte(v),
    unsignedByte: (v) => out.writeByte(v),
    char: (v) => out.writeChar(v),
    short: (v) => out.writeShort(v),
    unsignedShort: (v) => out.writeShort(v),
    int: (v) => out.writeInt(v),
    long: (v) => out.writeLong(v),
    float: (v) => out.writeFloat(v),
    double: (v) => out.writeDouble(v),
    String: (v) => out.writeString(v),
    'boolean[]': (v) => out.writeBooleanArray(v),
    'byte[]': (v) => out.writeByteArray(v),
    'char[]': (v) => out.writeCharArray(v),
    'short[]': (v) => out.writeShortArray(v),
    'int[]': (v) => out.writeIntArray(v),
    'long[]': (v) => out.writeLongArray(v),
    'float[]': (v) => out.writeFloatArray(v),
    'double[]': (v) => out.writeDoubleArray(v),
    'String[]': (v) => out.writeStringArray(v),
    rawBytes: (v) => out.write(v),
    rawChars: (v) => out.writeChars(v),
    rawAscii: (v) => out.writeBytes(v),
    Object: (v) => out.writeObject(v),
    Data: (v) => out.writeData(v),
  };
  methods[type](value as never);
}

function readStreamValue(input: ObjectDataInput, field: FieldNode): unknown {
  const length = field.type === 'rawBytes' ? (field.value as string).length / 2 : (field.value as string | null)?.length ?? 0;
  switch (field.type) {
    case 'boolean':
      return input.readBoolean();
    case 'byte':
      return input.readByte();
    case 'unsignedByte':
      return input.readUnsignedByte();
    case 'char':
      return input.readChar();
    case 'short':
      return input.readShort();
    case 'unsignedShort':
      return input.readUnsignedShort();
    case 'int':
      return input.readInt();
    case 'long':
      return input.readLong();
    case 'float':
      return input.readFloat();
    case 'double':
      return input.readDouble();
    case 'String':
      return input.readString();
    case 'boolean[]':
      return input.readBooleanArray();
    case 'byte[]':
      return input.readByteArray();
    case 'char[]':
      return input.readCharArray();
    case 'short[]':
      return input.readShortArray();
    case 'int[]':
      return input.readIntArray();
    case 'long[]':
      return input.readLongArray();
    case 'float[]':
      return input.readFloatArray();
    case 'double[]':
      return input.readDoubleArray();
    case 'String[]':
      return input.readStringArray();
    case 'rawBytes':
      return input.readFully(length);
    case 'rawChars': {
      let text = '';
      for (let i = 0; i < length; i++) text += input.readChar();
      return text;
    }
    case 'rawAscii':
      return input.readFully(length).toString('latin1');
    case 'Object':
      return input.readObject();
    case 'Data':
      return input.readData();
    default:
      throw new Error(`Unknown stream field type ${field.type}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Nodes <-> objects

/** The typed value to write for any node (built-in values through the core's test support). */
export function fromNode(node: ObjectNode): unknown {
  return toWritable(node, (n) => {
    switch (n.class) {
      case 'AnInnerPortable': {
        const [i, f] = n.fields!;
        return new AnInnerPortable(i.value as number, f.value as number);
      }
      case 'APortable': {
        const p = new APortable();
        for (const field of n.fields!) p.fields[field.name] = portableValue(field);
        p.raw = streamValues(n.raw!);
        return p;
      }
      case 'AnIdentifiedDataSerializable': {
        const ids = new AnIdentifiedDataSerializable();
        ids.values = streamValues(n.fields!);
        return ids;
      }
      case 'CustomStreamSerializable':
      case 'CustomByteArraySerializable': {
        const content = n.fields![0].content ?? n.fields!;
        const i = content.find((f) => f.name === 'i')!.value as number;
        const f = content.find((f) => f.name === 'f')!.value as number;
        return n.class === 'CustomStreamSerializable' ? new CustomStreamSerializable(i, f) : new CustomByteArraySerializable(i, f);
      }
      default:
        if (n.type === 'IdentifiedDataSerializable') return new MemberSideObject(n.factoryId!, n.classId!, n);
        throw new Error(`No test class for ${n.class}`);
    }
  });
}

/** Checks a value read against its node, exactly. */
export function expectObject(actual: unknown, node: ObjectNode, path: string): void {
  expectMatchesNode(actual, node, path, (value, n, at) => {
    const expectClass = <T>(type: new (...args: never[]) => T): T => {
      if (!(value instanceof type)) throw new Error(`${at}: expected a ${type.name}, got ${show(value)}`);
      return value;
    };
    switch (n.class) {
      case 'AnInnerPortable': {
        const p = expectClass(AnInnerPortable);
        expectStream(p.i, { name: 'i', type: 'int', value: n.fields![0].value }, at);
        expectStream(p.f, { name: 'f', type: 'float', value: n.fields![1].value }, at);
        return;
      }
      case 'APortable': {
        const p = expectClass(APortable);
        for (const field of n.fields!) expectPortableField(p.fields[field.name], field, at);
        for (const field of n.raw!) expectStream(p.raw[field.name], field, `${at}.raw`);
        if (Object.keys(p.raw).length !== n.raw!.length || Object.keys(p.fields).length !== n.fields!.length) throw new Error(`${at}: field counts differ`);
        return;
      }
      case 'AnIdentifiedDataSerializable': {
        const ids = expectClass(AnIdentifiedDataSerializable);
        if (STREAM_FIELDS.length !== n.fields!.length) throw new Error(`${at}: ${n.fields!.length} fields, the class has ${STREAM_FIELDS.length}`);
        for (const field of n.fields!) expectStream(ids.values[field.name], field, at);
        return;
      }
      case 'CustomStreamSerializable':
      case 'CustomByteArraySerializable': {
        const custom = n.class === 'CustomStreamSerializable' ? expectClass(CustomStreamSerializable) : expectClass(CustomByteArraySerializable);
        const content = n.fields![0].content ?? n.fields!;
        expectStream(custom.i, content.find((f) => f.name === 'i')!, at);
        expectStream(custom.f, content.find((f) => f.name === 'f')!, at);
        return;
      }
      default: {
        const member = expectClass(MemberSideObject);
        if (member.factoryId !== n.factoryId || member.classId !== n.classId) throw new Error(`${at}: ${member.factoryId}/${member.classId} is not ${n.factoryId}/${n.classId}`);
        (n.fields ?? []).forEach((field, i) => expectStream(member.values[i], field, at));
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Registrations (index.json `registrations`)

/** The member-side IDS nodes of a value, in the order their factories are called when it is read (pre-order). */
export function memberSideNodes(node: ObjectNode, into: ObjectNode[] = []): ObjectNode[] {
  if (node.type === 'IdentifiedDataSerializable' && node.class !== 'AnIdentifiedDataSerializable') into.push(node);
  if ((node.type === 'ArrayList' || node.type === 'LinkedList') && Array.isArray(node.value)) for (const item of node.value as ObjectNode[]) memberSideNodes(item, into);
  for (const field of [...(node.fields ?? []), ...(node.raw ?? [])]) {
    if ((field.type === 'Object' || field.type === 'PORTABLE') && field.value !== null) memberSideNodes(field.value as ObjectNode, into);
    if (field.type === 'PORTABLE_ARRAY' && field.value !== null) for (const item of field.value as ObjectNode[]) memberSideNodes(item, into);
  }
  return into;
}

interface Registrations {
  portableFactories: Array<{ factoryId: number; classes: Array<{ classId: number; class: string }> }>;
  classDefinitions: Array<{ factoryId: number; classId: number; version: number; fields: Array<{ name: string; type: string }> }>;
  dataSerializableFactories: Array<{ factoryId: number; classes: Array<{ classId: number; class: string }> }>;
  memberSideFactories: Array<{ factoryId: number; classes: Array<{ classId: number; class: string }> }>;
}

/**
 * The serialization config the file needs, built from index.json's registrations. The
 * member-side factories create their objects from `expected` (the nodes of the entry being
 * read, in reading order).
 */
export function goldenConfig(index: GoldenIndex, isBigEndian: boolean, expected: ObjectNode[]) {
  const registrations = (index as unknown as { registrations: Registrations }).registrations;
  const classes: Record<string, () => object> = {
    APortable: () => new APortable(),
    AnInnerPortable: () => new AnInnerPortable(),
    AnIdentifiedDataSerializable: () => new AnIdentifiedDataSerializable(),
  };
  const factory = (entries: Array<{ classId: number; class: string }>) => (classId: number) => {
    const name = entries.find((c) => c.classId === classId)?.class;
    return name === undefined ? undefined : classes[name]();
  };
  const portableFactories: Record<number, PortableFactory> = {};
  for (const f of registrations.portableFactories) portableFactories[f.factoryId] = factory(f.classes) as PortableFactory;
  const dataSerializableFactories: Record<number, (classId: number) => IdentifiedDataSerializable | undefined> = {};
  for (const f of registrations.dataSerializableFactories) {
    dataSerializableFactories[f.factoryId] = factory(f.classes) as (classId: number) => IdentifiedDataSerializable | undefined;
  }
  for (const f of registrations.memberSideFactories) {
    dataSerializableFactories[f.factoryId] = (classId) => {
      const node = expected.shift();
      if (node === undefined || node.factoryId !== f.factoryId || node.classId !== classId) {
        throw new Error(`Unexpected member-side object ${f.factoryId}/${classId}`);
      }
      return new MemberSideObject(f.factoryId, classId, node);
    };
  }
  const classDefinitions: ClassDefinition[] = registrations.classDefinitions.map((cd) => {
    const builder = new ClassDefinitionBuilder(cd.factoryId, cd.classId, cd.version);
    for (const field of cd.fields) {
      if (field.type === 'INT') builder.addIntField(field.name);
      else if (field.type === 'FLOAT') builder.addFloatField(field.name);
      else throw new Error(`Unexpected registered field type ${field.type}`);
    }
    return builder.build();
  });
  return {
    isBigEndian,
    portableFactories,
    dataSerializableFactories,
    classDefinitions,
    customSerializers: [customStreamSerializer, customByteArraySerializer],
  };
}


