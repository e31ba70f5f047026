// Java number semantics (Hazelcast's Numbers): exact comparison and equality across Byte, Short,
// Integer, Long, Float and Double, Java's casts, and the exact conversions of the numeric
// aggregators (Numbers.asXExactly).
import type { BigDecimal } from '@hz/core';
import { classCast, illegalArgument, nullPointer } from './errors';
import { javaToString } from './java-text';
import type { JKind, JValue } from './java-values';

export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
const TWO_53 = 2 ** 53;
const TWO_63 = 2 ** 63;

type NumericKind = 'byte' | 'short' | 'int' | 'long' | 'float' | 'double' | 'bigInteger' | 'bigDecimal';
export type NumericValue = Extract<JValue, { kind: NumericKind }>;

export function isNumeric(value: JValue): value is NumericValue {
  switch (value.kind) {
    case 'byte':
    case 'short':
    case 'int':
    case 'long':
    case 'float':
    case 'double':
    case 'bigInteger':
    case 'bigDecimal':
      return true;
    default:
      return false;
  }
}

function isDoubleRepresentable(kind: JKind): boolean {
  return kind === 'double' || kind === 'float';
}

function isLongRepresentable(kind: JKind): boolean {
  return kind === 'long' || kind === 'int' || kind === 'short' || kind === 'byte';
}

/** Java's `Double.compare`: -0.0 before 0.0, NaN after everything and equal to itself. */
export function compareDoubles(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  const aNaN = Number.isNaN(a);
  const bNaN = Number.isNaN(b);
  if (aNaN || bNaN) return aNaN === bNaN ? 0 : aNaN ? 1 : -1;
  if (a === 0 && b === 0) {
    const aNeg = Object.is(a, -0);
    const bNeg = Object.is(b, -0);
    return aNeg === bNeg ? 0 : aNeg ? -1 : 1;
  }
  return 0;
}

/** Java's `Double.equals` (doubleToLongBits): NaN equals NaN, -0.0 does not equal 0.0. */
export function equalDoubles(a: number, b: number): boolean {
  return Object.is(a, b);
}

/** Java's `(long) d`: truncation, saturating at the long range, NaN to 0. */
export function doubleToLong(d: number): bigint {
  if (Number.isNaN(d)) return 0n;
  if (d >= TWO_63) return INT64_MAX;
  if (d <= -TWO_63) return INT64_MIN;
  return BigInt(Math.trunc(d));
}

/** Java's `(int) d`. */
function doubleToInt(d: number): number {
  if (Number.isNaN(d)) return 0;
  if (d >= 2147483647) return 2147483647;
  if (d <= -2147483648) return -2147483648;
  return Math.trunc(d);
}

