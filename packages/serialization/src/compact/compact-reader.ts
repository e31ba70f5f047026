import {
  HazelcastSerializationError,
  type BigDecimal,
  type LocalDate,
  type LocalDateTime,
  type LocalTime,
  type Long,
  type ObjectDataInput,
  type OffsetDateTime,
} from '@hz/core';
import { FieldKind, fieldKindName } from '../field-kind';
import { readDate, readDecimal, readTime, readTimestamp, readTimestampWithTimezone } from '../values';
import type { CompactReader } from './compact';
import { BYTE_OFFSET_LIMIT, SHORT_OFFSET_LIMIT } from './compact-writer';
import type { FieldDescriptor, Schema } from './schema';

/** Reads nested Compact values (schema id and body): the serializer. */
export interface NestedCompactReader {
  /** @param asRecord read a GenericRecord even when a serializer knows the type */
  readNested(input: ObjectDataInput, asRecord: boolean): unknown;
}

type ItemReader<T> = (input: ObjectDataInput) => T;
type OffsetReader = (input: ObjectDataInput, tableAt: number, index: number) => number;

const byteOffset: OffsetReader = (input, tableAt, index) => {
  const offset = input.readUnsignedByte(tableAt + index);
  return offset === 0xff ? -1 : offset;
};
const shortOffset: OffsetReader = (input, tableAt, index) => {
  const offset = input.readUnsignedShort(tableAt + index * 2);
  return offset === 0xffff ? -1 : offset;
};
const intOffset: OffsetReader = (input, tableAt, index) => input.readInt(tableAt + index * 4);

function offsetReaderFor(dataLength: number): OffsetReader {
  return dataLength < BYTE_OFFSET_LIMIT ? byteOffset : dataLength < SHORT_OFFSET_LIMIT ? shortOffset : intOffset;
}

function offsetWidth(dataLength: number): number {
  return dataLength < BYTE_OFFSET_LIMIT ? 1 : dataLength < SHORT_OFFSET_LIMIT ? 2 : 4;
}

const readBooleanItem: ItemReader<boolean> = (input) => input.readBoolean();
const readByteItem: ItemReader<number> = (input) => input.readByte();
const readShortItem: ItemReader<number> = (input) => input.readShort();
const readIntItem: ItemReader<number> = (input) => input.readInt();
const readLongItem: ItemReader<Long> = (input) => input.readLong();
const readFloatItem: ItemReader<number> = (input) => input.readFloat();
const readDoubleItem: ItemReader<number> = (input) => input.readDouble();
const readStringItem: ItemReader<string | null> = (input) => input.readString();

function readBooleanBits(input: ObjectDataInput): boolean[] {
  const count = input.readInt();
  if (count < 0 || (count + 7) >> 3 > input.available()) throw new HazelcastSerializationError(`Malformed Compact boolean array: ${count} items`, { typeId: -55 });
  const values = new Array<boolean>(count);
  let byte = 0;
  for (let i = 0; i < count; i++) {
    if ((i & 7) === 0) byte = input.readUnsignedByte();
    values[i] = (byte & (1 << (i & 7))) !== 0;
  }
  return values;
}

/**
 * Reads one Compact body by field name (Java `DefaultCompactReader`): fixed-size fields at
 * their offset, variable-size ones through the offset table. Creating the reader moves the
 * stream past the body, so that a value after it can be read.
 */
export class DefaultCompactReader implements CompactReader {
  private readonly dataStart: number;
  private readonly offsetsAt: number;
  private readonly offsetReader: OffsetReader;

  constructor(
    private readonly nested: NestedCompactReader,
    private readonly input: ObjectDataInput,
    readonly schema: Schema,
    private readonly asRecord: boolean,
  ) {
    let end: number;
    if (schema.numberVarSizeFields !== 0) {
      const dataLength = input.readInt();
      if (dataLength < schema.fixedSizeFieldsLength || dataLength > input.available()) {
        throw new HazelcastSerializationError(`Malformed Compact ${schema.typeName}: data length ${dataLength}`, { typeId: -55 });
      }
      this.dataStart = input.position();
      this.offsetsAt = this.dataStart + dataLength;
      this.offsetReader = offsetReaderFor(dataLength);
      end = this.offsetsAt + schema.numberVarSizeFields * offsetWidth(dataLength);
    } else {
      this.dataStart = input.position();
      this.offsetsAt = 0;
      this.offsetReader = intOffset;
      end = this.dataStart + schema.fixedSizeFieldsLength;
    }
    input.position(end);
  }

