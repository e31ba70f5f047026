// The member's TypeConverters: the value given to a predicate (from the client or parsed from
// SQL text) converted to the type of the attribute it is compared with, and Java's parsing of
// numbers, dates and UUIDs for it.
import { BigDecimal, LocalDate, LocalDateTime, LocalTime, OffsetDateTime, UUID } from '@hz/core';
import { illegalArgument, numberFormat } from './errors';
import { INT64_MAX, INT64_MIN, doubleToLong, equalDoubles, isNumeric, longValue, truncateDecimal } from './java-numbers';
import { javaDoubleToString, javaToString } from './java-text';
import { jv, type JValue } from './java-values';

const JAVA_INTEGER = /^[+-]?\d+$/;
const JAVA_DOUBLE = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fFdD]?$/;

/** `Long.parseLong`, or undefined when the text is not a long. */
function parseJavaLong(text: string): bigint | undefined {
  if (!JAVA_INTEGER.test(text)) return undefined;
  const value = BigInt(text);
  return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
}

/** `Double.parseDouble`: surrounding blanks ignored, a trailing f/d allowed; throws NumberFormatException. */
export function parseJavaDouble(text: string): number {
  const trimmed = text.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (!JAVA_DOUBLE.test(trimmed)) throw numberFormat(text);
  const body = trimmed.replace(/[fFdD]$/, '');
  return body.endsWith('NaN') ? Number.NaN : Number(body);
}

/** A string as a number for an integral attribute: a long when it is one, else a double (Java's Integer/LongConverter). */
function parseIntegral(text: string): JValue {
  const l = parseJavaLong(text);
  if (l !== undefined) return jv('long', l);
  const d = parseJavaDouble(text);
  const whole = doubleToLong(d);
  return equalDoubles(d, Number(whole)) ? jv('long', whole) : jv('double', d);
}

/** `new BigInteger(text)`. */
function parseBigInteger(text: string): bigint {
  if (!/^[+-]?\d+$/.test(text)) throw numberFormat(text);
  return BigInt(text);
}

/** `new BigDecimal(text)`. */
function parseBigDecimal(text: string): BigDecimal {
  try {
    return BigDecimal.fromString(text);
  } catch {
    throw numberFormat(text);
  }
}

/** `BigDecimal.valueOf(double)`: the decimal of Double.toString. */
function bigDecimalOfDouble(d: number): BigDecimal {
  if (!Number.isFinite(d)) throw numberFormat(javaDoubleToString(d));
  return BigDecimal.fromString(javaDoubleToString(d));
}



const ISO_DATE = /^([+-]?\d{4,9})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
const ISO_OFFSET = /^(.*?)(Z|[+-]\d{2}:\d{2}(?::\d{2})?)$/;