export function compareBigInts(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Numbers.compareLongWithDouble: exact, without the rounding of (double) l.
function compareLongWithDouble(l: bigint, d: number): number {
  if (d > -TWO_53 && d < TWO_53) return compareDoubles(Number(l), d);
  if (d <= -TWO_63) return 1;
  if (d >= TWO_63) return -1;
  if (Number.isNaN(d)) return -1;
  return compareBigInts(l, BigInt(d));
}

// Numbers.equalLongAndDouble.
function equalLongAndDouble(l: bigint, d: number): boolean {
  if (d > -TWO_53 && d < TWO_53) return equalDoubles(Number(l), d);
  if (d <= -TWO_63 || d >= TWO_63 || Number.isNaN(d)) return false;
  return l === BigInt(d);
}

/** An exact rational form of a finite number: unscaled × 10^-scale. */
function exactDecimal(value: NumericValue): { unscaled: bigint; scale: number } | null {
  switch (value.kind) {
    case 'bigDecimal':
      return { unscaled: value.value.unscaledValue, scale: value.value.scale };
    case 'bigInteger':
    case 'long':
      return { unscaled: value.value, scale: 0 };
    default: {
      const d = value.value;
      if (!Number.isFinite(d)) return null;
      if (Number.isInteger(d)) return { unscaled: BigInt(d), scale: 0 };
      // A binary fraction m × 2^-k is exactly (m × 5^k) × 10^-k.
      let k = 0;
      let m = d;
      while (!Number.isInteger(m)) {
        m *= 2;
        k++;
      }
      return { unscaled: BigInt(m) * 5n ** BigInt(k), scale: k };
    }
  }
}

function compareDecimals(a: { unscaled: bigint; scale: number }, b: { unscaled: bigint; scale: number }): number {
  const scale = Math.max(a.scale, b.scale);
  return compareBigInts(a.unscaled * 10n ** BigInt(scale - a.scale), b.unscaled * 10n ** BigInt(scale - b.scale));
}

function asDouble(value: NumericValue): number {
  switch (value.kind) {
    case 'bigDecimal':
      return Number(value.value.toString());
    case 'bigInteger':
    case 'long':
      return Number(value.value);
    default:
      return value.value;
  }
}

/** Numbers.compare, extended to BigInteger and BigDecimal by exact value (Java would throw). */
export function compareNumbers(a: NumericValue, b: NumericValue): number {
  if (isDoubleRepresentable(a.kind) || isLongRepresentable(a.kind)) {
    if (isDoubleRepresentable(b.kind) || isLongRepresentable(b.kind)) {
      const aIsDouble = isDoubleRepresentable(a.kind);
      const bIsDouble = isDoubleRepresentable(b.kind);
      if (aIsDouble && bIsDouble) return compareDoubles(a.value as number, b.value as number);
      if (!aIsDouble && !bIsDouble) return compareBigInts(BigInt(a.value as number | bigint), BigInt(b.value as number | bigint));
      if (aIsDouble) return -Math.sign(compareLongWithDouble(BigInt(b.value as number | bigint), a.value as number)) || 0;
      return compareLongWithDouble(BigInt(a.value as number | bigint), b.value as number);
    }
  }
  const x = exactDecimal(a);
  const y = exactDecimal(b);
  if (x === null || y === null) return compareDoubles(asDouble(a), asDouble(b));
  return compareDecimals(x, y);
}

/** Numbers.equal: by value across Byte/Short/Integer/Long/Float/Double; same type otherwise. */
export function equalNumbers(a: NumericValue, b: NumericValue): boolean {
  if (a.kind === b.kind) {
    if (a.kind === 'bigDecimal') {
      const other = b.value as BigDecimal;
      return a.value.unscaledValue === other.unscaledValue && a.value.scale === other.scale;
    }
    if (isDoubleRepresentable(a.kind)) return equalDoubles(a.value as number, b.value as number);
    return a.value === b.value;
  }
  const aIsDouble = isDoubleRepresentable(a.kind);
  const bIsDouble = isDoubleRepresentable(b.kind);
  if ((aIsDouble || isLongRepresentable(a.kind)) && (bIsDouble || isLongRepresentable(b.kind))) {
    if (aIsDouble && bIsDouble) return equalDoubles(a.value as number, b.value as number);
    if (!aIsDouble && !bIsDouble) return BigInt(a.value as number | bigint) === BigInt(b.value as number | bigint);
    return aIsDouble
      ? equalLongAndDouble(BigInt(b.value as number | bigint), a.value as number)
      : equalLongAndDouble(BigInt(a.value as number | bigint), b.value as number);
  }
  return false;
}

function notExact(value: JValue, what: string): never {
  throw illegalArgument(`Can't represent ${javaToString(value)} as ${what} exactly`);
}

/** A Number, or the exception Java gives: unboxing null (NullPointerException) or a cast. */
export function requireNumber(value: JValue | null, aggregator: string): NumericValue {
  if (value === null) throw nullPointer(`${aggregator}: cannot aggregate a null value`);
  if (!isNumeric(value)) throw classCast(`A ${value.kind} value cannot be cast to java.lang.Number (${aggregator})`);
  return value;
}

export function asDoubleExactly(value: NumericValue): number {
  if (isDoubleRepresentable(value.kind) || value.kind === 'int' || value.kind === 'short' || value.kind === 'byte') return value.value as number;
  if (value.kind === 'long') {
    const d = Number(value.value);
    if (doubleToLong(d) === value.value) return d;
  }
  return notExact(value, 'double');
}

export function asLongExactly(value: NumericValue): bigint {
  if (isLongRepresentable(value.kind)) return BigInt(value.value as number | bigint);
  if (isDoubleRepresentable(value.kind)) {
    const l = doubleToLong(value.value as number);
    if (equalDoubles(value.value as number, Number(l))) return l;
  }
  return notExact(value, 'long');
}

export function asIntExactly(value: NumericValue): number {
  if (value.kind === 'int' || value.kind === 'short' || value.kind === 'byte') return value.value;
  if (value.kind === 'long') {
    const i = Number(BigInt.asIntN(32, value.value));
    if (BigInt(i) === value.value) return i;
  } else if (isDoubleRepresentable(value.kind)) {
    const i = doubleToInt(value.value as number);
    if (equalDoubles(value.value as number, i)) return i;
  }
  return notExact(value, 'int');
}

/** Java's `Number.longValue()` (casts, fixed-point sum). */
export function longValue(value: NumericValue): bigint {
  switch (value.kind) {
    case 'long':
      return value.value;
    case 'bigInteger':
      return BigInt.asIntN(64, value.value);
    case 'bigDecimal':
      return BigInt.asIntN(64, truncateDecimal(value.value));
    case 'float':
    case 'double':
      return doubleToLong(value.value);
    default:
      return BigInt(value.value);
  }
}

/** The integer part of a BigDecimal (`toBigInteger`). */
export function truncateDecimal(value: BigDecimal): bigint {
  if (value.scale <= 0) return value.unscaledValue * 10n ** BigInt(-value.scale);
  return value.unscaledValue / 10n ** BigInt(value.scale);
}

/** `Number.doubleValue()` (floating-point sum, number average). */
export function doubleValue(value: NumericValue): number {
  return asDouble(value);
}
