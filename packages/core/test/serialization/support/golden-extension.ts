/*
 * Test-only serializers for the IdentifiedDataSerializable, Custom and Portable objects that the
 * golden file nests inside its ArrayList and LinkedList entries, plugged in through the core's
 * SerializerExtension seam (as @hz/serialization will be). They are driven by the value nodes
 * of index.json, not by real classes:
 *
 * - IDS and Custom objects are read and written field by field with the stream methods the Java
 *   classes use (so the lists exercise every ObjectDataInput/Output method the file contains);
 * - Portable objects are not the core's to implement: they are read as opaque bodies (factory
 *   id, class id, version and the bytes up to the body's end position, which is absolute in the
 *   Data) and written back verbatim. Their field names and type ids are checked; their values
 *   are left to @hz/serialization's tests.
 */
import Long from 'long';
import {
  ByteArrayObjectDataOutput,
  HeapData,
  type ObjectDataInput,
  type ObjectDataOutput,
  type Serializer,
  type SerializerExtension,
} from '../../../src/serialization';
import { expectMatchesNode, show, type FieldNode, type GoldenIndex, type ObjectNode } from './golden';

/**
 * An IDS or Custom object to write, from its node. The objects of its `Object` fields are built
 * when it is (not when it is written), so that Portable bodies are taken in reading order.
 */
export class TestFields {
  constructor(
    readonly node: ObjectNode,
    readonly objects: ReadonlyMap<FieldNode, unknown>,
  ) {}
}

/** An IDS object to write. */
export class TestIds extends TestFields {}

/** A Custom object to write. */
export class TestCustom extends TestFields {}

/** A Portable read as its header and raw body; written back byte for byte. */
export class OpaquePortable {
  constructor(
    readonly factoryId: number,
    readonly classId: number,
    readonly version: number,
    readonly body: Buffer,
    /** Where the body began in its Data: its offsets are absolute. */
    readonly bodyStart: number,
    readonly bigEndian: boolean,
  ) {}
}

/** What the test serializers read for IDS and Custom objects: the values of their stream fields. */
export class ReadFields {
  constructor(
    readonly kind: 'IdentifiedDataSerializable' | 'Custom',
    readonly ids: { factoryId?: number; classId?: number; typeId?: number },
    readonly values: unknown[],
  ) {}
}

/** A field's type plus, for raw fields, how many units to read (raw data has no length prefix). */
interface FieldSpec {
  type: string;
  rawLength: number;
}

function specOf(field: FieldNode): FieldSpec {
  let rawLength = 0;
  if (field.type === 'rawBytes') rawLength = (field.value as string).length / 2;
  if (field.type === 'rawChars' || field.type === 'rawAscii') rawLength = (field.value as string).length;
  return { type: field.type, rawLength };
}

function readField(input: ObjectDataInput, spec: FieldSpec): unknown {
  switch (spec.type) {
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
      return input.readFully(spec.rawLength);
    case 'rawChars': {
      let text = '';
      for (let i = 0; i < spec.rawLength; i++) text += input.readChar();
      return text;
    }
    case 'rawAscii':
      return input.readFully(spec.rawLength).toString('latin1');
    case 'Object':
      return input.readObject();
    case 'Data':
      return input.readData();
    default:
      throw new Error(`Unknown stream field type ${spec.type}`);
  }
}

