import {
  HazelcastSerializationError,
  Long,
  type BigDecimal,
  type LocalDate,
  type LocalDateTime,
  type LocalTime,
  type ObjectDataInput,
  type OffsetDateTime,
} from '@hz/core';
import { readDecimal, readPortableDate, readPortableTimestamp, readPortableTimestampWithTimezone, readTime } from '../values';
import type { ClassDefinition, FieldDefinition } from './class-definition';
import { FieldType, fieldTypeName, type Portable, type PortableReader } from './portable';

/** Reads the version and body of a nested Portable (the serializer). */
export interface NestedPortableReader {
  /** @param asRecord read it as a GenericRecord even when a factory knows the class */
  readBody(input: ObjectDataInput, factoryId: number, classId: number, asRecord: boolean): unknown;
}

/**
 * Reads one Portable body by field name (Java `DefaultPortableReader`): each read looks up the
 * field's position in the table and reads there; the stream ends after the body when
 * {@link end} is called.
 */
export class DefaultPortableReader implements PortableReader {
  private readonly finalPosition: number;
  private readonly offset: number;
  private raw = false;

  /**
   * @param asRecord nested Portables are read as GenericRecords (when this body is read as one)
   */
  constructor(
    protected readonly nested: NestedPortableReader,
    protected readonly input: ObjectDataInput,
    protected readonly cd: ClassDefinition,
    protected readonly asRecord = false,
  ) {
    this.finalPosition = input.readInt();
    const fieldCount = input.readInt();
    if (fieldCount !== cd.fields.length) {
      throw new HazelcastSerializationError(
        `Malformed Portable factoryId=${cd.factoryId} classId=${cd.classId}: ${fieldCount} fields in the data, ${cd.fields.length} in its class definition version ${cd.version}`,
        { typeId: -1 },
      );
    }
    this.offset = input.position();
  }

  getVersion(): number {
    return this.cd.version;
  }

  hasField(fieldName: string): boolean {
    return this.cd.hasField(fieldName);
  }

  getFieldNames(): string[] {
    return this.cd.getFieldNames();
  }

  getFieldType(fieldName: string): FieldType {
    return this.cd.getFieldType(fieldName);
  }

  readInt(fieldName: string): number {
    return this.input.readInt(this.position(fieldName, FieldType.INT));
  }

  readLong(fieldName: string): Long {
    return this.input.readLong(this.position(fieldName, FieldType.LONG));
  }

  readUTF(fieldName: string): string | null {
    return this.readString(fieldName);
  }

  readString(fieldName: string): string | null {
    return this.at(this.position(fieldName, FieldType.UTF), (input) => input.readString());
  }

  readBoolean(fieldName: string): boolean {
    return this.input.readBoolean(this.position(fieldName, FieldType.BOOLEAN));
  }

  readByte(fieldName: string): number {
    return this.input.readByte(this.position(fieldName, FieldType.BYTE));
  }

  readChar(fieldName: string): string {
    return this.input.readChar(this.position(fieldName, FieldType.CHAR));
  }

  readDouble(fieldName: string): number {
    return this.input.readDouble(this.position(fieldName, FieldType.DOUBLE));
  }

  readFloat(fieldName: string): number {
    return this.input.readFloat(this.position(fieldName, FieldType.FLOAT));
  }

  readShort(fieldName: string): number {
    return this.input.readShort(this.position(fieldName, FieldType.SHORT));
  }

  readPortable<T = Portable>(fieldName: string): T | null {
    const fd = this.definition(fieldName, FieldType.PORTABLE);
    return this.at(this.fieldPosition(fd), (input) => {
      const isNull = input.readBoolean();
      const factoryId = input.readInt();
      const classId = input.readInt();
      checkNestedClass(fd, factoryId, classId);
      return isNull ? null : (this.nested.readBody(input, factoryId, classId, this.asRecord) as T);
    });
  }

