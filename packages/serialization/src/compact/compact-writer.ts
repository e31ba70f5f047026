import {
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
import { FieldKind, fieldKindName } from '../field-kind';
import { writeDate, writeDecimal, writeTime, writeTimestamp, writeTimestampWithTimezone } from '../values';
import type { CompactWriter } from './compact';
import { FieldDescriptor, Schema } from './schema';

/** Writes nested Compact values (schema id and body, no type id): the serializer. */
export interface NestedCompactWriter {
  writeNested(out: PositionalObjectDataOutput, value: unknown): void;
  /** What identifies the item type of a Compact array: a class, or a GenericRecord's schema. */
  itemTypeOf(value: unknown): unknown;
}

/** Offsets fit in a byte when the data section is shorter than this, in a short below the next. */
export const BYTE_OFFSET_LIMIT = 255;
export const SHORT_OFFSET_LIMIT = 65535;

type ItemWriter<T> = (out: ObjectDataOutput, value: T) => void;

const writeBooleanItem: ItemWriter<boolean> = (out, v) => out.writeBoolean(v);
const writeByteItem: ItemWriter<number> = (out, v) => out.writeByte(v);
const writeShortItem: ItemWriter<number> = (out, v) => out.writeShort(v);
const writeIntItem: ItemWriter<number> = (out, v) => out.writeInt(v);
const writeLongItem: ItemWriter<LongValue> = (out, v) => out.writeLong(v);
const writeFloatItem: ItemWriter<number> = (out, v) => out.writeFloat(v);
const writeDoubleItem: ItemWriter<number> = (out, v) => out.writeDouble(v);
const writeStringItem: ItemWriter<string> = (out, v) => out.writeString(v);
const writeByteArray: ItemWriter<Uint8Array | Int8Array> = (out, v) => out.writeByteArray(v);
const writeShortArray: ItemWriter<ArrayLike<number>> = (out, v) => out.writeShortArray(v);
const writeIntArray: ItemWriter<ArrayLike<number>> = (out, v) => out.writeIntArray(v);
const writeLongArray: ItemWriter<ReadonlyArray<LongValue> | BigInt64Array> = (out, v) => out.writeLongArray(v);
const writeFloatArray: ItemWriter<ArrayLike<number>> = (out, v) => out.writeFloatArray(v);
const writeDoubleArray: ItemWriter<ArrayLike<number>> = (out, v) => out.writeDoubleArray(v);

/** Writes a table of offsets in the width the data length allows; -1 is a null. */
export function writeOffsets(out: ObjectDataOutput, dataLength: number, offsets: ArrayLike<number>): void {
  if (dataLength < BYTE_OFFSET_LIMIT) {
    for (let i = 0; i < offsets.length; i++) out.writeByte(offsets[i]);
  } else if (dataLength < SHORT_OFFSET_LIMIT) {
    for (let i = 0; i < offsets.length; i++) out.writeShort(offsets[i]);
  } else {
    for (let i = 0; i < offsets.length; i++) out.writeInt(offsets[i]);
  }
}

/**
 * Writes one Compact body with a known schema (Java `DefaultCompactWriter`): with variable-size
 * fields, an int data length; the fixed-size section; the variable-size values; then the
 * offsets of the variable-size values from the start of the fixed section.
 */
export class DefaultCompactWriter implements CompactWriter {
  private readonly dataStart: number;
  private readonly offsets: Int32Array | undefined;
  private booleanBytes: Uint8Array | undefined;
  private written = 0;

  constructor(
    private readonly nested: NestedCompactWriter,
    private readonly out: PositionalObjectDataOutput,
    private readonly schema: Schema,
  ) {
    if (schema.numberVarSizeFields !== 0) {
      this.offsets = new Int32Array(schema.numberVarSizeFields);
      this.dataStart = out.position() + 4;
      out.writeZeroBytes(schema.fixedSizeFieldsLength + 4);
    } else {
      this.offsets = undefined;
      this.dataStart = out.position();
      out.writeZeroBytes(schema.fixedSizeFieldsLength);
    }
  }

  writeBoolean(fieldName: string, value: boolean): void {
    const fd = this.field(fieldName, FieldKind.BOOLEAN);
    // The booleans' bytes end the fixed-size section; their bits are collected here.
    const schema = this.schema;
    const bytes = (this.booleanBytes ??= new Uint8Array(schema.fixedSizeFieldsLength - schema.booleanStart));
    const at = fd.offset - schema.booleanStart;
    bytes[at] = value ? bytes[at] | (1 << fd.bitOffset) : bytes[at] & ~(1 << fd.bitOffset);
    this.out.pwriteByte(this.dataStart + fd.offset, bytes[at]);
  }

  writeInt8(fieldName: string, value: number): void {
    this.out.pwriteByte(this.fixed(fieldName, FieldKind.INT8), value);
  }

  writeInt16(fieldName: string, value: number): void {
    this.out.pwriteShort(this.fixed(fieldName, FieldKind.INT16), value);
  }

  writeInt32(fieldName: string, value: number): void {
    this.out.pwriteInt(this.fixed(fieldName, FieldKind.INT32), value);
  }

  writeInt64(fieldName: string, value: LongValue): void {
    this.out.pwriteLong(this.fixed(fieldName, FieldKind.INT64), value);
  }

  writeFloat32(fieldName: string, value: number): void {
    this.out.pwriteFloat(this.fixed(fieldName, FieldKind.FLOAT32), value);
  }

  writeFloat64(fieldName: string, value: number): void {
    this.out.pwriteDouble(this.fixed(fieldName, FieldKind.FLOAT64), value);
  }

  writeString(fieldName: string, value: string | null): void {
    this.variable(fieldName, FieldKind.STRING, value, writeStringItem);
  }

  writeDecimal(fieldName: string, value: BigDecimal | null): void {
    this.variable(fieldName, FieldKind.DECIMAL, value, writeDecimal);
  }

  writeTime(fieldName: string, value: LocalTime | null): void {
    this.variable(fieldName, FieldKind.TIME, value, writeTime);
  }

  writeDate(fieldName: string, value: LocalDate | null): void {
    this.variable(fieldName, FieldKind.DATE, value, writeDate);
  }

  writeTimestamp(fieldName: string, value: LocalDateTime | null): void {
    this.variable(fieldName, FieldKind.TIMESTAMP, value, writeTimestamp);
  }

  writeTimestampWithTimezone(fieldName: string, value: OffsetDateTime | null): void {
    this.variable(fieldName, FieldKind.TIMESTAMP_WITH_TIMEZONE, value, writeTimestampWithTimezone);
  }

  writeCompact<T>(fieldName: string, value: T | null): void {
    this.variable(fieldName, FieldKind.COMPACT, value, (out) => this.nested.writeNested(out as PositionalObjectDataOutput, value));
  }

  writeArrayOfBoolean(fieldName: string, value: readonly boolean[] | null): void {
    this.variable(fieldName, FieldKind.ARRAY_OF_BOOLEAN, value, writeBooleanBits);
  }

  writeArrayOfInt8(fieldName: string, value: Uint8Array | Int8Array | null): void {
    this.variable(fieldName, FieldKind.ARRAY_OF_INT8, value, writeByteArray);
  }

  writeArrayOfInt16(fieldName: string, value: ArrayLike<number> | null): void {
    this.variable(fieldName, FieldKind.ARRAY_OF_INT16, value, writeShortArray);
  }

  writeArrayOfInt32(fieldName: string, value: ArrayLike<number> | null): void {
    this.variable(fieldName, FieldKind.ARRAY_OF_INT32, value, writeIntArray);
  }

  writeArrayOfInt64(fieldName: string, value: ReadonlyArray<LongValue> | BigInt64Array | null): void {
    this.variable(fieldName, FieldKind.ARRAY_OF_INT64, value, writeLongArray);
  }

  writeArrayOfFloat32(fieldName: string, value: ArrayLike<number> | null): void {
    this.variable(fieldName, FieldKind.ARRAY_OF_FLOAT32, value, writeFloatArray);
  }

  writeArrayOfFloat64(fieldName: string, value: ArrayLike<number> | null): void {
    this.variable(fieldName, FieldKind.ARRAY_OF_FLOAT64, value, writeDoubleArray);
  }

  writeArrayOfString(fieldName: string, value: ReadonlyArray<string | null> | null): void {
    this.arrayOfVariable(fieldName, FieldKind.ARRAY_OF_STRING, value, writeStringItem);
  }

  writeArrayOfDecimal(fieldName: string, value: ReadonlyArray<BigDecimal | null> | null): void {
    this.arrayOfVariable(fieldName, FieldKind.ARRAY_OF_DECIMAL, value, writeDecimal);
  }

  writeArrayOfTime(fieldName: string, value: ReadonlyArray<LocalTime | null> | null): void {
    this.arrayOfVariable(fieldName, FieldKind.ARRAY_OF_TIME, value, writeTime);
  }

  writeArrayOfDate(fieldName: string, value: ReadonlyArray<LocalDate | null> | null): void {
    this.arrayOfVariable(fieldName, FieldKind.ARRAY_OF_DATE, value, writeDate);
  }

  writeArrayOfTimestamp(fieldName: string, value: ReadonlyArray<LocalDateTime | null> | null): void {
    this.arrayOfVariable(fieldName, FieldKind.ARRAY_OF_TIMESTAMP, value, writeTimestamp);
  }

  writeArrayOfTimestampWithTimezone(fieldName: string, value: ReadonlyArray<OffsetDateTime | null> | null): void {
    this.arrayOfVariable(fieldName, FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE, value, writeTimestampWithTimezone);
  }

  writeArrayOfCompact<T>(fieldName: string, value: ReadonlyArray<T | null> | null): void {
    let itemType: unknown;
    this.arrayOfVariable(fieldName, FieldKind.ARRAY_OF_COMPACT, value, (out, item) => {
      const type = this.nested.itemTypeOf(item);
      if (itemType === undefined) itemType = type;
      else if (type !== itemType) {
        throw new HazelcastSerializationError(
          `The Compact array "${fieldName}" of ${this.schema.typeName} holds items of different types: an array of Compact holds one class (or GenericRecords of one schema)`,
          { typeId: -55 },
        );
      }
      this.nested.writeNested(out as PositionalObjectDataOutput, item);
    });
  }

  writeNullableBoolean(fieldName: string, value: boolean | null): void {
    this.variable(fieldName, FieldKind.NULLABLE_BOOLEAN, value, writeBooleanItem);
  }

  writeNullableInt8(fieldName: string, value: number | null): void {
    this.variable(fieldName, FieldKind.NULLABLE_INT8, value, writeByteItem);
  }

  writeNullableInt16(fieldName: string, value: number | null): void {
    this.variable(fieldName, FieldKind.NULLABLE_INT16, value, writeShortItem);
  }

  writeNullableInt32(fieldName: string, value: number | null): void {
    this.variable(fieldName, FieldKind.NULLABLE_INT32, value, writeIntItem);
  }

  writeNullableInt64(fieldName: string, value: LongValue | null): void {
    this.variable(fieldName, FieldKind.NULLABLE_INT64, value, writeLongItem);
  }

  writeNullableFloat32(fieldName: string, value: number | null): void {
    this.variable(fieldName, FieldKind.NULLABLE_FLOAT32, value, writeFloatItem);
  }

  writeNullableFloat64(fieldName: string, value: number | null): void {
    this.variable(fieldName, FieldKind.NULLABLE_FLOAT64, value, writeDoubleItem);
  }

  writeArrayOfNullableBoolean(fieldName: string, value: ReadonlyArray<boolean | null> | null): void {
    this.arrayOfVariable(fieldName, FieldKind.ARRAY_OF_NULLABLE_BOOLEAN, value, writeBooleanItem);
  }

  writeArrayOfNullableInt8(fieldName: string, value: ReadonlyArray<number | null> | null): void {
    this.arrayOfVariable(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT8, value, writeByteItem);
  }

  writeArrayOfNullableInt16(fieldName: string, value: ReadonlyArray<number | null> | null): void {
    this.arrayOfVariable(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT16, value, writeShortItem);
  }

  writeArrayOfNullableInt32(fieldName: string, value: ReadonlyArray<number | null> | null): void {
    this.arrayOfVariable(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT32, value, writeIntItem);
  }

  writeArrayOfNullableInt64(fieldName: string, value: ReadonlyArray<LongValue | null> | null): void {
    this.arrayOfVariable(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT64, value, writeLongItem);
  }

  writeArrayOfNullableFloat32(fieldName: string, value: ReadonlyArray<number | null> | null): void {
    this.arrayOfVariable(fieldName, FieldKind.ARRAY_OF_NULLABLE_FLOAT32, value, writeFloatItem);
  }

  writeArrayOfNullableFloat64(fieldName: string, value: ReadonlyArray<number | null> | null): void {
    this.arrayOfVariable(fieldName, FieldKind.ARRAY_OF_NULLABLE_FLOAT64, value, writeDoubleItem);
  }

  /** Writes the offsets and the data length; every field of the schema must have been written. */
  end(): void {
    if (this.written !== this.schema.fields.length) {
      throw new HazelcastSerializationError(
        `The serializer of the Compact type ${this.schema.typeName} wrote ${this.written} field(s) where its schema has ${this.schema.fields.length}: it must write the same fields for every value`,
        { typeId: -55 },
      );
    }
    const offsets = this.offsets;
    if (offsets === undefined) return;
    const out = this.out;
    const dataLength = out.position() - this.dataStart;
    writeOffsets(out, dataLength, offsets);
    out.pwriteInt(this.dataStart - 4, dataLength);
  }

  private field(fieldName: string, kind: FieldKind): FieldDescriptor {
    const fd = this.schema.getField(fieldName);
    if (fd === undefined) {
      throw new HazelcastSerializationError(
        `Invalid field name "${fieldName}" for the Compact type ${this.schema.typeName}: its schema (from the first value written) has no such field; a serializer must write the same fields for every value`,
        { typeId: -55 },
      );
    }
    if (fd.kind !== kind) {
      throw new HazelcastSerializationError(
        `Invalid field kind for "${fieldName}" of the Compact type ${this.schema.typeName}: the schema says ${fieldKindName(fd.kind)}, it was written as ${fieldKindName(kind)}`,
        { typeId: -55 },
      );
    }
    this.written++;
    return fd;
  }

  private fixed(fieldName: string, kind: FieldKind): number {
    return this.dataStart + this.field(fieldName, kind).offset;
  }

  private variable<T>(fieldName: string, kind: FieldKind, value: T | null | undefined, write: ItemWriter<T>): void {
    const fd = this.field(fieldName, kind);
    if (value == null) {
      this.offsets![fd.index] = -1;
      return;
    }
    this.offsets![fd.index] = this.out.position() - this.dataStart;
    write(this.out, value);
  }

  private arrayOfVariable<T>(fieldName: string, kind: FieldKind, values: ReadonlyArray<T | null> | null | undefined, write: ItemWriter<T>): void {
    this.variable(fieldName, kind, values, (out, items) => writeArrayOfVariableSize(out as PositionalObjectDataOutput, items, write));
  }
}

/** An array whose items may be null or vary in size: int data length, int count, the items, their offsets. */
export function writeArrayOfVariableSize<T>(out: PositionalObjectDataOutput, items: ReadonlyArray<T | null>, write: ItemWriter<T>): void {
  const lengthAt = out.position();
  out.writeZeroBytes(4);
  const count = items.length;
  out.writeInt(count);
  const start = out.position();
  const offsets = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const item = items[i];
    if (item == null) {
      offsets[i] = -1;
    } else {
      offsets[i] = out.position() - start;
      write(out, item);
    }
  }
  const dataLength = out.position() - start;
  out.pwriteInt(lengthAt, dataLength);
  writeOffsets(out, dataLength, offsets);
}

