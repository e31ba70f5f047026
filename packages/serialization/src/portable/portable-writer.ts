import {
  ByteArrayObjectDataOutput,
  HazelcastSerializationError,
  type BigDecimal,
  type LocalDate,
  type LocalDateTime,
  type LocalTime,
  type LongValue,
  type ObjectDataOutput,
  type OffsetDateTime,
  type PositionalObjectDataOutput,
} from '@hz/core';
import {
  writeDecimal,
  writePortableDate,
  writePortableTimestamp,
  writePortableTimestampWithTimezone,
  writeTime,
} from '../values';
import type { ClassDefinition, ClassDefinitionBuilder, FieldDefinition } from './class-definition';
import { FieldType, fieldTypeName, isPortable, type Portable, type PortableWriter } from './portable';
import type { PortableContext } from './portable-context';
import { PortableGenericRecord } from './portable-generic-record';

/** A Portable or a Portable GenericRecord: what a PORTABLE field holds. */
export type PortableValue = Portable | PortableGenericRecord;

/** Writes the version and body of a nested Portable (the serializer). */
export interface NestedPortableWriter {
  writeBody(out: PositionalObjectDataOutput, value: PortableValue): void;
}

function idsOf(value: PortableValue): { factoryId: number; classId: number } {
  return value instanceof PortableGenericRecord ? value.classDefinition : value;
}

/**
 * Writes one Portable body (Java `DefaultPortableWriter`): the end position, the field count,
 * a table of field positions (one more slot for the raw data), then each field as its header
 * (name and type) and value. Positions are absolute in the serialized form.
 */
export class DefaultPortableWriter implements PortableWriter {
  private readonly begin: number;
  private readonly offset: number;
  private readonly written: Uint8Array;
  private writtenCount = 0;
  private raw = false;
  private readonly bigEndian: boolean;

  constructor(
    private readonly nested: NestedPortableWriter,
    private readonly out: PositionalObjectDataOutput,
    private readonly cd: ClassDefinition,
  ) {
    this.bigEndian = out.isBigEndian();
    this.begin = out.position();
    out.writeZeroBytes(4);
    out.writeInt(cd.fields.length);
    this.offset = out.position();
    out.writeZeroBytes((cd.fields.length + 1) * 4);
    this.written = new Uint8Array(cd.fields.length);
  }

  writeInt(fieldName: string, value: number): void {
    this.field(fieldName, FieldType.INT);
    this.out.writeInt(value);
  }

  writeLong(fieldName: string, value: LongValue): void {
    this.field(fieldName, FieldType.LONG);
    this.out.writeLong(value);
  }

  writeUTF(fieldName: string, value: string | null): void {
    this.writeString(fieldName, value);
  }

  writeString(fieldName: string, value: string | null): void {
    this.field(fieldName, FieldType.UTF);
    this.out.writeString(value);
  }

  writeBoolean(fieldName: string, value: boolean): void {
    this.field(fieldName, FieldType.BOOLEAN);
    this.out.writeBoolean(value);
  }

  writeByte(fieldName: string, value: number): void {
    this.field(fieldName, FieldType.BYTE);
    this.out.writeByte(value);
  }

  writeChar(fieldName: string, value: string | number): void {
    this.field(fieldName, FieldType.CHAR);
    this.out.writeChar(value);
  }

  writeDouble(fieldName: string, value: number): void {
    this.field(fieldName, FieldType.DOUBLE);
    this.out.writeDouble(value);
  }

  writeFloat(fieldName: string, value: number): void {
    this.field(fieldName, FieldType.FLOAT);
    this.out.writeFloat(value);
  }

  writeShort(fieldName: string, value: number): void {
    this.field(fieldName, FieldType.SHORT);
    this.out.writeShort(value);
  }

  writePortable(fieldName: string, portable: PortableValue | null): void {
    const fd = this.field(fieldName, FieldType.PORTABLE);
    const isNull = portable == null;
    this.out.writeBoolean(isNull);
    this.out.writeInt(fd.factoryId);
    this.out.writeInt(fd.classId);
    if (!isNull) {
      checkNestedClass(fd, portable);
      this.nested.writeBody(this.out, portable);
    }
  }

  writeNullPortable(fieldName: string, factoryId: number, classId: number): void {
    this.field(fieldName, FieldType.PORTABLE);
    this.out.writeBoolean(true);
    this.out.writeInt(factoryId);
    this.out.writeInt(classId);
  }

  writeDecimal(fieldName: string, value: BigDecimal | null): void {
    this.nullable(fieldName, FieldType.DECIMAL, value, writeDecimal);
  }

  writeTime(fieldName: string, value: LocalTime | null): void {
    this.nullable(fieldName, FieldType.TIME, value, writeTime);
  }