function parseLocalDate(text: string): LocalDate {
  const m = ISO_DATE.exec(text);
  if (m === null) throw illegalArgument(`Text '${text}' could not be parsed as a LocalDate`);
  return new LocalDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function parseLocalTime(text: string): LocalTime {
  const m = ISO_TIME.exec(text);
  if (m === null) throw illegalArgument(`Text '${text}' could not be parsed as a LocalTime`);
  return new LocalTime(Number(m[1]), Number(m[2]), Number(m[3] ?? 0), Number((m[4] ?? '').padEnd(9, '0')));
}

function parseLocalDateTime(text: string): LocalDateTime {
  const at = text.indexOf('T');
  if (at < 0) throw illegalArgument(`Text '${text}' could not be parsed as a LocalDateTime`);
  return new LocalDateTime(parseLocalDate(text.slice(0, at)), parseLocalTime(text.slice(at + 1)));
}

function parseOffsetDateTime(text: string): OffsetDateTime {
  const m = ISO_OFFSET.exec(text);
  if (m === null) throw illegalArgument(`Text '${text}' could not be parsed as an OffsetDateTime`);
  let offset = 0;
  if (m[2] !== 'Z') {
    const [h, min, s] = m[2].slice(1).split(':').map(Number);
    offset = (m[2][0] === '-' ? -1 : 1) * (h * 3600 + min * 60 + (s ?? 0));
  }
  return new OffsetDateTime(parseLocalDateTime(m[1]), offset);
}

/** A moment in ms as the member's default time zone (this process's) sees it. */
function localDateTimeOfMillis(ms: number): LocalDateTime {
  const d = new Date(ms);
  return LocalDateTime.from(d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds() * 1e6);
}

function cannotConvert(given: JValue, to: string): never {
  throw illegalArgument(`Cannot convert [${javaToString(given)}] to ${to}`);
}

/**
 * The member's `AbstractPredicate.convert`: the value given to a predicate (from the client or
 * parsed from SQL text) in the type of the attribute it is compared with. Numbers keep their
 * magnitude (the comparison is exact across types); strings are parsed for numbers, booleans,
 * dates; anything is a string for a string attribute.
 */
export function convertToAttributeType(attribute: JValue, given: JValue | null): JValue | null {
  if (given === null) return null;
  if (attribute.kind === given.kind) return given;
  switch (attribute.kind) {
    case 'byte':
    case 'short':
    case 'int':
    case 'long':
      if (isNumeric(given)) return given;
      if (given.kind === 'string') return parseIntegral(given.value);
      return cannotConvert(given, 'number');
    case 'float':
    case 'double':
      if (isNumeric(given)) return given;
      if (given.kind === 'string') return jv('double', parseJavaDouble(given.value));
      return cannotConvert(given, 'number');
    case 'bigInteger':
      if (given.kind === 'bigDecimal') return jv('bigInteger', truncateDecimal(given.value));
      if (isNumeric(given)) return jv('bigInteger', longValue(given));
      if (given.kind === 'boolean') return jv('bigInteger', given.value ? 1n : 0n);
      return jv('bigInteger', parseBigInteger(javaToString(given)));
    case 'bigDecimal':
      if (given.kind === 'bigInteger') return jv('bigDecimal', new BigDecimal(given.value, 0));
      if (given.kind === 'float' || given.kind === 'double') return jv('bigDecimal', bigDecimalOfDouble(given.value));
      if (isNumeric(given)) return jv('bigDecimal', new BigDecimal(longValue(given), 0));
      if (given.kind === 'boolean') return jv('bigDecimal', new BigDecimal(given.value ? 1n : 0n, 0));
      return jv('bigDecimal', parseBigDecimal(javaToString(given)));
    case 'boolean':
      if (given.kind === 'string') return jv('boolean', given.value.toLowerCase() === 'true');
      if (given.kind === 'long') return jv('boolean', BigInt.asIntN(32, given.value) !== 0n);
      if (isNumeric(given)) return jv('boolean', BigInt.asIntN(32, longValue(given)) !== 0n);
      return cannotConvert(given, 'boolean');
    case 'string':
      return jv('string', javaToString(given));
    case 'char':
      if (isNumeric(given)) return jv('char', String.fromCharCode(Number(BigInt.asUintN(16, longValue(given)))));
      if (given.kind === 'string' && given.value.length === 1) return jv('char', given.value);
      return cannotConvert(given, 'char');
    case 'enum': {
      const text = javaToString(given);
      return jv('enum', text.slice(text.lastIndexOf('.') + 1));
    }
    case 'date':
      if (isNumeric(given)) return jv('date', Number(longValue(given)));
      if (given.kind === 'string') {
        const ms = Date.parse(given.value);
        if (Number.isNaN(ms)) throw illegalArgument(`Unparseable date: "${given.value}"`);
        return jv('date', ms);
      }
      return cannotConvert(given, 'java.util.Date');
    case 'localDate':
      if (given.kind === 'string') return jv('localDate', parseLocalDate(given.value));
      if (isNumeric(given)) return jv('localDate', localDateTimeOfMillis(Number(longValue(given))).localDate);
      return cannotConvert(given, 'java.time.LocalDate');
    case 'localTime':
      if (given.kind === 'string') return jv('localTime', parseLocalTime(given.value));
      if (isNumeric(given)) return jv('localTime', localDateTimeOfMillis(Number(longValue(given))).localTime);
      return cannotConvert(given, 'java.time.LocalTime');
    case 'localDateTime':
      if (given.kind === 'string') return jv('localDateTime', parseLocalDateTime(given.value));
      if (isNumeric(given)) return jv('localDateTime', localDateTimeOfMillis(Number(longValue(given))));
      return cannotConvert(given, 'java.time.LocalDateTime');
    case 'offsetDateTime':
      if (given.kind === 'string') return jv('offsetDateTime', parseOffsetDateTime(given.value));
      if (isNumeric(given)) {
        const ms = Number(longValue(given));
        return jv('offsetDateTime', new OffsetDateTime(localDateTimeOfMillis(ms), -new Date(ms).getTimezoneOffset() * 60));
      }
      return cannotConvert(given, 'java.time.OffsetDateTime');
    case 'uuid':
      if (given.kind === 'string') {
        try {
          return jv('uuid', UUID.fromString(given.value));
        } catch {
          throw illegalArgument(`Invalid UUID string: ${given.value}`);
        }
      }
      return cannotConvert(given, 'java.util.UUID');
    default:
      return given;
  }
}