  readDecimal(fieldName: string): BigDecimal | null {
    return this.nullable(fieldName, FieldType.DECIMAL, readDecimal);
  }

  readTime(fieldName: string): LocalTime | null {
    return this.nullable(fieldName, FieldType.TIME, readTime);
  }

  readDate(fieldName: string): LocalDate | null {
    return this.nullable(fieldName, FieldType.DATE, readPortableDate);
  }

  readTimestamp(fieldName: string): LocalDateTime | null {
    return this.nullable(fieldName, FieldType.TIMESTAMP, readPortableTimestamp);
  }

  readTimestampWithTimezone(fieldName: string): OffsetDateTime | null {
    return this.nullable(fieldName, FieldType.TIMESTAMP_WITH_TIMEZONE, readPortableTimestampWithTimezone);
  }

  readByteArray(fieldName: string): Buffer | null {
    return this.at(this.position(fieldName, FieldType.BYTE_ARRAY), (input) => input.readByteArray());
  }

  readBooleanArray(fieldName: string): boolean[] | null {
    return this.at(this.position(fieldName, FieldType.BOOLEAN_ARRAY), (input) => input.readBooleanArray());
  }

  readCharArray(fieldName: string): string[] | null {
    return this.at(this.position(fieldName, FieldType.CHAR_ARRAY), (input) => input.readCharArray());
  }

  readIntArray(fieldName: string): number[] | null {
    return this.at(this.position(fieldName, FieldType.INT_ARRAY), (input) => input.readIntArray());
  }

  readLongArray(fieldName: string): Long[] | null {
    return this.at(this.position(fieldName, FieldType.LONG_ARRAY), (input) => input.readLongArray());
  }

  readDoubleArray(fieldName: string): number[] | null {
    return this.at(this.position(fieldName, FieldType.DOUBLE_ARRAY), (input) => input.readDoubleArray());
  }

  readFloatArray(fieldName: string): number[] | null {
    return this.at(this.position(fieldName, FieldType.FLOAT_ARRAY), (input) => input.readFloatArray());
  }

  readShortArray(fieldName: string): number[] | null {
    return this.at(this.position(fieldName, FieldType.SHORT_ARRAY), (input) => input.readShortArray());
  }

  readUTFArray(fieldName: string): Array<string | null> | null {
    return this.readStringArray(fieldName);
  }

  readStringArray(fieldName: string): Array<string | null> | null {
    return this.at(this.position(fieldName, FieldType.UTF_ARRAY), (input) => input.readStringArray());
  }

  readPortableArray<T = Portable>(fieldName: string): T[] | null {
    const fd = this.definition(fieldName, FieldType.PORTABLE_ARRAY);
    return this.at(this.fieldPosition(fd), (input) => {
      const count = input.readInt();
      const factoryId = input.readInt();
      const classId = input.readInt();
      if (count === -1) return null;
      checkNestedClass(fd, factoryId, classId);
      checkCount(count, input, fieldName);
      const table = input.position();
      const items = new Array<T>(count);
      for (let i = 0; i < count; i++) {
        input.position(input.readInt(table + i * 4));
        items[i] = this.nested.readBody(input, factoryId, classId, this.asRecord) as T;
      }
      return items;
    });
  }

  readDecimalArray(fieldName: string): BigDecimal[] | null {
    return this.objectArray(fieldName, FieldType.DECIMAL_ARRAY, readDecimal);
  }

  readTimeArray(fieldName: string): LocalTime[] | null {
    return this.objectArray(fieldName, FieldType.TIME_ARRAY, readTime);
  }

  readDateArray(fieldName: string): LocalDate[] | null {
    return this.objectArray(fieldName, FieldType.DATE_ARRAY, readPortableDate);
  }

  readTimestampArray(fieldName: string): LocalDateTime[] | null {
    return this.objectArray(fieldName, FieldType.TIMESTAMP_ARRAY, readPortableTimestamp);
  }