  writeDate(fieldName: string, value: LocalDate | null): void {
    this.nullable(fieldName, FieldType.DATE, value, writePortableDate);
  }

  writeTimestamp(fieldName: string, value: LocalDateTime | null): void {
    this.nullable(fieldName, FieldType.TIMESTAMP, value, writePortableTimestamp);
  }

  writeTimestampWithTimezone(fieldName: string, value: OffsetDateTime | null): void {
    this.nullable(fieldName, FieldType.TIMESTAMP_WITH_TIMEZONE, value, writePortableTimestampWithTimezone);
  }

  writeByteArray(fieldName: string, bytes: Uint8Array | Int8Array | null): void {
    this.field(fieldName, FieldType.BYTE_ARRAY);
    this.out.writeByteArray(bytes);
  }

  writeBooleanArray(fieldName: string, booleans: readonly boolean[] | null): void {
    this.field(fieldName, FieldType.BOOLEAN_ARRAY);
    this.out.writeBooleanArray(booleans);
  }

  writeCharArray(fieldName: string, chars: ReadonlyArray<string | number> | Uint16Array | null): void {
    this.field(fieldName, FieldType.CHAR_ARRAY);
    this.out.writeCharArray(chars);
  }

  writeIntArray(fieldName: string, ints: ArrayLike<number> | null): void {
    this.field(fieldName, FieldType.INT_ARRAY);
    this.out.writeIntArray(ints);
  }

  writeLongArray(fieldName: string, longs: ReadonlyArray<LongValue> | BigInt64Array | null): void {
    this.field(fieldName, FieldType.LONG_ARRAY);
    this.out.writeLongArray(longs);
  }

  writeDoubleArray(fieldName: string, values: ArrayLike<number> | null): void {
    this.field(fieldName, FieldType.DOUBLE_ARRAY);
    this.out.writeDoubleArray(values);
  }

  writeFloatArray(fieldName: string, values: ArrayLike<number> | null): void {
    this.field(fieldName, FieldType.FLOAT_ARRAY);
    this.out.writeFloatArray(values);
  }

  writeShortArray(fieldName: string, values: ArrayLike<number> | null): void {
    this.field(fieldName, FieldType.SHORT_ARRAY);
    this.out.writeShortArray(values);
  }

  writeUTFArray(fieldName: string, values: ReadonlyArray<string | null> | null): void {
    this.writeStringArray(fieldName, values);
  }

  writeStringArray(fieldName: string, values: ReadonlyArray<string | null> | null): void {
    this.field(fieldName, FieldType.UTF_ARRAY);
    this.out.writeStringArray(values);
  }

  writePortableArray(fieldName: string, values: readonly PortableValue[] | null): void {
    const fd = this.field(fieldName, FieldType.PORTABLE_ARRAY);
    const out = this.out;
    const count = values === null ? -1 : values.length;
    out.writeInt(count);
    out.writeInt(fd.factoryId);
    out.writeInt(fd.classId);
    if (values === null || count === 0) return;
    const table = out.position();
    out.writeZeroBytes(count * 4);
    for (let i = 0; i < count; i++) {
      const item = values[i];
      if (item == null) throw new HazelcastSerializationError(`The Portable array "${fieldName}" holds a null item: Portable arrays cannot`, { typeId: -1 });
      checkNestedClass(fd, item);
      out.pwriteInt(table + i * 4, out.position());
      this.nested.writeBody(out, item);
    }
  }

  writeDecimalArray(fieldName: string, values: readonly BigDecimal[] | null): void {
    this.objectArray(fieldName, FieldType.DECIMAL_ARRAY, values, writeDecimal);
  }

  writeTimeArray(fieldName: string, values: readonly LocalTime[] | null): void {
    this.objectArray(fieldName, FieldType.TIME_ARRAY, values, writeTime);
  }

  writeDateArray(fieldName: string, values: readonly LocalDate[] | null): void {
    this.objectArray(fieldName, FieldType.DATE_ARRAY, values, writePortableDate);
  }

  writeTimestampArray(fieldName: string, values: readonly LocalDateTime[] | null): void {
    this.objectArray(fieldName, FieldType.TIMESTAMP_ARRAY, values, writePortableTimestamp);
  }

  writeTimestampWithTimezoneArray(fieldName: string, values: readonly OffsetDateTime[] | null): void {
    this.objectArray(fieldName, FieldType.TIMESTAMP_WITH_TIMEZONE_ARRAY, values, writePortableTimestampWithTimezone);
  }

  getRawDataOutput(): ObjectDataOutput {
    if (!this.raw) {
      this.out.pwriteInt(this.offset + this.cd.fields.length * 4, this.out.position());
      this.raw = true;
    }
    return this.out;
  }

