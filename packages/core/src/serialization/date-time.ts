/*
 * The java.time values the member stores (type ids -51..-54), with the official Node.js
 * client's class names and constructor shapes. They carry nanoseconds and no time zone (except
 * OffsetDateTime's fixed offset), which a JavaScript Date cannot hold.
 */

function checkRange(value: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be an integer in [${min}, ${max}], got ${String(value)}`);
  }
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** A date without a time or a zone (Java `LocalDate`), type id -51. */
export class LocalDate {
  /**
   * @param year -999999999..999999999, as in Java
   * @param month 1..12
   * @param date day of the month, 1..28/29/30/31
   */
  constructor(
    readonly year: number,
    readonly month: number,
    readonly date: number,
  ) {
    checkRange(year, -999_999_999, 999_999_999, 'LocalDate year');
    checkRange(month, 1, 12, 'LocalDate month');
    const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
    checkRange(date, 1, days, `LocalDate day of ${year}-${pad(month, 2)}`);
  }

  /** ISO-8601 as Java prints it: `2021-06-28`, `+10000-01-01`, `-0001-01-01`. */
  toString(): string {
    const abs = Math.abs(this.year);
    const year = abs < 10000 ? (this.year < 0 ? '-' : '') + pad(abs, 4) : (this.year < 0 ? '-' : '+') + String(abs);
    return `${year}-${pad(this.month, 2)}-${pad(this.date, 2)}`;
  }
}

/** A time of day with nanoseconds and no zone (Java `LocalTime`), type id -52. */
export class LocalTime {
  constructor(
    readonly hour: number,
    readonly minute: number,
    readonly second: number,
    readonly nano: number,
  ) {
    checkRange(hour, 0, 23, 'LocalTime hour');
    checkRange(minute, 0, 59, 'LocalTime minute');
    checkRange(second, 0, 59, 'LocalTime second');
    checkRange(nano, 0, 999_999_999, 'LocalTime nano');
  }

  /** ISO-8601 as Java prints it: seconds only when set, fractions in groups of 3 digits. */
  toString(): string {
    let text = `${pad(this.hour, 2)}:${pad(this.minute, 2)}`;
    if (this.second === 0 && this.nano === 0) return text;
    text += `:${pad(this.second, 2)}`;
    if (this.nano === 0) return text;
    if (this.nano % 1_000_000 === 0) return `${text}.${pad(this.nano / 1_000_000, 3)}`;
    if (this.nano % 1000 === 0) return `${text}.${pad(this.nano / 1000, 6)}`;
    return `${text}.${pad(this.nano, 9)}`;
  }
}

/** A date and a time without a zone (Java `LocalDateTime`), type id -53. */
export class LocalDateTime {
  constructor(
    readonly localDate: LocalDate,
    readonly localTime: LocalTime,
  ) {}

  /** Builds one from its fields; month is 1..12. */
  static from(year: number, month: number, date: number, hour: number, minute: number, second: number, nano: number): LocalDateTime {
    return new LocalDateTime(new LocalDate(year, month, date), new LocalTime(hour, minute, second, nano));
  }

  toString(): string {
    return `${this.localDate.toString()}T${this.localTime.toString()}`;
  }
}

/** A date and a time with a fixed offset from UTC (Java `OffsetDateTime`), type id -54. */
export class OffsetDateTime {
  /** @param offsetSeconds -64800..64800 (±18:00), as in Java */
  constructor(
    readonly localDateTime: LocalDateTime,
    readonly offsetSeconds: number,
  ) {
    checkRange(offsetSeconds, -64800, 64800, 'OffsetDateTime offsetSeconds');
  }

  /** Builds one from its fields; month is 1..12. */
  static from(
    year: number,
    month: number,
    date: number,
    hour: number,
    minute: number,
    second: number,
    nano: number,
    offsetSeconds: number,
  ): OffsetDateTime {
    return new OffsetDateTime(LocalDateTime.from(year, month, date, hour, minute, second, nano), offsetSeconds);
  }

  toString(): string {
    if (this.offsetSeconds === 0) return `${this.localDateTime.toString()}Z`;
    const abs = Math.abs(this.offsetSeconds);
    const seconds = abs % 60;
    const offset = `${this.offsetSeconds < 0 ? '-' : '+'}${pad(Math.floor(abs / 3600), 2)}:${pad(Math.floor(abs / 60) % 60, 2)}`;
    return `${this.localDateTime.toString()}${offset}${seconds === 0 ? '' : `:${pad(seconds, 2)}`}`;
  }
}