  readTimestampWithTimezoneArray(fieldName: string): OffsetDateTime[] | null {
    return this.objectArray(fieldName, FieldType.TIMESTAMP_WITH_TIMEZONE_ARRAY, readPortableTimestampWithTimezone);
  }

  getRawDataInput(): ObjectDataInput {
    if (!this.raw) {
      const position = this.input.readInt(this.offset + this.cd.fields.length * 4);
      if (position === 0) {
        throw new HazelcastSerializationError(`Portable factoryId=${this.cd.factoryId} classId=${this.cd.classId} has no raw data`, { typeId: -1 });
      }
      this.input.position(position);
      this.raw = true;
    }
    return this.input;
  }

  /** Moves the stream past the body. */
  end(): void {
    this.input.position(this.finalPosition);
  }

  /** The definition of a field of the type; throws when the class has no such field or it has another type. */
  protected definition(fieldName: string, type: FieldType): FieldDefinition {
    if (this.raw) throw new HazelcastSerializationError(`Cannot read the Portable field "${fieldName}" after getRawDataInput()`, { typeId: -1 });
    const fd = this.cd.getField(fieldName);
    if (fd === undefined) {
      throw new HazelcastSerializationError(
        `Unknown field name "${fieldName}" for Portable factoryId=${this.cd.factoryId} classId=${this.cd.classId} version=${this.cd.version}`,
        { typeId: -1 },
      );
    }
    if (fd.type !== type) {
      throw new HazelcastSerializationError(
        `Not a ${fieldTypeName(type)} field: "${fieldName}" of Portable factoryId=${this.cd.factoryId} classId=${this.cd.classId} is ${fieldTypeName(fd.type)}`,
        { typeId: -1 },
      );
    }
    return fd;
  }

  /** Where the value of a field starts: after its header. */
  protected fieldPosition(fd: FieldDefinition): number {
    const headerAt = this.input.readInt(this.offset + fd.index * 4);
    return headerAt + 2 + this.input.readShort(headerAt) + 1;
  }

  private position(fieldName: string, type: FieldType): number {
    return this.fieldPosition(this.definition(fieldName, type));
  }

  /** Reads at a position and puts the stream back where it was. */
  private at<T>(position: number, read: (input: ObjectDataInput) => T): T {
    const input = this.input;
    const back = input.position();
    input.position(position);
    try {
      return read(input);
    } finally {
      input.position(back);
    }
  }

  private nullable<T>(fieldName: string, type: FieldType, read: (input: ObjectDataInput) => T): T | null {
    return this.at(this.position(fieldName, type), (input) => (input.readBoolean() ? null : read(input)));
  }

  private objectArray<T>(fieldName: string, type: FieldType, read: (input: ObjectDataInput) => T): T[] | null {
    return this.at(this.position(fieldName, type), (input) => {
      const count = input.readInt();
      if (count === -1) return null;
      checkCount(count, input, fieldName);
      const table = input.position();
      const items = new Array<T>(count);
      for (let i = 0; i < count; i++) {
        input.position(input.readInt(table + i * 4));
        items[i] = read(input);
      }
      return items;
    });
  }
}

function checkNestedClass(fd: FieldDefinition, factoryId: number, classId: number): void {
  if (factoryId !== fd.factoryId || classId !== fd.classId) {
    throw new HazelcastSerializationError(
      `Malformed Portable field "${fd.name}": the data holds factoryId=${factoryId} classId=${classId}, its class definition factoryId=${fd.factoryId} classId=${fd.classId}`,
      { typeId: -1 },
    );
  }
}

function checkCount(count: number, input: ObjectDataInput, fieldName: string): void {
  if (count < 0 || count * 4 > input.available()) {
    throw new HazelcastSerializationError(`Malformed Portable array "${fieldName}": ${count} items`, { typeId: -1 });
  }
}

function incompatible(fd: FieldDefinition, type: FieldType): HazelcastSerializationError {
  return new HazelcastSerializationError(
    `Incompatible to read ${fieldTypeName(type)} from ${fieldTypeName(fd.type)} while reading the field "${fd.name}" (class definition version ${fd.version})`,
    { typeId: -1 },
  );
}