  getFieldKind(fieldName: string): FieldKind {
    return this.schema.getField(fieldName)?.kind ?? FieldKind.NOT_AVAILABLE;
  }

  readBoolean(fieldName: string): boolean {
    const fd = this.field(fieldName, FieldKind.BOOLEAN, FieldKind.NULLABLE_BOOLEAN);
    if (fd.kind === FieldKind.BOOLEAN) return (this.input.readUnsignedByte(this.dataStart + fd.offset) & (1 << fd.bitOffset)) !== 0;
    return this.nonNull(fd, readBooleanItem);
  }

  readInt8(fieldName: string): number {
    const fd = this.field(fieldName, FieldKind.INT8, FieldKind.NULLABLE_INT8);
    return fd.kind === FieldKind.INT8 ? this.input.readByte(this.dataStart + fd.offset) : this.nonNull(fd, readByteItem);
  }

  readInt16(fieldName: string): number {
    const fd = this.field(fieldName, FieldKind.INT16, FieldKind.NULLABLE_INT16);
    return fd.kind === FieldKind.INT16 ? this.input.readShort(this.dataStart + fd.offset) : this.nonNull(fd, readShortItem);
  }

  readInt32(fieldName: string): number {
    const fd = this.field(fieldName, FieldKind.INT32, FieldKind.NULLABLE_INT32);
    return fd.kind === FieldKind.INT32 ? this.input.readInt(this.dataStart + fd.offset) : this.nonNull(fd, readIntItem);
  }

  readInt64(fieldName: string): Long {
    const fd = this.field(fieldName, FieldKind.INT64, FieldKind.NULLABLE_INT64);
    return fd.kind === FieldKind.INT64 ? this.input.readLong(this.dataStart + fd.offset) : this.nonNull(fd, readLongItem);
  }

  readFloat32(fieldName: string): number {
    const fd = this.field(fieldName, FieldKind.FLOAT32, FieldKind.NULLABLE_FLOAT32);
    return fd.kind === FieldKind.FLOAT32 ? this.input.readFloat(this.dataStart + fd.offset) : this.nonNull(fd, readFloatItem);
  }

  readFloat64(fieldName: string): number {
    const fd = this.field(fieldName, FieldKind.FLOAT64, FieldKind.NULLABLE_FLOAT64);
    return fd.kind === FieldKind.FLOAT64 ? this.input.readDouble(this.dataStart + fd.offset) : this.nonNull(fd, readDoubleItem);
  }

  readString(fieldName: string): string | null {
    return this.variable(this.field(fieldName, FieldKind.STRING), readStringItem);
  }

  readDecimal(fieldName: string): BigDecimal | null {
    return this.variable(this.field(fieldName, FieldKind.DECIMAL), readDecimal);
  }

  readTime(fieldName: string): LocalTime | null {
    return this.variable(this.field(fieldName, FieldKind.TIME), readTime);
  }

  readDate(fieldName: string): LocalDate | null {
    return this.variable(this.field(fieldName, FieldKind.DATE), readDate);
  }

  readTimestamp(fieldName: string): LocalDateTime | null {
    return this.variable(this.field(fieldName, FieldKind.TIMESTAMP), readTimestamp);
  }

  readTimestampWithTimezone(fieldName: string): OffsetDateTime | null {
    return this.variable(this.field(fieldName, FieldKind.TIMESTAMP_WITH_TIMEZONE), readTimestampWithTimezone);
  }

  readCompact<T>(fieldName: string): T | null {
    return this.variable(this.field(fieldName, FieldKind.COMPACT), (input) => this.nested.readNested(input, this.asRecord) as T);
  }

