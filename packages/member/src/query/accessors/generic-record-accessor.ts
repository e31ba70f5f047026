// Portable and Compact values as the member queries them (Java's GenericRecordQueryReader): the
// stored bytes are read as GenericRecords (Portable class definitions learned from the bytes,
// Compact schemas from the member's schema registry), fields are reached by name, a field the
// record does not have is null, and each field's kind gives its Java type: INT32 an Integer,
// INT64 a Long, FLOAT32 a Float, DECIMAL a BigDecimal, DATE a LocalDate, nullable kinds the
// same types or null. Nested records are walked with `a.b`, arrays with `[i]` and `[any]`.
import { BooleanArray, Long, StringArray } from '@hz/core';
import { CompactGenericRecord, FieldKind, PortableGenericRecord, type GenericRecord } from '@hz/serialization';
import type { ValueAccessor } from '../accessor';
import { jv, type JKind, type JValue } from '../java-values';
import { ArrayNode, writableItem } from './array-node';

type Get = (record: GenericRecord, name: string) => unknown;
type FieldReader = (record: GenericRecord, name: string) => unknown;

const K = FieldKind;

/** Whether a node is a Portable or Compact GenericRecord. */
export function isGenericRecord(node: unknown): node is GenericRecord {
  return node instanceof CompactGenericRecord || node instanceof PortableGenericRecord;
}

const longValue = (v: unknown): bigint => BigInt((v as Long).toString());
const signedByte = (b: number): number => (b << 24) >> 24;

function scalar<T>(kind: JKind, get: Get, convert: (v: unknown) => T = (v) => v as T): FieldReader {
  return (record, name) => {
    const value = get(record, name);
    return value === null || value === undefined ? null : jv(kind as never, convert(value) as never);
  };
}

/** An array field: typed items, and the raw array a projection returns. */
function array(
  kind: JKind | null,
  get: Get,
  raw: (items: readonly unknown[], values: ArrayLike<unknown>) => unknown = (items) => items.map(writableItem),
  convert: (v: unknown) => unknown = (v) => v,
): FieldReader {
  return (record, name) => {
    const values = get(record, name) as ArrayLike<unknown> | null;
    if (values === null || values === undefined) return null;
    const items = Array.from(values, (v): unknown => (v === null || v === undefined ? null : kind === null ? v : (jv(kind as never, convert(v) as never) as JValue)));
    return new ArrayNode(items, raw(items, values));
  };
}

const g =
  <M extends keyof GenericRecord>(method: M): Get =>
  (record, name) =>
    (record[method] as (n: string) => unknown).call(record, name);

