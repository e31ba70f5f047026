import { BigDecimal, LocalDate, LocalDateTime, LocalTime, OffsetDateTime } from '../../src/serialization';
import { bigIntFromBytes, bigIntToBytes } from '../../src/serialization/builtin-serializers';

describe('BigInteger bytes (Java BigInteger.toByteArray)', () => {
  it.each([
    [0n, '00'],
    [1n, '01'],
    [-1n, 'ff'],
    [127n, '7f'],
    [128n, '0080'],
    [-128n, '80'],
    [-129n, 'ff7f'],
    [255n, '00ff'],
    [256n, '0100'],
    [1314432323232411n, '04ab781fb5229b'],
    [2n ** 63n - 1n, '7fffffffffffffff'],
    [-(2n ** 63n), '8000000000000000'],
    [2n ** 64n, '010000000000000000'],
  ])('%s is %s', (value, hex) => {
    expect(bigIntToBytes(value).toString('hex')).toBe(hex);
    expect(bigIntFromBytes(Buffer.from(hex, 'hex'))).toBe(value);
  });

  it('round-trips random values', () => {
    for (let bits = 1; bits < 300; bits += 7) {
      for (const sign of [1n, -1n]) {
        const value = sign * (2n ** BigInt(bits) - 12345n);
        expect(bigIntFromBytes(bigIntToBytes(value))).toBe(value);
      }
    }
  });
});

describe('BigDecimal', () => {
  it.each([
    ['31231.12331', 3123112331n, 5],
    ['0', 0n, 0],
    ['-1.5', -15n, 1],
    ['0.00001', 1n, 5],
    ['0.000001', 1n, 6],
    ['1E-7', 1n, 7],
    ['1.23E+5', 123n, -3],
    ['-0.0', 0n, 1],
    ['12.3400', 123400n, 4],
  ])('%s is %s × 10^-%s and prints as Java does', (text, unscaled, scale) => {
    const decimal = BigDecimal.fromString(text);
    expect(decimal.unscaledValue).toBe(unscaled);
    expect(decimal.scale).toBe(scale);
    expect(new BigDecimal(unscaled, scale).toString()).toBe(text === '-0.0' ? '0.0' : text);
  });

  it('parses exponents and rejects garbage', () => {
    expect(BigDecimal.fromString('1.5e3').equals(new BigDecimal(15n, -2))).toBe(true);
    expect(() => BigDecimal.fromString('1.2.3')).toThrow(RangeError);
    expect(() => BigDecimal.fromString('')).toThrow(RangeError);
    expect(() => new BigDecimal(1n, 2 ** 31)).toThrow(RangeError);
  });
});

describe('java.time values', () => {
  it('print as Java does', () => {
    expect(new LocalDate(2021, 6, 28).toString()).toBe('2021-06-28');
    expect(new LocalDate(-1, 1, 1).toString()).toBe('-0001-01-01');
    expect(new LocalDate(12345, 1, 1).toString()).toBe('+12345-01-01');
    expect(new LocalTime(11, 22, 0, 0).toString()).toBe('11:22');
    expect(new LocalTime(11, 22, 41, 0).toString()).toBe('11:22:41');
    expect(new LocalTime(11, 22, 41, 123000000).toString()).toBe('11:22:41.123');
    expect(new LocalTime(11, 22, 41, 123456000).toString()).toBe('11:22:41.123456');
    expect(new LocalTime(11, 22, 41, 123456789).toString()).toBe('11:22:41.123456789');
    expect(LocalDateTime.from(2021, 6, 28, 11, 22, 41, 123456000).toString()).toBe('2021-06-28T11:22:41.123456');
    expect(OffsetDateTime.from(2021, 6, 28, 11, 22, 41, 123456000, 64800).toString()).toBe('2021-06-28T11:22:41.123456+18:00');
    expect(OffsetDateTime.from(2021, 6, 28, 11, 22, 0, 0, 0).toString()).toBe('2021-06-28T11:22Z');
    expect(OffsetDateTime.from(2021, 6, 28, 11, 22, 0, 0, -(3600 + 1800 + 5)).toString()).toBe('2021-06-28T11:22-01:30:05');
  });

  it('reject invalid fields', () => {
    expect(() => new LocalDate(2021, 2, 29)).toThrow(RangeError);
    expect(new LocalDate(2020, 2, 29).date).toBe(29);
    expect(() => new LocalDate(2021, 13, 1)).toThrow(RangeError);
    expect(() => new LocalTime(24, 0, 0, 0)).toThrow(RangeError);
    expect(() => new LocalTime(0, 0, 0, 1e9)).toThrow(RangeError);
    expect(() => OffsetDateTime.from(2021, 1, 1, 0, 0, 0, 0, 64801)).toThrow(RangeError);
  });
});
