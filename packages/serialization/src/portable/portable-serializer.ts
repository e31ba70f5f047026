import { HazelcastSerializationError, TypeId, type ObjectDataInput, type ObjectDataOutput, type PositionalObjectDataOutput, type Serializer } from '@hz/core';
import { messageOf, positional } from '../values';
import type { ClassDefinition } from './class-definition';
import { FieldType, isPortable, type Portable, type PortableFactory } from './portable';
import { PortableContext } from './portable-context';
import { PortableGenericRecord } from './portable-generic-record';
import { DefaultPortableReader, MorphingPortableReader, type NestedPortableReader } from './portable-reader';
import { DefaultPortableWriter, type NestedPortableWriter, type PortableValue } from './portable-writer';

/**
 * The Portable serializer (type id -1): factory id, class id, then the version and body of the
 * object (Java `PortableSerializer`). Reads with the class's factory; a Portable whose factory
 * id has no factory is read as a {@link PortableGenericRecord}, as the Java client does.
 */
export class PortableSerializer implements Serializer<PortableValue>, NestedPortableWriter, NestedPortableReader {
  readonly id = TypeId.PORTABLE;
  readonly context: PortableContext;
  // The class definition each Portable class was last written with (found without the registry).
  private readonly lastDefinition = new Map<unknown, ClassDefinition>();

  constructor(
    private readonly factories: ReadonlyMap<number, PortableFactory>,
    portableVersion: number,
  ) {
    this.context = new PortableContext(portableVersion);
  }

  write(out: ObjectDataOutput, value: PortableValue): void {
    if (value instanceof PortableGenericRecord) {
      out.writeInt(value.classDefinition.factoryId);
      out.writeInt(value.classDefinition.classId);
    } else {
      if (value.classId === 0) throw new HazelcastSerializationError('Portable class id cannot be zero', { typeId: TypeId.PORTABLE });
      out.writeInt(value.factoryId);
      out.writeInt(value.classId);
    }
    this.writeBody(positional(out), value);
  }

  /** The version, then the body. */
  writeBody(out: PositionalObjectDataOutput, value: PortableValue): void {
    if (value instanceof PortableGenericRecord) {
      this.writeRecordBody(out, value);
      return;
    }
    const cd = this.definitionOf(value);
    out.writeInt(cd.version);
    const writer = new DefaultPortableWriter(this, out, cd);
    value.writePortable(writer);
    writer.end();
  }

  read(input: ObjectDataInput): PortableValue {
    const factoryId = input.readInt();
    const classId = input.readInt();
    return this.readBody(input, factoryId, classId, false) as PortableValue;
  }

  /** Reads the version and body of a Portable whose ids were read; leaves the input after it. */
  readBody(input: ObjectDataInput, factoryId: number, classId: number, asRecord: boolean): unknown {
    const version = input.readInt();
    const portable = asRecord ? undefined : this.create(factoryId, classId);
    const cd = this.definitionInData(input, factoryId, classId, version);
    if (portable === undefined) return this.readRecordBody(input, cd);
    const reader =
      cd.version === this.context.classVersionOf(portable)
        ? new DefaultPortableReader(this, input, cd)
        : new MorphingPortableReader(this, input, cd);
    portable.readPortable(reader);
    reader.end();
    return portable;
  }

  /** A new instance of the class from its factory; undefined when no factory is configured for the factory id. */
  private create(factoryId: number, classId: number): Portable | undefined {
    const factory = this.factories.get(factoryId);
    if (factory === undefined) return undefined;
    let portable: unknown;
    try {
      portable = factory(classId);
    } catch (error) {
      throw new HazelcastSerializationError(`The Portable factory ${factoryId} failed to create classId=${classId}: ${messageOf(error)}`, {
        cause: error,
        typeId: TypeId.PORTABLE,
      });
    }
    if (portable == null) {
      throw new HazelcastSerializationError(
        `The Portable factory ${factoryId} (serialization.portableFactories) created no object for classId=${classId}: unknown Portable class factoryId=${factoryId} classId=${classId}`,
        { typeId: TypeId.PORTABLE },
      );
    }
    if (!isPortable(portable)) {
      throw new HazelcastSerializationError(`The Portable factory ${factoryId} created a value for classId=${classId} that is not Portable`, {
        typeId: TypeId.PORTABLE,
      });
    }
    return portable;
  }

  /** The class definition the body was written with: known, or read from the body (the input stays at the body). */
  private definitionInData(input: ObjectDataInput, factoryId: number, classId: number, version: number): ClassDefinition {
    const effective = version < 0 ? this.context.portableVersion : version;
    const known = this.context.lookup(factoryId, classId, effective);
    if (known !== undefined) return known;
    const begin = input.position();
    try {
      return this.context.readFromData(input, factoryId, classId, effective);
    } finally {
      input.position(begin);
    }
  }

  private definitionOf(portable: Portable): ClassDefinition {
    const version = this.context.classVersionOf(portable);
    const last = this.lastDefinition.get(portable.constructor);
    if (last !== undefined && last.version === version && last.classId === portable.classId && last.factoryId === portable.factoryId) return last;
    const cd = this.context.lookupOrRegister(portable, version);
    this.lastDefinition.set(portable.constructor, cd);
    return cd;
  }

  private writeRecordBody(out: PositionalObjectDataOutput, record: PortableGenericRecord): void {
    const cd = this.context.register(record.classDefinition);
    out.writeInt(cd.version);
    const writer = new DefaultPortableWriter(this, out, cd);
    for (const field of cd.fields) writeRecordField(writer, field.name, field.type, record.valueOf(field.name));
    writer.end();
  }

  private readRecordBody(input: ObjectDataInput, cd: ClassDefinition): PortableGenericRecord {
    const reader = new DefaultPortableReader(this, input, cd, true);
    const values: { [name: string]: unknown } = {};
    for (const field of cd.fields) values[field.name] = readRecordField(reader, field.name, field.type);
    reader.end();
    return new PortableGenericRecord(cd, values);
  }
}

// The writer and reader method of each field type, indexed by FieldType id.
const FIELD_METHODS = [
  'Portable',
  'Byte',
  'Boolean',
  'Char',
  'Short',
  'Int',
  'Long',
  'Float',
  'Double',
  'String',
  'PortableArray',
  'ByteArray',
  'BooleanArray',
  'CharArray',
  'ShortArray',
  'IntArray',
  'LongArray',
  'FloatArray',
  'DoubleArray',
  'StringArray',
  'Decimal',
  'DecimalArray',
  'Time',
  'TimeArray',
  'Date',
  'DateArray',
  'Timestamp',
  'TimestampArray',
  'TimestampWithTimezone',
  'TimestampWithTimezoneArray',
] as const;

type FieldWriter = { [M in `write${(typeof FIELD_METHODS)[number]}`]: (name: string, value: unknown) => void };
type FieldReader = { [M in `read${(typeof FIELD_METHODS)[number]}`]: (name: string) => unknown };

// The record's values were checked against the field types when it was built.
function writeRecordField(writer: DefaultPortableWriter, name: string, type: FieldType, value: unknown): void {
  (writer as unknown as FieldWriter)[`write${FIELD_METHODS[type]}`](name, value);
}

function readRecordField(reader: DefaultPortableReader, name: string, type: FieldType): unknown {
  return (reader as unknown as FieldReader)[`read${FIELD_METHODS[type]}`](name);
}