/** How each field kind is read, with its Java type. */
const READERS: Partial<Record<FieldKind, FieldReader>> = {
  [K.BOOLEAN]: scalar('boolean', g('getBoolean')),
  [K.INT8]: scalar('byte', g('getInt8')),
  [K.CHAR]: scalar('char', g('getChar')),
  [K.INT16]: scalar('short', g('getInt16')),
  [K.INT32]: scalar('int', g('getInt32')),
  [K.INT64]: scalar('long', g('getInt64'), longValue),
  [K.FLOAT32]: scalar('float', g('getFloat32'), (v) => Math.fround(v as number)),
  [K.FLOAT64]: scalar('double', g('getFloat64')),
  [K.STRING]: scalar('string', g('getString')),
  [K.DECIMAL]: scalar('bigDecimal', g('getDecimal')),
  [K.TIME]: scalar('localTime', g('getTime')),
  [K.DATE]: scalar('localDate', g('getDate')),
  [K.TIMESTAMP]: scalar('localDateTime', g('getTimestamp')),
  [K.TIMESTAMP_WITH_TIMEZONE]: scalar('offsetDateTime', g('getTimestampWithTimezone')),
  [K.COMPACT]: g('getGenericRecord'),
  [K.PORTABLE]: g('getGenericRecord'),
  [K.NULLABLE_BOOLEAN]: scalar('boolean', g('getNullableBoolean')),
  [K.NULLABLE_INT8]: scalar('byte', g('getNullableInt8')),
  [K.NULLABLE_INT16]: scalar('short', g('getNullableInt16')),
  [K.NULLABLE_INT32]: scalar('int', g('getNullableInt32')),
  [K.NULLABLE_INT64]: scalar('long', g('getNullableInt64'), longValue),
  [K.NULLABLE_FLOAT32]: scalar('float', g('getNullableFloat32'), (v) => Math.fround(v as number)),
  [K.NULLABLE_FLOAT64]: scalar('double', g('getNullableFloat64')),

  [K.ARRAY_OF_BOOLEAN]: array('boolean', g('getArrayOfBoolean'), (_, v) => new BooleanArray(Array.from(v as ArrayLike<boolean>))),
  [K.ARRAY_OF_INT8]: array(
    'byte',
    (r, n) => {
      const bytes = r.getArrayOfInt8(n);
      return bytes === null ? null : Array.from(bytes, signedByte);
    },
    (_, v) => Int8Array.from(v as ArrayLike<number>),
  ),
  [K.ARRAY_OF_CHAR]: array('char', g('getArrayOfChar'), (_, v) => Uint16Array.from(Array.from(v as ArrayLike<string>, (c) => c.charCodeAt(0)))),
  [K.ARRAY_OF_INT16]: array('short', g('getArrayOfInt16'), (_, v) => Int16Array.from(v as ArrayLike<number>)),
  [K.ARRAY_OF_INT32]: array('int', g('getArrayOfInt32'), (_, v) => Int32Array.from(v as ArrayLike<number>)),
  [K.ARRAY_OF_INT64]: array('long', g('getArrayOfInt64'), (_, v) => BigInt64Array.from(Array.from(v, longValue)), longValue),
  [K.ARRAY_OF_FLOAT32]: array('float', g('getArrayOfFloat32'), (_, v) => Float32Array.from(v as ArrayLike<number>), (v) => Math.fround(v as number)),
  [K.ARRAY_OF_FLOAT64]: array('double', g('getArrayOfFloat64'), (_, v) => Float64Array.from(v as ArrayLike<number>)),
  [K.ARRAY_OF_STRING]: array('string', g('getArrayOfString'), (_, v) => new StringArray(Array.from(v as ArrayLike<string | null>))),
  [K.ARRAY_OF_DECIMAL]: array('bigDecimal', g('getArrayOfDecimal')),
  [K.ARRAY_OF_TIME]: array('localTime', g('getArrayOfTime')),
  [K.ARRAY_OF_DATE]: array('localDate', g('getArrayOfDate')),
  [K.ARRAY_OF_TIMESTAMP]: array('localDateTime', g('getArrayOfTimestamp')),
  [K.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE]: array('offsetDateTime', g('getArrayOfTimestampWithTimezone')),
  [K.ARRAY_OF_COMPACT]: array(null, g('getArrayOfGenericRecord')),
  [K.ARRAY_OF_PORTABLE]: array(null, g('getArrayOfGenericRecord')),
  [K.ARRAY_OF_NULLABLE_BOOLEAN]: array('boolean', g('getArrayOfNullableBoolean')),
  [K.ARRAY_OF_NULLABLE_INT8]: array('byte', g('getArrayOfNullableInt8')),
  [K.ARRAY_OF_NULLABLE_INT16]: array('short', g('getArrayOfNullableInt16')),
  [K.ARRAY_OF_NULLABLE_INT32]: array('int', g('getArrayOfNullableInt32')),
  [K.ARRAY_OF_NULLABLE_INT64]: array('long', g('getArrayOfNullableInt64'), undefined, longValue),
  [K.ARRAY_OF_NULLABLE_FLOAT32]: array('float', g('getArrayOfNullableFloat32'), undefined, (v) => Math.fround(v as number)),
  [K.ARRAY_OF_NULLABLE_FLOAT64]: array('double', g('getArrayOfNullableFloat64')),
};

/** A field of a record as a node: a typed value, a nested record, an ArrayNode, null; undefined when the record has no such field. */
export function recordField(record: GenericRecord, name: string): unknown {
  if (!record.hasField(name)) return undefined;
  const kind = record.getFieldKind(name);
  const read = READERS[kind];
  if (read === undefined) throw new TypeError(`Cannot query the field "${name}" of kind ${kind}`);
  return read(record, name);
}

const GENERIC_RECORD_CLASS_NAMES = ['com.hazelcast.nio.serialization.genericrecord.GenericRecord', 'java.lang.Object'];

/**
 * Walks GenericRecords: a record's fields, an ArrayNode's items. A record as a value is an
 * object predicates cannot compare (projections return it, written back in its format); an
 * array field is a collection.
 */
export const GENERIC_RECORD_ACCESSOR: ValueAccessor<unknown> = {
  field: (node, name) => (isGenericRecord(node) ? recordField(node, name) : undefined),
  elements: (node) => (node instanceof ArrayNode ? node.items : undefined),
  value(node) {
    if (node instanceof ArrayNode) return node.raw;
    if (isGenericRecord(node)) return jv('object', node);
    return node;
  },
  classNames: (node) => (node instanceof CompactGenericRecord ? GENERIC_RECORD_CLASS_NAMES : []),
};
