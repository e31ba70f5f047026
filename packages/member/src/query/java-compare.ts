// Comparables.compare and Comparables.equal over typed values, the canonical keys of hash-based
// lookups (IN, distinct) and Java's hashCode of keys (the paging tie-break).
import type { LocalDate, LocalDateTime, LocalTime, OffsetDateTime, UUID } from '@hz/core';
import { classCast } from './errors';
import { compareBigInts, compareNumbers, doubleToLong, equalDoubles, equalNumbers, isNumeric } from './java-numbers';
import { javaToString } from './java-text';
import type { JValue } from './java-values';

function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.date - b.date;
}

function compareLocalTimes(a: LocalTime, b: LocalTime): number {
  return a.hour - b.hour || a.minute - b.minute || a.second - b.second || a.nano - b.nano;
}

function compareLocalDateTimes(a: LocalDateTime, b: LocalDateTime): number {
  return compareLocalDates(a.localDate, b.localDate) || compareLocalTimes(a.localTime, b.localTime);
}

/** Seconds since the epoch and nanoseconds: the instant of an OffsetDateTime. */
function epochSecondOf(value: OffsetDateTime): bigint {
  const { localDate: d, localTime: t } = value.localDateTime;
  const days = BigInt(daysFromCivil(d.year, d.month, d.date));
  return days * 86400n + BigInt(t.hour * 3600 + t.minute * 60 + t.second - value.offsetSeconds);
}

// Days since 1970-01-01 of a proleptic Gregorian date.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function compareUuids(a: UUID, b: UUID): number {
  return a.mostSignificant.compare(b.mostSignificant) || a.leastSignificant.compare(b.leastSignificant);
}

function describe(value: JValue): string {
  return value.kind === 'object' ? `object ${String(value.value)}` : `${value.kind} ${javaToString(value)}`;
}

/**
 * Comparables.compare: numbers by value whatever their types, otherwise values of one type by
 * their natural order; values of different types cannot be compared (ClassCastException).
 */
export function compareValues(a: JValue, b: JValue): number {
  if (isNumeric(a) && isNumeric(b)) return compareNumbers(a, b);
  if (a.kind !== b.kind) throw classCast(`Cannot compare ${describe(a)} with ${describe(b)}`);
  switch (a.kind) {
    case 'string':
    case 'char':
    case 'enum': {
      const other = b.value as string;
      return a.value < other ? -1 : a.value > other ? 1 : 0;
    }
    case 'boolean':
      return Number(a.value) - Number(b.value as boolean);
    case 'date':
      return Math.sign(a.value - (b.value as number));
    case 'localDate':
      return Math.sign(compareLocalDates(a.value, b.value as LocalDate));
    case 'localTime':
      return Math.sign(compareLocalTimes(a.value, b.value as LocalTime));
    case 'localDateTime':
      return Math.sign(compareLocalDateTimes(a.value, b.value as LocalDateTime));
    case 'offsetDateTime': {
      const other = b.value as OffsetDateTime;
      return (
        compareBigInts(epochSecondOf(a.value), epochSecondOf(other)) ||
        Math.sign(a.value.localDateTime.localTime.nano - other.localDateTime.localTime.nano) ||
        Math.sign(compareLocalDateTimes(a.value.localDateTime, other.localDateTime))
      );
    }
    case 'uuid':
      return compareUuids(a.value, b.value as UUID);
    default:
      throw classCast(`${describe(a)} is not Comparable`);
  }
}

/** Comparables.equal: numbers across types as Numbers.equal, otherwise same type and equal. */
export function equalValues(a: JValue | null, b: JValue | null): boolean {
  if (a === null || b === null) return a === b;
  if (isNumeric(a) && isNumeric(b)) return equalNumbers(a, b);
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'localDate':
    case 'localTime':
    case 'localDateTime':
    case 'offsetDateTime':
    case 'uuid':
      return compareValues(a, b) === 0 && (a.kind !== 'offsetDateTime' || a.value.offsetSeconds === (b.value as OffsetDateTime).offsetSeconds);
    case 'object':
      return a.value === b.value;
    default:
      return a.value === b.value;
  }
}

/**
 * A key equal for values that are equal in hash-based lookups (Comparables.canonicalizeForHashLookup):
 * whole numbers of any type as one long, other doubles and floats as a double. Used by the IN
 * predicate and the distinct aggregator.
 */
export function hashKey(value: JValue | null): string {
  if (value === null) return 'null';
  switch (value.kind) {
    case 'double':
    case 'float': {
      const d = value.value;
      const l = doubleToLong(d);
      return equalDoubles(d, Number(l)) ? `L${l}` : `D${Object.is(d, -0) ? '-0' : String(d)}`;
    }
    case 'byte':
    case 'short':
    case 'int':
    case 'long':
      return `L${value.value}`;
    case 'bigInteger':
      return `I${value.value}`;
    case 'bigDecimal':
      return `M${value.value.unscaledValue}e${value.value.scale}`;
    case 'localDate':
    case 'localTime':
    case 'localDateTime':
    case 'offsetDateTime':
    case 'uuid':
      return `${value.kind}:${String(value.value)}`;
    case 'object':
      return `object:${objectKey(value.value)}`;
    default:
      return `${value.kind}:${String(value.value)}`;
  }
}

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

function objectKey(value: unknown): string {
  try {
    return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
  } catch {
    if (typeof value !== 'object' || value === null) return String(value);
    let id = identities.get(value);
    if (id === undefined) identities.set(value, (id = nextIdentity++));
    return `#${id}`;
  }
}

/** Java's `hashCode()` of common types; 0 for the others (the caller falls back to the Data hash). */
export function javaHashCode(value: JValue | null): number | undefined {
  if (value === null) return 0;
  switch (value.kind) {
    case 'string': {
      let h = 0;
      for (let i = 0; i < value.value.length; i++) h = (Math.imul(31, h) + value.value.charCodeAt(i)) | 0;
      return h;
    }
    case 'char':
      return value.value.charCodeAt(0);
    case 'byte':
    case 'short':
    case 'int':
      return value.value;
    case 'long':
      return Number(BigInt.asIntN(32, value.value ^ (BigInt.asUintN(64, value.value) >> 32n)));
    case 'double': {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, Number.isNaN(value.value) ? Number.NaN : value.value);
      return (view.getInt32(0) ^ view.getInt32(4)) | 0;
    }
    case 'float': {
      const view = new DataView(new ArrayBuffer(4));
      view.setFloat32(0, value.value);
      return view.getInt32(0);
    }
    case 'boolean':
      return value.value ? 1231 : 1237;
    default:
      return undefined;
  }
}
