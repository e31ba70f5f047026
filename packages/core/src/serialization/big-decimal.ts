const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

/**
 * An exact decimal (Java `java.math.BigDecimal`), type id -27: `unscaledValue × 10^-scale`.
 * The official Node.js client's name and shape; no arithmetic, it is a carrier.
 */
export class BigDecimal {
  /** @param scale a Java int: digits after the decimal point (negative: trailing zeros) */
  constructor(
    readonly unscaledValue: bigint,
    readonly scale: number,
  ) {
    if (typeof unscaledValue !== 'bigint') throw new TypeError('BigDecimal unscaledValue must be a bigint');
    if (!Number.isInteger(scale) || scale < INT32_MIN || scale > INT32_MAX) {
      throw new RangeError(`BigDecimal scale must be a 32-bit integer, got ${String(scale)}`);
    }
  }

  /** Parses `123.45`, `-0.001`, `1E+3`, `1.5e-7` as Java's `new BigDecimal(String)` does (scale kept). */
  static fromString(text: string): BigDecimal {
    const match = DECIMAL.exec(text.trim());
    const whole = match?.[2] ?? '';
    const fraction = match?.[3] ?? '';
    if (match === null || whole.length + fraction.length === 0) throw new RangeError(`Not a decimal number: "${text}"`);
    const exponent = match[4] === undefined ? 0 : Number(match[4]);
    const unscaled = BigInt(whole + fraction || '0');
    return new BigDecimal(match[1] === '-' ? -unscaled : unscaled, fraction.length - exponent);
  }

  /** Java's `BigDecimal.toString()`: plain notation unless the exponent is small or the scale negative. */
  toString(): string {
    const negative = this.unscaledValue < 0n;
    const digits = (negative ? -this.unscaledValue : this.unscaledValue).toString();
    const sign = negative ? '-' : '';
    const adjusted = digits.length - 1 - this.scale;
    if (this.scale >= 0 && adjusted >= -6) {
      if (this.scale === 0) return sign + digits;
      if (digits.length > this.scale) {
        return `${sign}${digits.slice(0, digits.length - this.scale)}.${digits.slice(digits.length - this.scale)}`;
      }
      return `${sign}0.${'0'.repeat(this.scale - digits.length)}${digits}`;
    }
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
  }

  /** Same unscaled value and scale (as Java's `equals`: 1.0 and 1.00 differ). */
  equals(other: BigDecimal | null | undefined): boolean {
    return other != null && this.unscaledValue === other.unscaledValue && this.scale === other.scale;
  }
}