function writeField(output: ObjectDataOutput, field: FieldNode, objects: ReadonlyMap<FieldNode, unknown>): void {
  const v = field.value;
  switch (field.type) {
    case 'boolean':
      return output.writeBoolean(v as boolean);
    case 'byte':
    case 'unsignedByte':
      return output.writeByte(v as number);
    case 'char':
      return output.writeChar(v as number);
    case 'short':
    case 'unsignedShort':
      return output.writeShort(v as number);
    case 'int':
      return output.writeInt(v as number);
    case 'long':
      return output.writeLong(Long.fromString(v as string));
    case 'float':
      return output.writeFloat(v as number);
    case 'double':
      return output.writeDouble(v as number);
    case 'String':
      return output.writeString(v as string | null);
    case 'boolean[]':
      return output.writeBooleanArray(v as boolean[] | null);
    case 'byte[]':
      return output.writeByteArray(v === null ? null : byteArrayOf(field));
    case 'char[]':
      return output.writeCharArray(v === null ? null : (v as number[]).map((c) => String.fromCharCode(c)));
    case 'short[]':
      return output.writeShortArray(v as number[] | null);
    case 'int[]':
      return output.writeIntArray(v as number[] | null);
    case 'long[]':
      return output.writeLongArray(v === null ? null : (v as string[]).map((x) => Long.fromString(x)));
    case 'float[]':
      return output.writeFloatArray(v as number[] | null);
    case 'double[]':
      return output.writeDoubleArray(v as number[] | null);
    case 'String[]':
      return output.writeStringArray(v as string[] | null);
    case 'rawBytes':
      return output.write(Buffer.from(v as string, 'hex'));
    case 'rawChars':
      return output.writeChars(v as string);
    case 'rawAscii':
      return output.writeBytes(v as string);
    case 'Object':
      return output.writeObject(objects.get(field));
    case 'Data':
      return output.writeData(v === null ? null : new HeapData(Buffer.from(v as string, 'hex')));
    default:
      throw new Error(`Unknown stream field type ${field.type}`);
  }
}

// A byte[] field with `content` (the byte-array custom serializer): the bytes are rebuilt from
// the content, written to a big-endian buffer of their own, and must equal the recorded ones.
function byteArrayOf(field: FieldNode): Buffer {
  const recorded = Buffer.from(field.value as string, 'hex');
  if (field.content === undefined) return recorded;
  const inner = new ByteArrayObjectDataOutput(true);
  for (const part of field.content) writeField(inner, part, new Map());
  const built = inner.toBuffer();
  if (!built.equals(recorded)) throw new Error(`${field.name}: content gives ${built.toString('hex')}, not ${recorded.toString('hex')}`);
  return built;
}

function fieldMatches(actual: unknown, field: FieldNode, path: string, check: (actual: unknown, node: ObjectNode, path: string) => void): void {
  const v = field.value;
  const fail = (): never => {
    throw new Error(`${path}.${field.name} (${field.type}): expected ${show(v)}, got ${show(actual)}`);
  };
  switch (field.type) {
    case 'char':
      if ((actual as string).charCodeAt(0) !== v) fail();
      return;
    case 'long':
      if ((actual as Long).toString() !== v) fail();
      return;
    case 'rawBytes':
      if ((actual as Buffer).toString('hex') !== v) fail();
      return;
    case 'byte[]':
      if ((actual === null ? null : (actual as Buffer).toString('hex')) !== v) fail();
      return;
    case 'Data':
      if ((actual === null ? null : (actual as HeapData).toBuffer().toString('hex')) !== v) fail();
      return;
    case 'char[]':
      if (show(actual === null ? null : (actual as string[]).map((c) => c.charCodeAt(0))) !== show(v)) fail();
      return;
    case 'long[]':
      if (show(actual === null ? null : (actual as Long[]).map((x) => x.toString())) !== show(v)) fail();
      return;
    case 'Object':
      return expectMatchesNode(actual, v as ObjectNode, `${path}.${field.name}`, check);
    default:
      if (Array.isArray(v) || Array.isArray(actual)) {
        if (!Array.isArray(v) || !Array.isArray(actual) || v.length !== actual.length || v.some((x, i) => !Object.is(x, actual[i]))) fail();
      } else if (!Object.is(actual, v)) fail();
  }
}

