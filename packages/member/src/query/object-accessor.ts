// Values the serialization service can read (the built-in Java types, and whatever formats its
// extensions add), walked as JavaScript values: object properties are fields, Maps are looked up
// by key, arrays, typed arrays, Sets and the core's array wrappers are collections. The top
// level and list elements keep their Java number types (see typed-read).
import { BooleanArray, LinkedList, StringArray, TypeId, type Data, type DefaultSerializationService } from '@hz/core';
import type { QueryTarget, ValueAccessor } from './accessor';
import { TypedValue, toJValue, type JKind } from './java-values';
import { toTypedObject } from './typed-read';

function isRecord(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null;
}

/** Values that are leaves even though they are objects. */
function isLeafObject(node: object): boolean {
  return node instanceof TypedValue || toJValue(node)?.kind !== 'object';
}

function collectionOf(node: unknown): readonly unknown[] | undefined {
  if (!isRecord(node)) return undefined;
  if (Array.isArray(node)) return node;
  if (node instanceof Set) return [...node];
  if (node instanceof LinkedList) return node.items;
  if (node instanceof BooleanArray || node instanceof StringArray) return node.values;
  if (ArrayBuffer.isView(node) && !(node instanceof DataView)) return Array.from(node as unknown as ArrayLike<unknown>);
  return undefined;
}

/** Walks JavaScript values. */
export const OBJECT_ACCESSOR: ValueAccessor<unknown> = {
  field(node, name) {
    if (!isRecord(node) || collectionOf(node) !== undefined) return undefined;
    if (node instanceof Map) return node.has(name) ? (node.get(name) as unknown) : undefined;
    if (isLeafObject(node) || !(name in node)) return undefined;
    const value = node[name];
    return typeof value === 'function' ? undefined : value;
  },
  elements: collectionOf,
  value: (node) => node,
  classNames: (node) => javaClassNamesOf(node),
};

const NUMBER_SUPERTYPES = ['java.lang.Number', 'java.lang.Comparable', 'java.io.Serializable', 'java.lang.Object'];
const COMPARABLE_SUPERTYPES = ['java.lang.Comparable', 'java.io.Serializable', 'java.lang.Object'];

const CLASS_NAMES: Partial<Record<JKind, readonly string[]>> = {
  byte: ['java.lang.Byte', ...NUMBER_SUPERTYPES],
  short: ['java.lang.Short', ...NUMBER_SUPERTYPES],
  int: ['java.lang.Integer', ...NUMBER_SUPERTYPES],
  long: ['java.lang.Long', ...NUMBER_SUPERTYPES],
  float: ['java.lang.Float', ...NUMBER_SUPERTYPES],
  double: ['java.lang.Double', ...NUMBER_SUPERTYPES],
  bigInteger: ['java.math.BigInteger', ...NUMBER_SUPERTYPES],
  bigDecimal: ['java.math.BigDecimal', ...NUMBER_SUPERTYPES],
  string: ['java.lang.String', 'java.lang.CharSequence', ...COMPARABLE_SUPERTYPES],
  char: ['java.lang.Character', ...COMPARABLE_SUPERTYPES],
  boolean: ['java.lang.Boolean', ...COMPARABLE_SUPERTYPES],
  date: ['java.util.Date', 'java.lang.Cloneable', ...COMPARABLE_SUPERTYPES],
  localDate: ['java.time.LocalDate', 'java.time.chrono.ChronoLocalDate', 'java.time.temporal.Temporal', ...COMPARABLE_SUPERTYPES],
  localTime: ['java.time.LocalTime', 'java.time.temporal.Temporal', ...COMPARABLE_SUPERTYPES],
  localDateTime: ['java.time.LocalDateTime', 'java.time.chrono.ChronoLocalDateTime', 'java.time.temporal.Temporal', ...COMPARABLE_SUPERTYPES],
  offsetDateTime: ['java.time.OffsetDateTime', 'java.time.temporal.Temporal', ...COMPARABLE_SUPERTYPES],
  uuid: ['java.util.UUID', ...COMPARABLE_SUPERTYPES],
};

const LIST_CLASS_NAMES = ['java.util.ArrayList', 'java.util.AbstractList', 'java.util.List', 'java.util.Collection', 'java.lang.Iterable', 'java.io.Serializable', 'java.lang.Object'];

/** The Java class (and supertypes) of a built-in value; for other objects only java.lang.Object. */
export function javaClassNamesOf(node: unknown): readonly string[] {
  if (node === null || node === undefined) return [];
  if (collectionOf(node) !== undefined) return Array.isArray(node) ? LIST_CLASS_NAMES : ['java.lang.Object'];
  const value = toJValue(node);
  return (value !== null && CLASS_NAMES[value.kind]) || ['java.lang.Object'];
}

/** A stored value read by the serialization service (with its Java number types kept). */
export function objectTarget(data: Data, serializationService: DefaultSerializationService): QueryTarget {
  return { accessor: OBJECT_ACCESSOR, root: toTypedObject(data, serializationService) };
}

/** Type ids the object target handles without any extension. */
export function isBuiltinTypeId(typeId: number): boolean {
  return typeId <= 0 && typeId !== TypeId.PORTABLE && typeId !== TypeId.IDENTIFIED_DATA_SERIALIZABLE && typeId !== TypeId.COMPACT && typeId !== TypeId.COMPACT_WITH_SCHEMA;
}