  readArrayOfBoolean(fieldName: string): boolean[] | null {
    const fd = this.field(fieldName, FieldKind.ARRAY_OF_BOOLEAN, FieldKind.ARRAY_OF_NULLABLE_BOOLEAN);
    return fd.kind === FieldKind.ARRAY_OF_BOOLEAN ? this.variable(fd, readBooleanBits) : this.nonNullItems(fd, readBooleanItem);
  }

  readArrayOfInt8(fieldName: string): Buffer | null {
    const fd = this.field(fieldName, FieldKind.ARRAY_OF_INT8, FieldKind.ARRAY_OF_NULLABLE_INT8);
    if (fd.kind === FieldKind.ARRAY_OF_INT8) return this.variable(fd, (input) => input.readByteArray());
    const items = this.nonNullItems(fd, readByteItem);
    return items === null ? null : Buffer.from(Int8Array.from(items).buffer);
  }

  readArrayOfInt16(fieldName: string): number[] | null {
    const fd = this.field(fieldName, FieldKind.ARRAY_OF_INT16, FieldKind.ARRAY_OF_NULLABLE_INT16);
    return fd.kind === FieldKind.ARRAY_OF_INT16 ? this.variable(fd, (input) => input.readShortArray()) : this.nonNullItems(fd, readShortItem);
  }

  readArrayOfInt32(fieldName: string): number[] | null {
    const fd = this.field(fieldName, FieldKind.ARRAY_OF_INT32, FieldKind.ARRAY_OF_NULLABLE_INT32);
    return fd.kind === FieldKind.ARRAY_OF_INT32 ? this.variable(fd, (input) => input.readIntArray()) : this.nonNullItems(fd, readIntItem);
  }

  readArrayOfInt64(fieldName: string): Long[] | null {
    const fd = this.field(fieldName, FieldKind.ARRAY_OF_INT64, FieldKind.ARRAY_OF_NULLABLE_INT64);
    return fd.kind === FieldKind.ARRAY_OF_INT64 ? this.variable(fd, (input) => input.readLongArray()) : this.nonNullItems(fd, readLongItem);
  }

  readArrayOfFloat32(fieldName: string): number[] | null {
    const fd = this.field(fieldName, FieldKind.ARRAY_OF_FLOAT32, FieldKind.ARRAY_OF_NULLABLE_FLOAT32);
    return fd.kind === FieldKind.ARRAY_OF_FLOAT32 ? this.variable(fd, (input) => input.readFloatArray()) : this.nonNullItems(fd, readFloatItem);
  }

  readArrayOfFloat64(fieldName: string): number[] | null {
    const fd = this.field(fieldName, FieldKind.ARRAY_OF_FLOAT64, FieldKind.ARRAY_OF_NULLABLE_FLOAT64);
    return fd.kind === FieldKind.ARRAY_OF_FLOAT64 ? this.variable(fd, (input) => input.readDoubleArray()) : this.nonNullItems(fd, readDoubleItem);
  }

  readArrayOfString(fieldName: string): Array<string | null> | null {
    return this.arrayOfVariable(this.field(fieldName, FieldKind.ARRAY_OF_STRING), readStringItem);
  }

  readArrayOfDecimal(fieldName: string): Array<BigDecimal | null> | null {
    return this.arrayOfVariable(this.field(fieldName, FieldKind.ARRAY_OF_DECIMAL), readDecimal);
  }

  readArrayOfTime(fieldName: string): Array<LocalTime | null> | null {
    return this.arrayOfVariable(this.field(fieldName, FieldKind.ARRAY_OF_TIME), readTime);
  }

  readArrayOfDate(fieldName: string): Array<LocalDate | null> | null {
    return this.arrayOfVariable(this.field(fieldName, FieldKind.ARRAY_OF_DATE), readDate);
  }

  readArrayOfTimestamp(fieldName: string): Array<LocalDateTime | null> | null {
    return this.arrayOfVariable(this.field(fieldName, FieldKind.ARRAY_OF_TIMESTAMP), readTimestamp);
  }

  readArrayOfTimestampWithTimezone(fieldName: string): Array<OffsetDateTime | null> | null {
    return this.arrayOfVariable(this.field(fieldName, FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE), readTimestampWithTimezone);
  }