  /** Writes the end position; every field of the class definition must have been written. */
  end(): void {
    if (this.writtenCount !== this.cd.fields.length) {
      const missing = this.cd.fields.filter((f) => this.written[f.index] === 0).map((f) => f.name);
      throw new HazelcastSerializationError(
        `Portable factoryId=${this.cd.factoryId} classId=${this.cd.classId} version=${this.cd.version} did not write the field(s) ${missing.join(', ')} of its class definition`,
        { typeId: -1 },
      );
    }
    this.out.pwriteInt(this.begin, this.out.position());
  }

  /** Records where a field starts, writes its header and returns its definition. */
  private field(fieldName: string, type: FieldType): FieldDefinition {
    if (this.raw) throw new HazelcastSerializationError(`Cannot write the Portable field "${fieldName}" after getRawDataOutput()`, { typeId: -1 });
    const fd = this.cd.getField(fieldName);
    if (fd === undefined) {
      throw new HazelcastSerializationError(
        `Invalid field name "${fieldName}" for Portable factoryId=${this.cd.factoryId} classId=${this.cd.classId} version=${this.cd.version}: not in its class definition`,
        { typeId: -1 },
      );
    }
    if (fd.type !== type) {
      throw new HazelcastSerializationError(
        `Invalid field type for "${fieldName}" of Portable factoryId=${this.cd.factoryId} classId=${this.cd.classId}: the class definition says ${fieldTypeName(fd.type)}, it was written as ${fieldTypeName(type)}`,
        { typeId: -1 },
      );
    }
    if (this.written[fd.index] !== 0) throw new HazelcastSerializationError(`The Portable field "${fieldName}" has already been written`, { typeId: -1 });
    this.written[fd.index] = 1;
    this.writtenCount++;
    const out = this.out;
    out.pwriteInt(this.offset + fd.index * 4, out.position());
    out.write(fd.header(this.bigEndian));
    return fd;
  }

  private nullable<T>(fieldName: string, type: FieldType, value: T | null, write: (out: ObjectDataOutput, value: T) => void): void {
    this.field(fieldName, type);
    const isNull = value == null;
    this.out.writeBoolean(isNull);
    if (!isNull) write(this.out, value);
  }

  private objectArray<T>(fieldName: string, type: FieldType, values: readonly T[] | null, write: (out: ObjectDataOutput, value: T) => void): void {
    this.field(fieldName, type);
    const out = this.out;
    const count = values == null ? -1 : values.length;
    out.writeInt(count);
    if (values == null || count === 0) return;
    const table = out.position();
    out.writeZeroBytes(count * 4);
    for (let i = 0; i < count; i++) {
      out.pwriteInt(table + i * 4, out.position());
      write(out, values[i]);
    }
  }
}

function checkNestedClass(fd: FieldDefinition, value: PortableValue): void {
  const { factoryId, classId } = idsOf(value);
  if (factoryId !== fd.factoryId || classId !== fd.classId) {
    throw new HazelcastSerializationError(
      `Wrong Portable class in field "${fd.name}": expected factoryId=${fd.factoryId} classId=${fd.classId}, got factoryId=${factoryId} classId=${classId} (a field holds one class)`,
      { typeId: -1 },
    );
  }
}

/**
 * Learns a class definition from a Portable's writePortable (Java `ClassDefinitionWriter`):
 * records each field's name and type in call order; nested Portables' definitions are looked
 * up or learned too. Values are not written (raw data goes nowhere).
 */
export class ClassDefinitionWriter implements PortableWriter {
  constructor(
    private readonly context: PortableContext,
    private readonly builder: ClassDefinitionBuilder,
  ) {}