/** The first node of each IDS class in the index, which gives the field layout its reader follows. */
function idsLayouts(index: GoldenIndex): Map<string, FieldSpec[]> {
  const layouts = new Map<string, FieldSpec[]>();
  const visit = (node: ObjectNode): void => {
    if (node.type === 'IdentifiedDataSerializable') {
      const key = `${node.factoryId}:${node.classId}`;
      if (!layouts.has(key)) layouts.set(key, (node.fields ?? []).map(specOf));
    }
    if ((node.type === 'ArrayList' || node.type === 'LinkedList') && Array.isArray(node.value)) (node.value as ObjectNode[]).forEach(visit);
    for (const field of [...(node.fields ?? []), ...(node.raw ?? [])]) if (field.type === 'Object' && field.value !== null) visit(field.value as ObjectNode);
  };
  for (const entry of index.entries) if (entry.clientDeserializes) visit(entry.value);
  return layouts;
}

/** Walks a Portable body's field table: names and field type ids, in index order. */
function portableFieldHeaders(portable: OpaquePortable): Array<{ name: string; typeId: number }> {
  const body = portable.body;
  const int = (at: number): number => (portable.bigEndian ? body.readInt32BE(at) : body.readInt32LE(at));
  const count = int(4);
  const headers: Array<{ name: string; typeId: number }> = [];
  for (let k = 0; k < count; k++) {
    const position = int(8 + 4 * k) - portable.bodyStart;
    const nameLength = portable.bigEndian ? body.readInt16BE(position) : body.readInt16LE(position);
    headers.push({ name: body.toString('latin1', position + 2, position + 2 + nameLength), typeId: body.readInt8(position + 2 + nameLength) });
  }
  return headers;
}

/**
 * The extension and the helpers the golden test needs: `toExtensionValue` builds the objects
 * to write (Portable bodies are taken, in order, from `portableBodies`), `check` compares what
 * was read with a node.
 */