  readArrayOfCompact<T>(fieldName: string): Array<T | null> | null {
    return this.arrayOfVariable(this.field(fieldName, FieldKind.ARRAY_OF_COMPACT), (input) => this.nested.readNested(input, this.asRecord) as T);
  }

  readNullableBoolean(fieldName: string): boolean | null {
    const fd = this.field(fieldName, FieldKind.NULLABLE_BOOLEAN, FieldKind.BOOLEAN);
    return fd.kind === FieldKind.BOOLEAN ? this.readBoolean(fieldName) : this.variable(fd, readBooleanItem);
  }

  readNullableInt8(fieldName: string): number | null {
    const fd = this.field(fieldName, FieldKind.NULLABLE_INT8, FieldKind.INT8);
    return fd.kind === FieldKind.INT8 ? this.readInt8(fieldName) : this.variable(fd, readByteItem);
  }

  readNullableInt16(fieldName: string): number | null {
    const fd = this.field(fieldName, FieldKind.NULLABLE_INT16, FieldKind.INT16);
    return fd.kind === FieldKind.INT16 ? this.readInt16(fieldName) : this.variable(fd, readShortItem);
  }

  readNullableInt32(fieldName: string): number | null {
    const fd = this.field(fieldName, FieldKind.NULLABLE_INT32, FieldKind.INT32);
    return fd.kind === FieldKind.INT32 ? this.readInt32(fieldName) : this.variable(fd, readIntItem);
  }

  readNullableInt64(fieldName: string): Long | null {
    const fd = this.field(fieldName, FieldKind.NULLABLE_INT64, FieldKind.INT64);
    return fd.kind === FieldKind.INT64 ? this.readInt64(fieldName) : this.variable(fd, readLongItem);
  }

  readNullableFloat32(fieldName: string): number | null {
    const fd = this.field(fieldName, FieldKind.NULLABLE_FLOAT32, FieldKind.FLOAT32);
    return fd.kind === FieldKind.FLOAT32 ? this.readFloat32(fieldName) : this.variable(fd, readFloatItem);
  }

  readNullableFloat64(fieldName: string): number | null {
    const fd = this.field(fieldName, FieldKind.NULLABLE_FLOAT64, FieldKind.FLOAT64);
    return fd.kind === FieldKind.FLOAT64 ? this.readFloat64(fieldName) : this.variable(fd, readDoubleItem);
  }

  readArrayOfNullableBoolean(fieldName: string): Array<boolean | null> | null {
    const fd = this.field(fieldName, FieldKind.ARRAY_OF_NULLABLE_BOOLEAN, FieldKind.ARRAY_OF_BOOLEAN);
    return fd.kind === FieldKind.ARRAY_OF_BOOLEAN ? this.readArrayOfBoolean(fieldName) : this.arrayOfVariable(fd, readBooleanItem);
  }

  readArrayOfNullableInt8(fieldName: string): Array<number | null> | null {
    const fd = this.field(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT8, FieldKind.ARRAY_OF_INT8);
    if (fd.kind === FieldKind.ARRAY_OF_INT8) {
      const bytes = this.readArrayOfInt8(fieldName);
      return bytes === null ? null : Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    }
    return this.arrayOfVariable(fd, readByteItem);
  }

  readArrayOfNullableInt16(fieldName: string): Array<number | null> | null {
    const fd = this.field(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT16, FieldKind.ARRAY_OF_INT16);
    return fd.kind === FieldKind.ARRAY_OF_INT16 ? this.readArrayOfInt16(fieldName) : this.arrayOfVariable(fd, readShortItem);
  }

  readArrayOfNullableInt32(fieldName: string): Array<number | null> | null {
    const fd = this.field(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT32, FieldKind.ARRAY_OF_INT32);
    return fd.kind === FieldKind.ARRAY_OF_INT32 ? this.readArrayOfInt32(fieldName) : this.arrayOfVariable(fd, readIntItem);
  }

  readArrayOfNullableInt64(fieldName: string): Array<Long | null> | null {
    const fd = this.field(fieldName, FieldKind.ARRAY_OF_NULLABLE_INT64, FieldKind.ARRAY_OF_INT64);
    return fd.kind === FieldKind.ARRAY_OF_INT64 ? this.readArrayOfInt64(fieldName) : this.arrayOfVariable(fd, readLongItem);
  }

