// The member's type coercion: the given value converted to the attribute's type, numbers compared
// across Java types by exact value, null handling, Java's toString and parsing, LIKE and REGEX.
import { BigDecimal, Byte, Char, Float, Integer, LocalDate, Short, UUID } from '@hz/core';
import Long from 'long';
import { Predicates } from '@hz/query';
import {
  compareValues,
  convertToAttributeType,
  equalValues,
  javaDoubleToString,
  javaFloatToString,
  jv,
  likePattern,
  QueryEngine,
  regexPattern,
  toJValue,
  toWritable,
  type JValue,
} from '../../src/query';
import { entriesOf, keysMatching } from './support';

/** Whether `equal(attribute, given)` holds, as the member decides it. */
const eq = (attribute: unknown, given: unknown): boolean => {
  const a = toJValue(attribute) as JValue;
  return equalValues(a, convertToAttributeType(a, toJValue(given)));
};
const cmp = (attribute: unknown, given: unknown): number => {
  const a = toJValue(attribute) as JValue;
  return compareValues(a, convertToAttributeType(a, toJValue(given)) as JValue);
};
const long = (text: string): Long => Long.fromString(text);

describe('numbers of different Java types', () => {
  it('are equal when their values are, whatever the types', () => {
    expect(eq(new Integer(1), 1)).toBe(true);
    expect(eq(long('1'), new Float(1))).toBe(true);
    expect(eq(new Byte(-3), new Short(-3))).toBe(true);
    expect(eq(1.5, new Float(1.5))).toBe(true);
    expect(eq(new Integer(1), 1.5)).toBe(false);
  });

  it('compare exactly beyond 2^53 (a long is not rounded to a double)', () => {
    expect(eq(long('9007199254740993'), 9007199254740992)).toBe(false);
    expect(cmp(long('9007199254740993'), 9007199254740992)).toBe(1);
    expect(cmp(long('9223372036854775807'), 9223372036854775807)).toBe(-1);
    // Java's Numbers.equalLongAndDouble treats -2^63 as beyond the long range.
    expect(eq(long('-9223372036854775808'), -9223372036854775808)).toBe(false);
    expect(eq(long('-9223372036854775807'), -9223372036854775807)).toBe(false);
    expect(eq(long('4611686018427387904'), 4611686018427387904)).toBe(true);
  });

  it('a float is not the double of the same decimal text, but equals a double of its exact value', () => {
    expect(eq(new Float(0.1), 0.1)).toBe(false);
    expect(eq(new Float(0.1), '0.1')).toBe(false);
    expect(eq(new Float(0.1), new Float(0.1))).toBe(true);
    expect(eq(new Float(0.5), 0.5)).toBe(true);
  });

  it('follow Double.compare and Double.equals for NaN and -0.0', () => {
    expect(eq(Number.NaN, Number.NaN)).toBe(true);
    expect(eq(-0, 0)).toBe(false);
    expect(cmp(-0, 0)).toBe(-1);
    expect(cmp(Number.NaN, Number.POSITIVE_INFINITY)).toBe(1);
    expect(eq(new Integer(0), -0)).toBe(false);
  });

  it('BigDecimal equality counts the scale, its comparison does not', () => {
    expect(eq(new BigDecimal(1000n, 2), '10')).toBe(false);
    expect(eq(new BigDecimal(1000n, 2), '10.00')).toBe(true);
    expect(cmp(new BigDecimal(1000n, 2), '10')).toBe(0);
    expect(cmp(new BigDecimal(1000n, 2), 10.5)).toBe(-1);
    expect(eq(new BigDecimal(15n, 1), 1.5)).toBe(true);
    expect(eq(10n, '10')).toBe(true);
    expect(eq(10n, new BigDecimal(109n, 1))).toBe(true);
  });
});

describe('strings given to typed attributes', () => {
  it('are parsed for number attributes, as a long when they are whole', () => {
    expect(eq(new Integer(27), '27')).toBe(true);
    expect(eq(new Integer(27), '27.0')).toBe(true);
    expect(eq(new Integer(27), '+27')).toBe(true);
    expect(cmp(new Integer(27), '27.5')).toBe(-1);
    expect(eq(27.0, '27')).toBe(true);
    expect(eq(1000, '1e3')).toBe(true);
    expect(eq(5, ' 5 ')).toBe(true);
    expect(eq(5, '5d')).toBe(true);
  });

  it('that are not numbers fail as NumberFormatException', () => {
    expect(() => eq(new Integer(1), 'abc')).toThrow(expect.objectContaining({ className: 'java.lang.NumberFormatException' }));
    expect(() => eq(1.5, '')).toThrow(/For input string/);
    expect(() => eq(new Integer(1), true)).toThrow(/Cannot convert \[true\] to number/);
  });

  it('are booleans when "true" in any case, numbers are true when not 0', () => {
    expect(eq(true, 'TRUE')).toBe(true);
    expect(eq(false, 'yes')).toBe(true);
    expect(eq(true, 1)).toBe(true);
    expect(eq(false, 0.5)).toBe(true);
  });

  it('make chars of one character, dates of ISO text, UUIDs of their text', () => {
    expect(eq(new Char('a'), 'a')).toBe(true);
    expect(eq(new Char('a'), 97)).toBe(true);
    expect(() => eq(new Char('a'), 'ab')).toThrow(/Cannot convert/);
    expect(eq(new LocalDate(2024, 2, 29), '2024-02-29')).toBe(true);
    expect(cmp(new LocalDate(2024, 2, 29), '2024-03-01')).toBe(-1);
    expect(eq(new Date(86400000), 86400000)).toBe(true);
    expect(eq(new Date(0), '1970-01-01T00:00:00Z')).toBe(true);
    const uuid = UUID.fromString('00000000-0000-0001-0000-000000000002');
    expect(eq(uuid, '00000000-0000-0001-0000-000000000002')).toBe(true);
  });
});