export function goldenExtension(index: GoldenIndex): {
  extension: SerializerExtension;
  toExtensionValue: (node: ObjectNode) => unknown;
  check: (actual: unknown, node: ObjectNode, path: string) => void;
  reset: () => void;
} {
  const layouts = idsLayouts(index);
  const customs = new Map(index.registrations.customSerializers.map((c) => [c.typeId, c.writes.map((w) => ({ type: w.type, rawLength: 0 }))]));
  const portableBodies: OpaquePortable[] = [];
  let nextPortable = 0;

  const objectsOf = (node: ObjectNode): Map<FieldNode, unknown> => {
    const objects = new Map<FieldNode, unknown>();
    for (const field of node.fields ?? []) if (field.type === 'Object') objects.set(field, toWritableField(field.value as ObjectNode));
    return objects;
  };
  const toExtensionValue = (node: ObjectNode): unknown => {
    if (node.type === 'IdentifiedDataSerializable') return new TestIds(node, objectsOf(node));
    if (node.type === 'Custom') return new TestCustom(node, objectsOf(node));
    if (node.type === 'Portable') {
      const body = portableBodies[nextPortable++];
      if (body === undefined) throw new Error('No Portable body was read for this position: read the entry before writing it');
      return body;
    }
    return node.type === 'null' ? null : undefined;
  };
  function toWritableField(node: ObjectNode): unknown {
    if (node.type === 'null') return null;
    if (node.type === 'IdentifiedDataSerializable' || node.type === 'Custom' || node.type === 'Portable') return toExtensionValue(node);
    throw new Error(`Stream field object of type ${node.type} is not used by the golden file`);
  }

  const ids: Serializer<TestIds | ReadFields> = {
    id: -2,
    read(input) {
      if (!input.readBoolean()) throw new Error('Expected the identified flag');
      const factoryId = input.readInt();
      const classId = input.readInt();
      const layout = layouts.get(`${factoryId}:${classId}`);
      if (layout === undefined) throw new Error(`No test layout for IDS ${factoryId}:${classId}`);
      return new ReadFields('IdentifiedDataSerializable', { factoryId, classId }, layout.map((spec) => readField(input, spec)));
    },
    write(output, value) {
      const node = (value as TestIds).node;
      output.writeBoolean(true);
      output.writeInt(node.factoryId ?? 0);
      output.writeInt(node.classId ?? 0);
      for (const field of node.fields ?? []) writeField(output, field, (value as TestIds).objects);
    },
  };

  const customSerializer = (typeId: number): Serializer<TestCustom | ReadFields> => ({
    id: typeId,
    read: (input) => new ReadFields('Custom', { typeId }, (customs.get(typeId) ?? []).map((spec) => readField(input, spec))),
    write: (output, value) => {
      for (const field of (value as TestCustom).node.fields ?? []) writeField(output, field, (value as TestCustom).objects);
    },
  });
  const customSerializers = new Map([...customs.keys()].map((typeId) => [typeId, customSerializer(typeId)]));

  const portable: Serializer<OpaquePortable> = {
    id: -1,
    read(input) {
      const factoryId = input.readInt();
      const classId = input.readInt();
      const version = input.readInt();
      const start = input.position();
      const end = input.readInt(start);
      const body = input.readFully(end - start);
      const read = new OpaquePortable(factoryId, classId, version, body, start, input.isBigEndian());
      portableBodies.push(read);
      return read;
    },
    write(output, value) {
      output.writeInt(value.factoryId);
      output.writeInt(value.classId);
      output.writeInt(value.version);
      output.write(value.body);
    },
  };

  const check = (actual: unknown, node: ObjectNode, path: string): void => {
    if (node.type === 'Portable') {
      if (!(actual instanceof OpaquePortable)) throw new Error(`${path}: expected a Portable, got ${show(actual)}`);
      if (actual.factoryId !== node.factoryId || actual.classId !== node.classId || actual.version !== node.version) {
        throw new Error(`${path}: Portable ${actual.factoryId}/${actual.classId}/v${actual.version} is not ${node.factoryId}/${node.classId}/v${node.version}`);
      }
      const headers = portableFieldHeaders(actual);
      const expected = (node.fields ?? []).map((f) => ({ name: f.name, typeId: f.fieldTypeId }));
      if (show(headers) !== show(expected)) throw new Error(`${path}: Portable fields ${show(headers)} are not ${show(expected)}`);
      return;
    }
    if (!(actual instanceof ReadFields) || actual.kind !== node.type) throw new Error(`${path}: expected a ${node.type}, got ${show(actual)}`);
    if (node.type === 'IdentifiedDataSerializable' && (actual.ids.factoryId !== node.factoryId || actual.ids.classId !== node.classId)) {
      throw new Error(`${path}: IDS ${actual.ids.factoryId}/${actual.ids.classId} is not ${node.factoryId}/${node.classId}`);
    }
    if (node.type === 'Custom' && actual.ids.typeId !== node.typeId) throw new Error(`${path}: custom type ${actual.ids.typeId} is not ${node.typeId}`);
    const fields = node.fields ?? [];
    if (actual.values.length !== fields.length) throw new Error(`${path}: ${actual.values.length} fields read, ${fields.length} expected`);
    fields.forEach((field, i) => fieldMatches(actual.values[i], field, path, check));
  };

  const extension: SerializerExtension = {
    name: 'golden test serializers',
    formatSerializerFor: (value) => (value instanceof TestIds ? (ids as Serializer) : value instanceof OpaquePortable ? (portable as Serializer) : undefined),
    customSerializerFor: (value) => (value instanceof TestCustom ? (customSerializers.get(value.node.typeId) as Serializer | undefined) : undefined),
    serializerForTypeId: (typeId) =>
      typeId === -2 ? (ids as Serializer) : typeId === -1 ? (portable as Serializer) : (customSerializers.get(typeId) as Serializer | undefined),
  };

  return {
    extension,
    toExtensionValue: (node) => {
      if (node.type === 'Portable' && nextPortable >= portableBodies.length) throw new Error('Read the entry before writing it');
      return toExtensionValue(node);
    },
    check,
    // Before each entry: forget the Portable bodies read for the previous one.
    reset: () => {
      portableBodies.length = 0;
      nextPortable = 0;
    },
  };
}