/** booleans as bits: int count, then (count + 7) / 8 bytes, the first item in the lowest bit. */
export function writeBooleanBits(out: ObjectDataOutput, values: readonly boolean[]): void {
  out.writeInt(values.length);
  if (values.length === 0) return;
  const bytes = Buffer.alloc((values.length + 7) >> 3);
  for (let i = 0; i < values.length; i++) if (values[i]) bytes[i >> 3] |= 1 << (i & 7);
  out.write(bytes);
}

/**
 * Records the fields a serializer writes, to build the schema of its type (Java `SchemaWriter`).
 * Values are not looked at.
 */
export class SchemaWriter implements CompactWriter {
  private readonly fields: FieldDescriptor[] = [];
  private readonly names = new Set<string>();

  constructor(private readonly typeName: string) {}

  /** The schema of the fields written. */
  build(): Schema {
    return new Schema(this.typeName, this.fields);
  }

  addField(fieldName: string, kind: FieldKind): void {
    if (typeof fieldName !== 'string') throw new HazelcastSerializationError(`A field name of the Compact type ${this.typeName} is not a string`, { typeId: -55 });
    if (this.names.has(fieldName)) {
      throw new HazelcastSerializationError(`The field "${fieldName}" of the Compact type ${this.typeName} is written twice`, { typeId: -55 });
    }
    this.names.add(fieldName);
    this.fields.push(new FieldDescriptor(fieldName, kind));
  }