describe('values given to string attributes', () => {
  it('are their Java toString: an Integer 5 is "5", a Double 5 is "5.0"', () => {
    expect(eq('5', new Integer(5))).toBe(true);
    expect(eq('5', 5)).toBe(false);
    expect(eq('5.0', 5)).toBe(true);
    expect(eq('true', true)).toBe(true);
    expect(eq('1.0E7', 1e7)).toBe(true);
    expect(cmp('b', 'a')).toBe(1);
    expect(cmp('B', 'a')).toBe(-1);
  });

  it('Java toString of doubles and floats', () => {
    expect([5, 0.001, 1e-4, 1234567.5, 1e7, 1.5e300, -0, Number.NaN, -Infinity, 0.1 + 0.2].map(javaDoubleToString)).toEqual([
      '5.0',
      '0.001',
      '1.0E-4',
      '1234567.5',
      '1.0E7',
      '1.5E300',
      '-0.0',
      'NaN',
      '-Infinity',
      '0.30000000000000004',
    ]);
    expect([0.1, 1e10, 3.4028234663852886e38, 1 / 3].map((f) => javaFloatToString(Math.fround(f)))).toEqual(['0.1', '1.0E10', '3.4028235E38', '0.33333334']);
  });
});

describe('values of different kinds', () => {
  it('cannot be compared (ClassCastException), and are never equal', () => {
    expect(() => compareValues(jv('string', 'a'), jv('boolean', true))).toThrow(expect.objectContaining({ className: 'java.lang.ClassCastException' }));
    expect(equalValues(jv('string', 'a'), jv('boolean', true))).toBe(false);
    expect(equalValues(null, null)).toBe(true);
    expect(equalValues(jv('int', 1), null)).toBe(false);
  });

  it('keep their Java type when written back', () => {
    expect(toWritable(jv('int', 5))).toEqual(new Integer(5));
    expect(String(toWritable(jv('long', 2n ** 60n)))).toBe(String(2n ** 60n));
    expect(toWritable(jv('char', 'x'))).toEqual(new Char('x'));
    expect(toWritable(null)).toBeNull();
  });
});

describe('null attributes and values', () => {
  const engine = new QueryEngine();
  const entries = entriesOf(engine, [
    ['set', { a: 1 }],
    ['unset', { b: 1 }],
  ]);
  const keys = (p: unknown): unknown[] => keysMatching(engine, p, entries);

  it('equal(null) matches only a null or missing attribute; other comparisons never match null', () => {
    expect(keys(Predicates.equal('a', null))).toEqual(['unset']);
    expect(keys(Predicates.notEqual('a', null))).toEqual(['set']);
    expect(keys(Predicates.greaterEqual('a', 0))).toEqual(['set']);
    expect(keys(Predicates.lessThan('a', 10))).toEqual(['set']);
    expect(keys(Predicates.between('a', 0, 10))).toEqual(['set']);
    expect(keys(Predicates.inPredicate('a', null, 5))).toEqual(['unset']);
    expect(keys(Predicates.like('c', '%'))).toEqual([]);
    expect(keys(Predicates.like('c', null as unknown as string))).toEqual(['set', 'unset']);
    expect(keys(Predicates.sql('a = null'))).toEqual(['unset']);
  });
});

describe('LIKE and REGEX', () => {
  const like = (expression: string, text: string, ignoreCase = false): boolean => likePattern(expression, ignoreCase).test(text);

  it('match % and _ against the whole text, across lines', () => {
    expect(like('Jo%', 'Joseph')).toBe(true);
    expect(like('Jo%', 'joseph')).toBe(false);
    expect(like('J_s%', 'Josh')).toBe(true);
    expect(like('J_s%', 'John')).toBe(false);
    expect(like('%', '')).toBe(true);
    expect(like('a%', 'a\nb')).toBe(true);
    expect(like('a.b', 'axb')).toBe(false);
    expect(like('(a)', '(a)')).toBe(true);
  });

  it('escape % and _ with a backslash; other backslashes are literal', () => {
    expect(like('100\\%', '100%')).toBe(true);
    expect(like('100\\%', '1000')).toBe(false);
    expect(like('a\\_b', 'a_b')).toBe(true);
    expect(like('a\\_b', 'axb')).toBe(false);
    expect(like('a\\b', 'a\\b')).toBe(true);
    expect(like('a\\\\%', 'a\\%')).toBe(true);
  });

  it('ILIKE folds case, Unicode included; _ is one code point', () => {
    expect(like('straße', 'STRASSE', true)).toBe(false);
    expect(like('ÉCOLE%', 'école primaire', true)).toBe(true);
    expect(like('_', '😀')).toBe(true);
  });

  it('REGEX: a Java expression matching the whole text', () => {
    expect(regexPattern('abc-.*').test('abc-123')).toBe(true);
    expect(regexPattern('abc').test('xabc')).toBe(false);
    expect(regexPattern('(?i)abc').test('ABC')).toBe(true);
    expect(regexPattern('\\Qa.b\\E').test('a.b')).toBe(true);
    expect(regexPattern('\\Qa.b\\E').test('axb')).toBe(false);
    expect(regexPattern('\\p{Alpha}+\\d*+').test('abc12')).toBe(true);
    expect(regexPattern('\\++').test('++')).toBe(true);
    expect(() => regexPattern('(')).toThrow(expect.objectContaining({ className: 'java.util.regex.PatternSyntaxException' }));
  });
});
