import type { BigDecimal, LocalDate, LocalDateTime, LocalTime, Long, LongValue, OffsetDateTime } from '@hz/core';
import type { FieldKind } from '../field-kind';

/**
 * Writes the fields of a Compact value by name (Java and the official client's `CompactWriter`).
 * The fields written, their names and kinds, make the type's schema; a serializer writes the
 * same fields for every value of its class.
 */
export interface CompactWriter {
  writeBoolean(fieldName: string, value: boolean): void;
  writeInt8(fieldName: string, value: number): void;
  writeInt16(fieldName: string, value: number): void;
  writeInt32(fieldName: string, value: number): void;
  /** A Long, a bigint or a safe integer. */
  writeInt64(fieldName: string, value: LongValue): void;
  writeFloat32(fieldName: string, value: number): void;
  writeFloat64(fieldName: string, value: number): void;
  writeString(fieldName: string, value: string | null): void;
  writeDecimal(fieldName: string, value: BigDecimal | null): void;
  writeTime(fieldName: string, value: LocalTime | null): void;
  writeDate(fieldName: string, value: LocalDate | null): void;
  writeTimestamp(fieldName: string, value: LocalDateTime | null): void;
  writeTimestampWithTimezone(fieldName: string, value: OffsetDateTime | null): void;
  /** A nested Compact value (of a class with a serializer, or a Compact GenericRecord). */
  writeCompact<T>(fieldName: string, value: T | null): void;
  writeArrayOfBoolean(fieldName: string, value: readonly boolean[] | null): void;
  writeArrayOfInt8(fieldName: string, value: Uint8Array | Int8Array | null): void;
  writeArrayOfInt16(fieldName: string, value: ArrayLike<number> | null): void;
  writeArrayOfInt32(fieldName: string, value: ArrayLike<number> | null): void;
  writeArrayOfInt64(fieldName: string, value: ReadonlyArray<LongValue> | BigInt64Array | null): void;
  writeArrayOfFloat32(fieldName: string, value: ArrayLike<number> | null): void;
  writeArrayOfFloat64(fieldName: string, value: ArrayLike<number> | null): void;
  writeArrayOfString(fieldName: string, value: ReadonlyArray<string | null> | null): void;
  writeArrayOfDecimal(fieldName: string, value: ReadonlyArray<BigDecimal | null> | null): void;
  writeArrayOfTime(fieldName: string, value: ReadonlyArray<LocalTime | null> | null): void;
  writeArrayOfDate(fieldName: string, value: ReadonlyArray<LocalDate | null> | null): void;
  writeArrayOfTimestamp(fieldName: string, value: ReadonlyArray<LocalDateTime | null> | null): void;
  writeArrayOfTimestampWithTimezone(fieldName: string, value: ReadonlyArray<OffsetDateTime | null> | null): void;
  /** Compact values of one class (or GenericRecords of one schema). */
  writeArrayOfCompact<T>(fieldName: string, value: ReadonlyArray<T | null> | null): void;
  writeNullableBoolean(fieldName: string, value: boolean | null): void;
  writeNullableInt8(fieldName: string, value: number | null): void;
  writeNullableInt16(fieldName: string, value: number | null): void;
  writeNullableInt32(fieldName: string, value: number | null): void;
  writeNullableInt64(fieldName: string, value: LongValue | null): void;
  writeNullableFloat32(fieldName: string, value: number | null): void;
  writeNullableFloat64(fieldName: string, value: number | null): void;
  writeArrayOfNullableBoolean(fieldName: string, value: ReadonlyArray<boolean | null> | null): void;
  writeArrayOfNullableInt8(fieldName: string, value: ReadonlyArray<number | null> | null): void;
  writeArrayOfNullableInt16(fieldName: string, value: ReadonlyArray<number | null> | null): void;
  writeArrayOfNullableInt32(fieldName: string, value: ReadonlyArray<number | null> | null): void;
  writeArrayOfNullableInt64(fieldName: string, value: ReadonlyArray<LongValue | null> | null): void;
  writeArrayOfNullableFloat32(fieldName: string, value: ReadonlyArray<number | null> | null): void;
  writeArrayOfNullableFloat64(fieldName: string, value: ReadonlyArray<number | null> | null): void;
}

/**
 * Reads the fields of a Compact value by name, in any order (Java and the official client's
 * `CompactReader`). A non-nullable method also reads the nullable kind of its type (and throws
 * when the value is null); a nullable method also reads the non-nullable kind. Reading a field
 * the data does not have throws: check {@link getFieldKind} (NOT_AVAILABLE) to read data
 * written by another version of the class.
 */