/**
 * Reads data written with another version of the class (Java `MorphingPortableReader`): a
 * field the data does not have reads as its type's default (0, false, null), and a number
 * field reads as a wider type (byte to short; byte, char, short to int; those and int to long
 * and float; everything numeric to double). Any other mismatch is an error.
 */
export class MorphingPortableReader extends DefaultPortableReader {
  override readInt(fieldName: string): number {
    const fd = this.cd.getField(fieldName);
    if (fd === undefined) return 0;
    switch (fd.type) {
      case FieldType.INT:
        return super.readInt(fieldName);
      case FieldType.BYTE:
        return super.readByte(fieldName);
      case FieldType.CHAR:
        return super.readChar(fieldName).charCodeAt(0);
      case FieldType.SHORT:
        return super.readShort(fieldName);
      default:
        throw incompatible(fd, FieldType.INT);
    }
  }

  override readLong(fieldName: string): Long {
    const fd = this.cd.getField(fieldName);
    if (fd === undefined) return Long.ZERO;
    switch (fd.type) {
      case FieldType.LONG:
        return super.readLong(fieldName);
      case FieldType.INT:
      case FieldType.BYTE:
      case FieldType.CHAR:
      case FieldType.SHORT:
        return Long.fromInt(this.readInt(fieldName));
      default:
        throw incompatible(fd, FieldType.LONG);
    }
  }

  override readFloat(fieldName: string): number {
    const fd = this.cd.getField(fieldName);
    if (fd === undefined) return 0;
    switch (fd.type) {
      case FieldType.FLOAT:
        return super.readFloat(fieldName);
      case FieldType.INT:
      case FieldType.BYTE:
      case FieldType.CHAR:
      case FieldType.SHORT:
        return Math.fround(this.readInt(fieldName));
      default:
        throw incompatible(fd, FieldType.FLOAT);
    }
  }

  override readDouble(fieldName: string): number {
    const fd = this.cd.getField(fieldName);
    if (fd === undefined) return 0;
    switch (fd.type) {
      case FieldType.DOUBLE:
        return super.readDouble(fieldName);
      case FieldType.LONG:
        return super.readLong(fieldName).toNumber();
      case FieldType.FLOAT:
        return super.readFloat(fieldName);
      case FieldType.INT:
      case FieldType.BYTE:
      case FieldType.CHAR:
      case FieldType.SHORT:
        return this.readInt(fieldName);
      default:
        throw incompatible(fd, FieldType.DOUBLE);
    }
  }

  override readShort(fieldName: string): number {
    const fd = this.cd.getField(fieldName);
    if (fd === undefined) return 0;
    switch (fd.type) {
      case FieldType.SHORT:
        return super.readShort(fieldName);
      case FieldType.BYTE:
        return super.readByte(fieldName);
      default:
        throw incompatible(fd, FieldType.SHORT);
    }
  }

  override readByte(fieldName: string): number {
    return this.same(fieldName, FieldType.BYTE, 0, () => super.readByte(fieldName));
  }

  override readBoolean(fieldName: string): boolean {
    return this.same(fieldName, FieldType.BOOLEAN, false, () => super.readBoolean(fieldName));
  }

  override readChar(fieldName: string): string {
    return this.same(fieldName, FieldType.CHAR, '\u0000', () => super.readChar(fieldName));
  }

  override readString(fieldName: string): string | null {
    return this.same(fieldName, FieldType.UTF, null, () => super.readString(fieldName));
  }

  override readPortable<T = Portable>(fieldName: string): T | null {
    return this.same(fieldName, FieldType.PORTABLE, null, () => super.readPortable<T>(fieldName));
  }

  override readDecimal(fieldName: string): BigDecimal | null {
    return this.same(fieldName, FieldType.DECIMAL, null, () => super.readDecimal(fieldName));
  }