  writeBoolean(fieldName: string): void {
    this.addField(fieldName, FieldKind.BOOLEAN);
  }
  writeInt8(fieldName: string): void {
    this.addField(fieldName, FieldKind.INT8);
  }
  writeInt16(fieldName: string): void {
    this.addField(fieldName, FieldKind.INT16);
  }
  writeInt32(fieldName: string): void {
    this.addField(fieldName, FieldKind.INT32);
  }
  writeInt64(fieldName: string): void {
    this.addField(fieldName, FieldKind.INT64);
  }
  writeFloat32(fieldName: string): void {
    this.addField(fieldName, FieldKind.FLOAT32);
  }
  writeFloat64(fieldName: string): void {
    this.addField(fieldName, FieldKind.FLOAT64);
  }
  writeString(fieldName: string): void {
    this.addField(fieldName, FieldKind.STRING);
  }
  writeDecimal(fieldName: string): void {
    this.addField(fieldName, FieldKind.DECIMAL);
  }
  writeTime(fieldName: string): void {
    this.addField(fieldName, FieldKind.TIME);
  }
  writeDate(fieldName: string): void {
    this.addField(fieldName, FieldKind.DATE);
  }
  writeTimestamp(fieldName: string): void {
    this.addField(fieldName, FieldKind.TIMESTAMP);
  }
  writeTimestampWithTimezone(fieldName: string): void {
    this.addField(fieldName, FieldKind.TIMESTAMP_WITH_TIMEZONE);
  }
  writeCompact(fieldName: string): void {
    this.addField(fieldName, FieldKind.COMPACT);
  }
  writeArrayOfBoolean(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_BOOLEAN);
  }
  writeArrayOfInt8(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_INT8);
  }
  writeArrayOfInt16(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_INT16);
  }
  writeArrayOfInt32(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_INT32);
  }
  writeArrayOfInt64(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_INT64);
  }
  writeArrayOfFloat32(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_FLOAT32);
  }
  writeArrayOfFloat64(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_FLOAT64);
  }
  writeArrayOfString(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_STRING);
  }
  writeArrayOfDecimal(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_DECIMAL);
  }
  writeArrayOfTime(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_TIME);
  }
  writeArrayOfDate(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_DATE);
  }
  writeArrayOfTimestamp(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_TIMESTAMP);
  }
  writeArrayOfTimestampWithTimezone(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE);
  }
  writeArrayOfCompact(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_COMPACT);
  }
  writeNullableBoolean(fieldName: string): void {
    this.addField(fieldName, FieldKind.NULLABLE_BOOLEAN);
  }
  writeNullableInt8(fieldName: string): void {
    this.addField(fieldName, FieldKind.NULLABLE_INT8);
  }
  writeNullableInt16(fieldName: string): void {
    this.addField(fieldName, FieldKind.NULLABLE_INT16);
  }
  writeNullableInt32(fieldName: string): void {
    this.addField(fieldName, FieldKind.NULLABLE_INT32);
  }
  writeNullableInt64(fieldName: string): void {
    this.addField(fieldName, FieldKind.NULLABLE_INT64);
  }
  writeNullableFloat32(fieldName: string): void {
    this.addField(fieldName, FieldKind.NULLABLE_FLOAT32);
  }
  writeNullableFloat64(fieldName: string): void {
    this.addField(fieldName, FieldKind.NULLABLE_FLOAT64);
  }
  writeArrayOfNullableBoolean(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_NULLABLE_BOOLEAN);
  }
  writeArrayOfNullableInt8(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT8);
  }
  writeArrayOfNullableInt16(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT16);
  }
  writeArrayOfNullableInt32(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT32);
  }
  writeArrayOfNullableInt64(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT64);
  }
  writeArrayOfNullableFloat32(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_NULLABLE_FLOAT32);
  }
  writeArrayOfNullableFloat64(fieldName: string): void {
    this.addField(fieldName, FieldKind.ARRAY_OF_NULLABLE_FLOAT64);
  }
}
