// Java's toString of numbers (Double.toString, Float.toString) and of any typed value: what a
// value given to a string attribute is compared as.
import type { JValue } from './java-values';

/** Formats the significant digits of a number as Java's Double.toString lays them out. */
function javaFloatingText(digits: string, exponent: number, negative: boolean): string {
  const sign = negative ? '-' : '';
  if (exponent >= -3 && exponent < 7) {
    if (exponent >= 0) {
      const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
      const fraction = digits.slice(exponent + 1);
      return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
    }
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  const fraction = digits.slice(1);
  return `${sign}${digits[0]}.${fraction === '' ? '0' : fraction}E${exponent}`;
}

function splitExponential(text: string): { digits: string; exponent: number } {
  const [mantissa, exp] = text.split('e');
  return { digits: mantissa.replace('.', '').replace(/0+$/, '') || '0', exponent: Number(exp) };
}

/** Java's `Double.toString` (the shortest digits that read back as the same double). */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const { digits, exponent } = splitExponential(Math.abs(d).toExponential());
  return javaFloatingText(digits, exponent, d < 0);
}

/** Java's `Float.toString` (the shortest digits that read back as the same float). */
export function javaFloatToString(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? 'Infinity' : '-Infinity';
  if (f === 0) return Object.is(f, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(f);
  for (let precision = 1; precision <= 9; precision++) {
    const text = abs.toExponential(precision - 1);
    if (Math.fround(Number(text)) === abs) {
      const { digits, exponent } = splitExponential(text);
      return javaFloatingText(digits, exponent, f < 0);
    }
  }
  return javaDoubleToString(f);
}

/** The text Java's `toString()` gives (the STRING converter's result). */
export function javaToString(value: JValue): string {
  switch (value.kind) {
    case 'double':
      return javaDoubleToString(value.value);
    case 'float':
      return javaFloatToString(value.value);
    case 'date':
      // Java prints the default time zone's "EEE MMM dd HH:mm:ss zzz yyyy"; ISO is unambiguous.
      return new Date(value.value).toISOString();
    default:
      return String(value.value);
  }
}