  readArrayOfNullableFloat32(fieldName: string): Array<number | null> | null {
    const fd = this.field(fieldName, FieldKind.ARRAY_OF_NULLABLE_FLOAT32, FieldKind.ARRAY_OF_FLOAT32);
    return fd.kind === FieldKind.ARRAY_OF_FLOAT32 ? this.readArrayOfFloat32(fieldName) : this.arrayOfVariable(fd, readFloatItem);
  }

  readArrayOfNullableFloat64(fieldName: string): Array<number | null> | null {
    const fd = this.field(fieldName, FieldKind.ARRAY_OF_NULLABLE_FLOAT64, FieldKind.ARRAY_OF_FLOAT64);
    return fd.kind === FieldKind.ARRAY_OF_FLOAT64 ? this.readArrayOfFloat64(fieldName) : this.arrayOfVariable(fd, readDoubleItem);
  }

  private field(fieldName: string, kind: FieldKind, other?: FieldKind): FieldDescriptor {
    const fd = this.schema.getField(fieldName);
    if (fd === undefined) {
      throw new HazelcastSerializationError(
        `Unknown field name "${fieldName}" for the Compact type ${this.schema.typeName} (schema id ${this.schema.idString()}): check getFieldKind() to read data of other versions`,
        { typeId: -55 },
      );
    }
    if (fd.kind !== kind && fd.kind !== other) {
      throw new HazelcastSerializationError(
        `Invalid field kind for "${fieldName}" of the Compact type ${this.schema.typeName}: it is ${fieldKindName(fd.kind)}, read as ${fieldKindName(kind)}`,
        { typeId: -55 },
      );
    }
    return fd;
  }

  /** A variable-size value, or null when its offset is -1. */
  private variable<T>(fd: FieldDescriptor, read: ItemReader<T>): T | null {
    const offset = this.offsetReader(this.input, this.offsetsAt, fd.index);
    if (offset === -1) return null;
    const input = this.input;
    const back = input.position();
    input.position(this.dataStart + offset);
    try {
      return read(input);
    } finally {
      input.position(back);
    }
  }

  private nonNull<T>(fd: FieldDescriptor, read: ItemReader<T>): T {
    const value = this.variable(fd, read);
    if (value === null) {
      throw new HazelcastSerializationError(
        `The field "${fd.fieldName}" of the Compact type ${this.schema.typeName} is null: read it with the method of its nullable kind (${fieldKindName(fd.kind)})`,
        { typeId: -55 },
      );
    }
    return value;
  }

  private arrayOfVariable<T>(fd: FieldDescriptor, read: ItemReader<T>): Array<T | null> | null {
    return this.variable(fd, (input) => readArrayOfVariableSize(input, read));
  }

  private nonNullItems<T>(fd: FieldDescriptor, read: ItemReader<T>): T[] | null {
    const items = this.arrayOfVariable(fd, read);
    if (items !== null && items.includes(null)) {
      throw new HazelcastSerializationError(
        `The field "${fd.fieldName}" of the Compact type ${this.schema.typeName} holds a null item: read it with the method of its kind (${fieldKindName(fd.kind)})`,
        { typeId: -55 },
      );
    }
    return items as T[] | null;
  }
}

/** Reads what writeArrayOfVariableSize wrote; leaves the input anywhere. */
export function readArrayOfVariableSize<T>(input: ObjectDataInput, read: ItemReader<T>): Array<T | null> {
  const dataLength = input.readInt();
  const count = input.readInt();
  if (count < 0 || dataLength < 0 || dataLength > input.available() || count > input.available()) {
    throw new HazelcastSerializationError(`Malformed Compact array: ${count} items in ${dataLength} bytes`, { typeId: -55 });
  }
  const start = input.position();
  const offsetsAt = start + dataLength;
  const offsetReader = offsetReaderFor(dataLength);
  const items = new Array<T | null>(count);
  for (let i = 0; i < count; i++) {
    const offset = offsetReader(input, offsetsAt, i);
    if (offset === -1) {
      items[i] = null;
    } else {
      input.position(start + offset);
      items[i] = read(input);
    }
  }
  return items;
}
