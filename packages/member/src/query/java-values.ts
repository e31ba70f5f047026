// Values as the Java query engine sees them: each with its Java type, because conversion,
// comparison and equality depend on it (an Integer attribute compared with the string "27" of
// an SQL predicate, 1 == 1L == 1.0, a Float is not the Double of the same decimal text, BigDecimal
// equality counts the scale). Comparison rules are in java-compare, conversions in java-convert.
import Long from 'long';
import { BigDecimal, Byte, Char, Double, Float, Integer, LocalDate, LocalDateTime, LocalTime, OffsetDateTime, Short, UUID, isLong } from '@hz/core';

interface KindValues {
  byte: number;
  short: number;
  int: number;
  long: bigint;
  float: number;
  double: number;
  bigInteger: bigint;
  bigDecimal: BigDecimal;
  string: string;
  char: string;
  boolean: boolean;
  /** An enum constant, by name. */
  enum: string;
  /** java.util.Date, in ms since the epoch. */
  date: number;
  localDate: LocalDate;
  localTime: LocalTime;
  localDateTime: LocalDateTime;
  offsetDateTime: OffsetDateTime;
  uuid: UUID;
  /** Anything that is not Comparable in Java: predicates cannot compare it. */
  object: unknown;
}

/** The Java types the engine tells apart. */
export type JKind = keyof KindValues;

/** A value with its Java type. */
export class TypedValue<K extends JKind = JKind> {
  constructor(
    readonly kind: K,
    readonly value: KindValues[K],
  ) {}
}

/** A value with its Java type (a union, so that checking `kind` narrows `value`). */
export type JValue = { [K in JKind]: TypedValue<K> }[JKind];

/** Makes a typed value. */
export function jv<K extends JKind>(kind: K, value: KindValues[K]): JValue {
  return new TypedValue(kind, value) as JValue;
}

/**
 * A Java enum constant, for accessors of formats that carry enums: predicates compare it by
 * name, as the member does (`convertEnumValue`).
 */
export class JavaEnum {
  constructor(
    readonly name: string,
    readonly className?: string,
  ) {}
  toString(): string {
    return this.name;
  }
}


/**
 * The typed value of what an accessor returns: a JValue as it is; otherwise by JavaScript type
 * (number: Double, bigint: BigInteger, a Long: Long) and the core's typed wrappers (Integer,
 * Float, Char ...), dates, BigDecimal, UUID. Anything else is an `object`.
 */
export function toJValue(value: unknown): JValue | null {
  if (value === null || value === undefined) return null;
  if (value instanceof TypedValue) return value as JValue;
  switch (typeof value) {
    case 'string':
      return jv('string', value);
    case 'boolean':
      return jv('boolean', value);
    case 'number':
      return jv('double', value);
    case 'bigint':
      return jv('bigInteger', value);
    default:
      break;
  }
  if (isLong(value)) return jv('long', BigInt(value.toString()));
  if (value instanceof Integer) return jv('int', value.value);
  if (value instanceof Double) return jv('double', value.value);
  if (value instanceof Float) return jv('float', Math.fround(value.value));
  if (value instanceof Short) return jv('short', value.value);
  if (value instanceof Byte) return jv('byte', value.value);
  if (value instanceof Char) return jv('char', String.fromCharCode(value.value));
  if (value instanceof BigDecimal) return jv('bigDecimal', value);
  if (value instanceof Date) return jv('date', value.getTime());
  if (value instanceof LocalDate) return jv('localDate', value);
  if (value instanceof LocalTime) return jv('localTime', value);
  if (value instanceof LocalDateTime) return jv('localDateTime', value);
  if (value instanceof OffsetDateTime) return jv('offsetDateTime', value);
  if (value instanceof UUID) return jv('uuid', value);
  if (value instanceof JavaEnum) return jv('enum', value.name);
  if (value instanceof Boolean || value instanceof String || value instanceof Number) return toJValue(value.valueOf());
  return jv('object', value);
}

/** What to give the serialization service to write the value back with its Java type. */
export function toWritable(value: JValue | null): unknown {
  if (value === null) return null;
  switch (value.kind) {
    case 'byte':
      return new Byte(value.value);
    case 'short':
      return new Short(value.value);
    case 'int':
      return new Integer(value.value);
    case 'long':
      return Long.fromString(value.value.toString());
    case 'float':
      return new Float(value.value);
    case 'double':
      return new Double(value.value);
    case 'char':
      return new Char(value.value);
    case 'date':
      return new Date(value.value);
    default:
      return value.value;
  }
}