export interface CompactReader {
  /** The kind of the field in the data's schema; FieldKind.NOT_AVAILABLE when it has no such field. */
  getFieldKind(fieldName: string): FieldKind;
  readBoolean(fieldName: string): boolean;
  readInt8(fieldName: string): number;
  readInt16(fieldName: string): number;
  readInt32(fieldName: string): number;
  readInt64(fieldName: string): Long;
  readFloat32(fieldName: string): number;
  readFloat64(fieldName: string): number;
  readString(fieldName: string): string | null;
  readDecimal(fieldName: string): BigDecimal | null;
  readTime(fieldName: string): LocalTime | null;
  readDate(fieldName: string): LocalDate | null;
  readTimestamp(fieldName: string): LocalDateTime | null;
  readTimestampWithTimezone(fieldName: string): OffsetDateTime | null;
  /** A nested Compact value: an instance of its class when a serializer is registered for its type name, else a GenericRecord. */
  readCompact<T>(fieldName: string): T | null;
  readArrayOfBoolean(fieldName: string): boolean[] | null;
  readArrayOfInt8(fieldName: string): Buffer | null;
  readArrayOfInt16(fieldName: string): number[] | null;
  readArrayOfInt32(fieldName: string): number[] | null;
  readArrayOfInt64(fieldName: string): Long[] | null;
  readArrayOfFloat32(fieldName: string): number[] | null;
  readArrayOfFloat64(fieldName: string): number[] | null;
  readArrayOfString(fieldName: string): Array<string | null> | null;
  readArrayOfDecimal(fieldName: string): Array<BigDecimal | null> | null;
  readArrayOfTime(fieldName: string): Array<LocalTime | null> | null;
  readArrayOfDate(fieldName: string): Array<LocalDate | null> | null;
  readArrayOfTimestamp(fieldName: string): Array<LocalDateTime | null> | null;
  readArrayOfTimestampWithTimezone(fieldName: string): Array<OffsetDateTime | null> | null;
  readArrayOfCompact<T>(fieldName: string): Array<T | null> | null;
  readNullableBoolean(fieldName: string): boolean | null;
  readNullableInt8(fieldName: string): number | null;
  readNullableInt16(fieldName: string): number | null;
  readNullableInt32(fieldName: string): number | null;
  readNullableInt64(fieldName: string): Long | null;
  readNullableFloat32(fieldName: string): number | null;
  readNullableFloat64(fieldName: string): number | null;
  readArrayOfNullableBoolean(fieldName: string): Array<boolean | null> | null;
  readArrayOfNullableInt8(fieldName: string): Array<number | null> | null;
  readArrayOfNullableInt16(fieldName: string): Array<number | null> | null;
  readArrayOfNullableInt32(fieldName: string): Array<number | null> | null;
  readArrayOfNullableInt64(fieldName: string): Array<Long | null> | null;
  readArrayOfNullableFloat32(fieldName: string): Array<number | null> | null;
  readArrayOfNullableFloat64(fieldName: string): Array<number | null> | null;
}

/** A class: what a Compact serializer writes the instances of (matched by their exact constructor). */
export type CompactClass<C> = abstract new (...args: never[]) => C;

interface CompactSerializerMethods<C> {
  /** Creates a value from the fields; called with the data's schema (which may be another version's). */
  read(reader: CompactReader): C;
  /** Writes the fields of a value; the same fields for every value. */
  write(writer: CompactWriter, value: C): void;
}

/**
 * Reads and writes the values of one class as one Compact type. Either the properties
 * `typeName` and `class` (this client's short form), or the official client's methods
 * `getTypeName()` and `getClass()`. The type name is what other clients and the cluster know
 * the type by; a JavaScript class cannot be discovered, so every Compact class needs one
 * (no zero-config Compact).
 */
export type CompactSerializer<C> = CompactSerializerMethods<C> &
  (
    | { readonly typeName: string; readonly class: CompactClass<C> }
    | {
        getTypeName(): string;
        // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the official client's signature
        getClass(): Function;
      }
  );

/** `serialization.compact` (the official client's shape). */
export interface CompactSerializationConfig {
  /** One serializer per class; type names and classes must be unique. */
  serializers?: ReadonlyArray<CompactSerializer<unknown>>;
}