  writeInt(fieldName: string): void {
    this.builder.addIntField(fieldName);
  }
  writeLong(fieldName: string): void {
    this.builder.addLongField(fieldName);
  }
  writeUTF(fieldName: string): void {
    this.builder.addStringField(fieldName);
  }
  writeString(fieldName: string): void {
    this.builder.addStringField(fieldName);
  }
  writeBoolean(fieldName: string): void {
    this.builder.addBooleanField(fieldName);
  }
  writeByte(fieldName: string): void {
    this.builder.addByteField(fieldName);
  }
  writeChar(fieldName: string): void {
    this.builder.addCharField(fieldName);
  }
  writeDouble(fieldName: string): void {
    this.builder.addDoubleField(fieldName);
  }
  writeFloat(fieldName: string): void {
    this.builder.addFloatField(fieldName);
  }
  writeShort(fieldName: string): void {
    this.builder.addShortField(fieldName);
  }
  writeDecimal(fieldName: string): void {
    this.builder.addDecimalField(fieldName);
  }
  writeTime(fieldName: string): void {
    this.builder.addTimeField(fieldName);
  }
  writeDate(fieldName: string): void {
    this.builder.addDateField(fieldName);
  }
  writeTimestamp(fieldName: string): void {
    this.builder.addTimestampField(fieldName);
  }
  writeTimestampWithTimezone(fieldName: string): void {
    this.builder.addTimestampWithTimezoneField(fieldName);
  }
  writeByteArray(fieldName: string): void {
    this.builder.addByteArrayField(fieldName);
  }
  writeBooleanArray(fieldName: string): void {
    this.builder.addBooleanArrayField(fieldName);
  }
  writeCharArray(fieldName: string): void {
    this.builder.addCharArrayField(fieldName);
  }
  writeIntArray(fieldName: string): void {
    this.builder.addIntArrayField(fieldName);
  }
  writeLongArray(fieldName: string): void {
    this.builder.addLongArrayField(fieldName);
  }
  writeDoubleArray(fieldName: string): void {
    this.builder.addDoubleArrayField(fieldName);
  }
  writeFloatArray(fieldName: string): void {
    this.builder.addFloatArrayField(fieldName);
  }
  writeShortArray(fieldName: string): void {
    this.builder.addShortArrayField(fieldName);
  }
  writeUTFArray(fieldName: string): void {
    this.builder.addStringArrayField(fieldName);
  }
  writeStringArray(fieldName: string): void {
    this.builder.addStringArrayField(fieldName);
  }
  writeDecimalArray(fieldName: string): void {
    this.builder.addDecimalArrayField(fieldName);
  }
  writeTimeArray(fieldName: string): void {
    this.builder.addTimeArrayField(fieldName);
  }
  writeDateArray(fieldName: string): void {
    this.builder.addDateArrayField(fieldName);
  }
  writeTimestampArray(fieldName: string): void {
    this.builder.addTimestampArrayField(fieldName);
  }
  writeTimestampWithTimezoneArray(fieldName: string): void {
    this.builder.addTimestampWithTimezoneArrayField(fieldName);
  }

  writePortable(fieldName: string, portable: PortableValue | null): void {
    if (portable == null) {
      throw new HazelcastSerializationError(
        `Cannot write the null Portable field "${fieldName}" without a registered class definition: register the class definition of ` +
          `factoryId=${this.builder.factoryId} classId=${this.builder.classId} version=${this.builder.version} in serialization.classDefinitions, or use writeNullPortable with a registered nested class`,
        { typeId: -1 },
      );
    }
    this.builder.addPortableField(fieldName, this.nestedDefinition(portable));
  }

  writeNullPortable(fieldName: string, factoryId: number, classId: number): void {
    const nested = this.context.lookup(factoryId, classId, this.context.portableVersion);
    if (nested === undefined) {
      throw new HazelcastSerializationError(
        `Cannot write the null Portable field "${fieldName}": no class definition is registered for factoryId=${factoryId} classId=${classId} version=${this.context.portableVersion} (serialization.classDefinitions)`,
        { typeId: -1 },
      );
    }
    this.builder.addPortableField(fieldName, nested);
  }

  writePortableArray(fieldName: string, values: readonly PortableValue[] | null): void {
    if (values == null || values.length === 0) {
      throw new HazelcastSerializationError(
        `Cannot write the ${values == null ? 'null' : 'empty'} Portable array "${fieldName}" without a registered class definition of factoryId=${this.builder.factoryId} classId=${this.builder.classId} (serialization.classDefinitions)`,
        { typeId: -1 },
      );
    }
    const first = idsOf(values[0]);
    for (const item of values) {
      const ids = item == null ? undefined : idsOf(item);
      if (ids === undefined || ids.factoryId !== first.factoryId || ids.classId !== first.classId) {
        throw new HazelcastSerializationError(`The Portable array "${fieldName}" must hold Portables of one class`, { typeId: -1 });
      }
    }
    this.builder.addPortableArrayField(fieldName, this.nestedDefinition(values[0]));
  }

  getRawDataOutput(): ObjectDataOutput {
    // Raw data is not part of the class definition: an output that drops nested objects.
    return new ByteArrayObjectDataOutput(true, { writeObject: () => undefined }, 16);
  }

  build(): ClassDefinition {
    return this.builder.build();
  }

  private nestedDefinition(value: PortableValue): ClassDefinition {
    if (value instanceof PortableGenericRecord) return this.context.register(value.classDefinition);
    if (!isPortable(value)) throw new HazelcastSerializationError('A Portable field needs a Portable value', { typeId: -1 });
    return this.context.lookupOrRegister(value);
  }
}