  override readTime(fieldName: string): LocalTime | null {
    return this.same(fieldName, FieldType.TIME, null, () => super.readTime(fieldName));
  }

  override readDate(fieldName: string): LocalDate | null {
    return this.same(fieldName, FieldType.DATE, null, () => super.readDate(fieldName));
  }

  override readTimestamp(fieldName: string): LocalDateTime | null {
    return this.same(fieldName, FieldType.TIMESTAMP, null, () => super.readTimestamp(fieldName));
  }

  override readTimestampWithTimezone(fieldName: string): OffsetDateTime | null {
    return this.same(fieldName, FieldType.TIMESTAMP_WITH_TIMEZONE, null, () => super.readTimestampWithTimezone(fieldName));
  }

  override readByteArray(fieldName: string): Buffer | null {
    return this.same(fieldName, FieldType.BYTE_ARRAY, null, () => super.readByteArray(fieldName));
  }

  override readBooleanArray(fieldName: string): boolean[] | null {
    return this.same(fieldName, FieldType.BOOLEAN_ARRAY, null, () => super.readBooleanArray(fieldName));
  }

  override readCharArray(fieldName: string): string[] | null {
    return this.same(fieldName, FieldType.CHAR_ARRAY, null, () => super.readCharArray(fieldName));
  }

  override readIntArray(fieldName: string): number[] | null {
    return this.same(fieldName, FieldType.INT_ARRAY, null, () => super.readIntArray(fieldName));
  }

  override readLongArray(fieldName: string): Long[] | null {
    return this.same(fieldName, FieldType.LONG_ARRAY, null, () => super.readLongArray(fieldName));
  }

  override readDoubleArray(fieldName: string): number[] | null {
    return this.same(fieldName, FieldType.DOUBLE_ARRAY, null, () => super.readDoubleArray(fieldName));
  }

  override readFloatArray(fieldName: string): number[] | null {
    return this.same(fieldName, FieldType.FLOAT_ARRAY, null, () => super.readFloatArray(fieldName));
  }

  override readShortArray(fieldName: string): number[] | null {
    return this.same(fieldName, FieldType.SHORT_ARRAY, null, () => super.readShortArray(fieldName));
  }

  override readStringArray(fieldName: string): Array<string | null> | null {
    return this.same(fieldName, FieldType.UTF_ARRAY, null, () => super.readStringArray(fieldName));
  }

  override readPortableArray<T = Portable>(fieldName: string): T[] | null {
    return this.same(fieldName, FieldType.PORTABLE_ARRAY, null, () => super.readPortableArray<T>(fieldName));
  }

  override readDecimalArray(fieldName: string): BigDecimal[] | null {
    return this.same(fieldName, FieldType.DECIMAL_ARRAY, null, () => super.readDecimalArray(fieldName));
  }

  override readTimeArray(fieldName: string): LocalTime[] | null {
    return this.same(fieldName, FieldType.TIME_ARRAY, null, () => super.readTimeArray(fieldName));
  }

  override readDateArray(fieldName: string): LocalDate[] | null {
    return this.same(fieldName, FieldType.DATE_ARRAY, null, () => super.readDateArray(fieldName));
  }

  override readTimestampArray(fieldName: string): LocalDateTime[] | null {
    return this.same(fieldName, FieldType.TIMESTAMP_ARRAY, null, () => super.readTimestampArray(fieldName));
  }

  override readTimestampWithTimezoneArray(fieldName: string): OffsetDateTime[] | null {
    return this.same(fieldName, FieldType.TIMESTAMP_WITH_TIMEZONE_ARRAY, null, () => super.readTimestampWithTimezoneArray(fieldName));
  }

  private same<T>(fieldName: string, type: FieldType, missing: T, read: () => T): T {
    const fd = this.cd.getField(fieldName);
    if (fd === undefined) return missing;
    if (fd.type !== type) throw incompatible(fd, type);
    return read();
  }
}
