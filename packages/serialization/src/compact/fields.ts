// The field kinds of GenericRecords.compact(), typed by the value each field takes (the
// official client's `Fields`): `{ age: Fields.INT32, name: Fields.STRING }`.
import type { BigDecimal, LocalDate, LocalDateTime, LocalTime, Long, LongValue, OffsetDateTime } from '@hz/core';
import { FieldKind } from '../field-kind';
import type { GenericRecord } from '../generic-record';

/** A field of a GenericRecord to build: its kind; `T` is the value it takes. */
export interface Field<T> {
  readonly kind: FieldKind;
  /** @internal Carries `T` (never set). */
  readonly __value?: T;
}

const field = <T>(kind: FieldKind): Field<T> => ({ kind });

export const BOOLEAN: Field<boolean> = /* @__PURE__ */ field(FieldKind.BOOLEAN);
export const ARRAY_OF_BOOLEAN: Field<boolean[] | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_BOOLEAN);
export const INT8: Field<number> = /* @__PURE__ */ field(FieldKind.INT8);
export const ARRAY_OF_INT8: Field<Buffer | Int8Array | number[] | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_INT8);
export const INT16: Field<number> = /* @__PURE__ */ field(FieldKind.INT16);
export const ARRAY_OF_INT16: Field<number[] | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_INT16);
export const INT32: Field<number> = /* @__PURE__ */ field(FieldKind.INT32);
export const ARRAY_OF_INT32: Field<number[] | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_INT32);
export const INT64: Field<Long | LongValue> = /* @__PURE__ */ field(FieldKind.INT64);
export const ARRAY_OF_INT64: Field<Array<Long | LongValue> | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_INT64);
export const FLOAT32: Field<number> = /* @__PURE__ */ field(FieldKind.FLOAT32);
export const ARRAY_OF_FLOAT32: Field<number[] | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_FLOAT32);
export const FLOAT64: Field<number> = /* @__PURE__ */ field(FieldKind.FLOAT64);
export const ARRAY_OF_FLOAT64: Field<number[] | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_FLOAT64);
export const STRING: Field<string | null> = /* @__PURE__ */ field(FieldKind.STRING);
export const ARRAY_OF_STRING: Field<Array<string | null> | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_STRING);
export const DECIMAL: Field<BigDecimal | null> = /* @__PURE__ */ field(FieldKind.DECIMAL);
export const ARRAY_OF_DECIMAL: Field<Array<BigDecimal | null> | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_DECIMAL);
export const TIME: Field<LocalTime | null> = /* @__PURE__ */ field(FieldKind.TIME);
export const ARRAY_OF_TIME: Field<Array<LocalTime | null> | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_TIME);
export const DATE: Field<LocalDate | null> = /* @__PURE__ */ field(FieldKind.DATE);
export const ARRAY_OF_DATE: Field<Array<LocalDate | null> | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_DATE);
export const TIMESTAMP: Field<LocalDateTime | null> = /* @__PURE__ */ field(FieldKind.TIMESTAMP);
export const ARRAY_OF_TIMESTAMP: Field<Array<LocalDateTime | null> | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_TIMESTAMP);
export const TIMESTAMP_WITH_TIMEZONE: Field<OffsetDateTime | null> = /* @__PURE__ */ field(FieldKind.TIMESTAMP_WITH_TIMEZONE);
export const ARRAY_OF_TIMESTAMP_WITH_TIMEZONE: Field<Array<OffsetDateTime | null> | null> = /* @__PURE__ */ field(
  FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE,
);
export const NULLABLE_BOOLEAN: Field<boolean | null> = /* @__PURE__ */ field(FieldKind.NULLABLE_BOOLEAN);
export const ARRAY_OF_NULLABLE_BOOLEAN: Field<Array<boolean | null> | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_NULLABLE_BOOLEAN);
export const NULLABLE_INT8: Field<number | null> = /* @__PURE__ */ field(FieldKind.NULLABLE_INT8);
export const ARRAY_OF_NULLABLE_INT8: Field<Array<number | null> | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_NULLABLE_INT8);
export const NULLABLE_INT16: Field<number | null> = /* @__PURE__ */ field(FieldKind.NULLABLE_INT16);
export const ARRAY_OF_NULLABLE_INT16: Field<Array<number | null> | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_NULLABLE_INT16);
export const NULLABLE_INT32: Field<number | null> = /* @__PURE__ */ field(FieldKind.NULLABLE_INT32);
export const ARRAY_OF_NULLABLE_INT32: Field<Array<number | null> | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_NULLABLE_INT32);
export const NULLABLE_INT64: Field<Long | LongValue | null> = /* @__PURE__ */ field(FieldKind.NULLABLE_INT64);
export const ARRAY_OF_NULLABLE_INT64: Field<Array<Long | LongValue | null> | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_NULLABLE_INT64);
export const NULLABLE_FLOAT32: Field<number | null> = /* @__PURE__ */ field(FieldKind.NULLABLE_FLOAT32);
export const ARRAY_OF_NULLABLE_FLOAT32: Field<Array<number | null> | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_NULLABLE_FLOAT32);
export const NULLABLE_FLOAT64: Field<number | null> = /* @__PURE__ */ field(FieldKind.NULLABLE_FLOAT64);
export const ARRAY_OF_NULLABLE_FLOAT64: Field<Array<number | null> | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_NULLABLE_FLOAT64);
/** A nested Compact GenericRecord. */
export const GENERIC_RECORD: Field<GenericRecord | null> = /* @__PURE__ */ field(FieldKind.COMPACT);
/** Nested Compact GenericRecords of one schema. */
export const ARRAY_OF_GENERIC_RECORD: Field<Array<GenericRecord | null> | null> = /* @__PURE__ */ field(FieldKind.ARRAY_OF_COMPACT);
