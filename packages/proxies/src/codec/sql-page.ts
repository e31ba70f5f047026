// Hand-written codec of the protocol's SqlPage: the protocol definitions declare SqlPage as a
// built-in type, so the code generator cannot produce it. The wire form follows the Java client's
// SqlPageCodec (and its ListCN*, ListMultiFrame, BigDecimal and HazelcastJsonValue codecs):
//
//   BEGIN
//   frame: 1 byte isLast
//   frame: packed int32 column type ids
//   one encoding per column, chosen by its type (see COLUMN_CODECS)
//   END
import Long from 'long';
import { MalformedMessageError } from '@hz/core';
import {
  FIXED_INT,
  FRAME_HEADER_SIZE,
  readData,
  readFixedList,
  readListNullable,
  readLongLE,
  readString,
  sizeData,
  sizeFixedList,
  sizeListNullable,
  sizeString,
  writeData,
  writeFixedList,
  writeListNullable,
  writeLongLE,
  writeString,
  type Data,
  type FrameCursor,
  type LongLike,
  type MessageWriter,
} from '@hz/core/codec';

/**
 * Ids of the SQL column types, as the member sends them (Java `com.hazelcast.sql.SqlColumnType`).
 * They decide how a column of a {@link SqlPage} is encoded.
 */
export const SqlColumnType = {
  /** Values are `string`. */
  VARCHAR: 0,
  /** Values are `boolean`. */
  BOOLEAN: 1,
  /** Values are `number`, a signed 8-bit integer. */
  TINYINT: 2,
  /** Values are `number`, a signed 16-bit integer. */
  SMALLINT: 3,
  /** Values are `number`, a signed 32-bit integer. */
  INTEGER: 4,
  /** Values are `Long` (written from a `Long`, a safe integer `number` or a `bigint`). */
  BIGINT: 5,
  /** Values are {@link SqlDecimal}. */
  DECIMAL: 6,
  /** Values are `number`, sent as a 32-bit float (so written values lose precision). */
  REAL: 7,
  /** Values are `number`, a 64-bit float. */
  DOUBLE: 8,
  /** Values are {@link SqlLocalDate}. */
  DATE: 9,
  /** Values are {@link SqlLocalTime}. */
  TIME: 10,
  /** Values are {@link SqlLocalDateTime}. */
  TIMESTAMP: 11,
  /** Values are {@link SqlOffsetDateTime}. */
  TIMESTAMP_WITH_TIME_ZONE: 12,
  /** Values are serialized objects (`Data`), deserialized by the caller. */
  OBJECT: 13,
  /** The type of the SQL `NULL` literal: every value is `null`. */
  NULL: 14,
  /** Values are the JSON text as a `string` (Java `HazelcastJsonValue`). */
  JSON: 15,
} as const;

/**
 * One page of the rows of an SQL result, stored by column: `columns[i]` holds the values of
 * column `i`, one per row, typed as described by {@link SqlColumnType} for `columnTypes[i]`,
 * with `null` for SQL nulls.
 */
export interface SqlPage {
  /** True when no page follows this one. */
  isLast: boolean;
  /** A {@link SqlColumnType} id per column. */
  columnTypes: number[];
  /** The values of each column, one per row. */
  columns: unknown[][];
}

/** A DATE value (Java `LocalDate`): no calendar validation, the member sends valid dates. */
export interface SqlLocalDate {
  year: number;
  /** 1 to 12. */
  month: number;
  /** 1 to 31. */
  day: number;
}

/** A TIME value (Java `LocalTime`). */
export interface SqlLocalTime {
  hour: number;
  minute: number;
  second: number;
  /** Nanoseconds within the second. */
  nano: number;
}

/** A TIMESTAMP value (Java `LocalDateTime`): a date and a time without a time zone. */
export interface SqlLocalDateTime {
  date: SqlLocalDate;
  time: SqlLocalTime;
}

/** A TIMESTAMP_WITH_TIME_ZONE value (Java `OffsetDateTime`): a local date-time and its offset from UTC. */
export interface SqlOffsetDateTime {
  dateTime: SqlLocalDateTime;
  /** Offset from UTC in seconds (e.g. 7200 for +02:00). */
  offsetSeconds: number;
}

/**
 * A DECIMAL value (Java `BigDecimal`): `unscaled * 10^-scale`. Kept exact as a bigint, since
 * decimals are used where a double's rounding is not acceptable.
 */
export interface SqlDecimal {
  unscaled: bigint;
  scale: number;
}

const FRAME = FRAME_HEADER_SIZE;
const INT32_MIN = -0x8000_0000;
const INT32_MAX = 0x7fff_ffff;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** How one column type is encoded. Values are `unknown` because a page mixes column types. */
interface ColumnCodec {
  size(values: readonly unknown[]): number;
  write(w: MessageWriter, values: readonly unknown[]): void;
  read(c: FrameCursor): unknown[];
}

/** Writers receive `unknown` values: this checks and narrows them, so a wrong value fails loudly instead of being written as garbage. */
function expect<T>(v: unknown, is: (v: unknown) => v is T, what: string): T {
  if (is(v)) return v;
  throw new TypeError(`SqlPage: expected ${what} or null, got ${describe(v)}`);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return v.constructor?.name ?? 'object';
  return typeof v === 'string' ? JSON.stringify(v) : `${typeof v} ${String(v)}`;
}

/** Buffer's writers check only the range, so a fraction would be truncated silently: reject it first. */
function isIntIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

const isInt8 = (v: unknown): v is number => isIntIn(v, -0x80, 0x7f);
const isInt32 = (v: unknown): v is number => isIntIn(v, INT32_MIN, INT32_MAX);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function malformed(message: string): never {
  throw new MalformedMessageError(`SqlPage: ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Fixed-size columns ("contains nullable" lists, Java ListCNFixedSizeCodec): a single frame of
//   int8 mode, int32 count, then
//   mode 1 (all null): nothing;
//   mode 2 (none null): count packed values;
//   mode 3 (mixed): per group of 8 items a bitmask byte (bit i set = item i of the group is not
//     null) followed by the group's non-null values packed.
// A column without rows is written in mode 1, as Java does.

const ALL_NULL = 1;
const NONE_NULL = 2;
const MIXED = 3;
/** Mode byte and int32 count. */
const CN_HEADER_SIZE = 5;
const ITEMS_PER_BITMASK = 8;

/** One fixed-size value type: its byte layout, and the check of values given to the writer. */
interface FixedElement<W, R = W> {
  readonly size: number;
  readonly what: string;
  is(v: unknown): v is W;
  write(buf: Buffer, at: number, v: W): void;
  read(buf: Buffer, at: number): R;
}

const BOOLEAN: FixedElement<boolean> = {
  size: 1,
  what: 'a boolean',
  is: (v): v is boolean => typeof v === 'boolean',
  write: (buf, at, v) => {
    buf[at] = v ? 1 : 0;
  },
  // Java decodes a boolean as `byte == 1`; do the same so both sides agree on odd bytes.
  read: (buf, at) => buf[at] === 1,
};

const TINYINT: FixedElement<number> = {
  size: 1,
  what: 'an 8-bit integer',
  is: isInt8,
  write: (buf, at, v) => buf.writeInt8(v, at),
  read: (buf, at) => buf.readInt8(at),
};

const SMALLINT: FixedElement<number> = {
  size: 2,
  what: 'a 16-bit integer',
  is: (v): v is number => isIntIn(v, -0x8000, 0x7fff),
  write: (buf, at, v) => buf.writeInt16LE(v, at),
  read: (buf, at) => buf.readInt16LE(at),
};

const INTEGER: FixedElement<number> = {
  size: 4,
  what: 'a 32-bit integer',
  is: isInt32,
  write: (buf, at, v) => buf.writeInt32LE(v, at),
  read: (buf, at) => buf.readInt32LE(at),
};

const BIGINT: FixedElement<LongLike, Long> = {
  size: 8,
  what: 'a Long, a safe integer or a 64-bit bigint',
  // writeLongLE wraps a bigint to 64 bits, so out-of-range bigints are rejected here.
  is: (v): v is LongLike =>
    Long.isLong(v) || (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'bigint' && v >= INT64_MIN && v <= INT64_MAX),
  write: (buf, at, v) => writeLongLE(buf, v, at),
  read: readLongLE,
};

const REAL: FixedElement<number> = {
  size: 4,
  what: 'a number',
  is: (v): v is number => typeof v === 'number',
  write: (buf, at, v) => buf.writeFloatLE(v, at),
  read: (buf, at) => buf.readFloatLE(at),
};

const DOUBLE: FixedElement<number> = {
  size: 8,
  what: 'a number',
  is: (v): v is number => typeof v === 'number',
  write: (buf, at, v) => buf.writeDoubleLE(v, at),
  read: (buf, at) => buf.readDoubleLE(at),
};

/** int32 year, int8 month, int8 day. */
const DATE: FixedElement<SqlLocalDate> = {
  size: 6,
  what: 'a SqlLocalDate {year, month, day}',
  is: (v): v is SqlLocalDate => isObject(v) && isInt32(v.year) && isInt8(v.month) && isInt8(v.day),
  write: (buf, at, v) => {
    buf.writeInt32LE(v.year, at);
    buf.writeInt8(v.month, at + 4);
    buf.writeInt8(v.day, at + 5);
  },
  read: (buf, at) => ({ year: buf.readInt32LE(at), month: buf.readInt8(at + 4), day: buf.readInt8(at + 5) }),
};

/** int8 hour, int8 minute, int8 second, int32 nano. */
const TIME: FixedElement<SqlLocalTime> = {
  size: 7,
  what: 'a SqlLocalTime {hour, minute, second, nano}',
  is: (v): v is SqlLocalTime => isObject(v) && isInt8(v.hour) && isInt8(v.minute) && isInt8(v.second) && isInt32(v.nano),
  write: (buf, at, v) => {
    buf.writeInt8(v.hour, at);
    buf.writeInt8(v.minute, at + 1);
    buf.writeInt8(v.second, at + 2);
    buf.writeInt32LE(v.nano, at + 3);
  },
  read: (buf, at) => ({ hour: buf.readInt8(at), minute: buf.readInt8(at + 1), second: buf.readInt8(at + 2), nano: buf.readInt32LE(at + 3) }),
};

/** The date, then the time. */
const TIMESTAMP: FixedElement<SqlLocalDateTime> = {
  size: DATE.size + TIME.size,
  what: 'a SqlLocalDateTime {date, time}',
  is: (v): v is SqlLocalDateTime => isObject(v) && DATE.is(v.date) && TIME.is(v.time),
  write: (buf, at, v) => {
    DATE.write(buf, at, v.date);
    TIME.write(buf, at + DATE.size, v.time);
  },
  read: (buf, at) => ({ date: DATE.read(buf, at), time: TIME.read(buf, at + DATE.size) }),
};

/** The local date-time, then the int32 offset in seconds. */
const TIMESTAMP_WITH_TIME_ZONE: FixedElement<SqlOffsetDateTime> = {
  size: TIMESTAMP.size + 4,
  what: 'a SqlOffsetDateTime {dateTime, offsetSeconds}',
  is: (v): v is SqlOffsetDateTime => isObject(v) && TIMESTAMP.is(v.dateTime) && isInt32(v.offsetSeconds),
  write: (buf, at, v) => {
    TIMESTAMP.write(buf, at, v.dateTime);
    buf.writeInt32LE(v.offsetSeconds, at + TIMESTAMP.size);
  },
  read: (buf, at) => ({ dateTime: TIMESTAMP.read(buf, at), offsetSeconds: buf.readInt32LE(at + TIMESTAMP.size) }),
};

function countNonNull(values: readonly unknown[]): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== null) n++;
  return n;
}

/** Content bytes of a fixed-size column frame; the mode follows from the null count. */
function fixedContentSize(count: number, nonNull: number, itemSize: number): number {
  if (nonNull === 0) return CN_HEADER_SIZE;
  if (nonNull === count) return CN_HEADER_SIZE + count * itemSize;
  return CN_HEADER_SIZE + nonNull * itemSize + Math.ceil(count / ITEMS_PER_BITMASK);
}

function fixedColumn<W, R>(e: FixedElement<W, R>): ColumnCodec {
  return {
    size: (values) => FRAME + fixedContentSize(values.length, countNonNull(values), e.size),

    write: (w, values) => {
      const count = values.length;
      const nonNull = countNonNull(values);
      w.frame(fixedContentSize(count, nonNull, e.size));
      // The runtime's MessageWriter has no 16-bit or double writers, so values go straight into
      // its buffer at its position, which is advanced once the frame is complete.
      const buf = w.buf;
      let at = w.pos;
      buf.writeInt8(nonNull === 0 ? ALL_NULL : nonNull === count ? NONE_NULL : MIXED, at);
      buf.writeInt32LE(count, at + 1);
      at += CN_HEADER_SIZE;
      if (nonNull === count) {
        for (let i = 0; i < count; i++, at += e.size) e.write(buf, at, expect(values[i], e.is, e.what));
      } else if (nonNull !== 0) {
        for (let group = 0; group < count; group += ITEMS_PER_BITMASK) {
          const groupEnd = Math.min(group + ITEMS_PER_BITMASK, count);
          let bitmask = 0;
          for (let i = group; i < groupEnd; i++) if (values[i] !== null) bitmask |= 1 << (i - group);
          buf[at++] = bitmask;
          for (let i = group; i < groupEnd; i++) {
            const v = values[i];
            if (v === null) continue;
            e.write(buf, at, expect(v, e.is, e.what));
            at += e.size;
          }
        }
      }
      w.pos = at;
    },

    read: (c) => {
      c.next();
      const { buf, start, stop } = c;
      if (stop - start < CN_HEADER_SIZE) malformed('fixed-size column frame shorter than its header');
      const mode = buf.readInt8(start);
      const count = buf.readInt32LE(start + 1);
      if (count < 0) malformed(`negative row count ${count}`);
      let at = start + CN_HEADER_SIZE;
      switch (mode) {
        case ALL_NULL:
          return new Array<null>(count).fill(null);
        case NONE_NULL: {
          // Checked up front so that a bad count cannot read into the next frame.
          if (stop - at < count * e.size) malformed(`${count} values do not fit their frame`);
          const out = new Array<R>(count);
          for (let i = 0; i < count; i++, at += e.size) out[i] = e.read(buf, at);
          return out;
        }
        case MIXED: {
          if (stop - at < Math.ceil(count / ITEMS_PER_BITMASK)) malformed(`${count} values do not fit their frame`);
          const out = new Array<R | null>(count);
          for (let i = 0; i < count; ) {
            if (at >= stop) malformed('null bitmask past the end of its frame');
            const bitmask = buf[at++];
            for (let bit = 0; bit < ITEMS_PER_BITMASK && i < count; bit++, i++) {
              if ((bitmask & (1 << bit)) === 0) {
                out[i] = null;
              } else {
                if (stop - at < e.size) malformed('value past the end of its frame');
                out[i] = e.read(buf, at);
                at += e.size;
              }
            }
          }
          return out;
        }
        default:
          return malformed(`unknown null mode ${mode} of a fixed-size column`);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Variable-size columns: BEGIN, per row a value's frames or a null frame, END.

/** One variable-size value type: its frames, and the check of values given to the writer. */
interface FrameElement<T> {
  readonly what: string;
  is(v: unknown): v is T;
  size(v: T): number;
  write(w: MessageWriter, v: T): void;
  read(c: FrameCursor): T;
}

function listColumn<T>(e: FrameElement<T>): ColumnCodec {
  // The runtime's nullable-list codecs handle BEGIN, null frames and END; `unknown` elements are
  // narrowed per value so that a value of the wrong type throws instead of being miswritten.
  const size = (v: unknown): number => e.size(expect(v, e.is, e.what));
  const write = (w: MessageWriter, v: unknown): void => e.write(w, expect(v, e.is, e.what));
  return {
    size: (values) => sizeListNullable(values, size),
    write: (w, values) => writeListNullable(w, values, write),
    read: (c) => readListNullable(c, e.read),
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** A string frame. */
const VARCHAR: FrameElement<string> = {
  what: 'a string',
  is: isString,
  size: sizeString,
  write: writeString,
  read: readString,
};

/**
 * JSON values travel as the HazelcastJsonValue custom type, a data structure with one string
 * field: BEGIN, string frame, END (not a bare string frame like VARCHAR).
 */
const JSON_VALUE: FrameElement<string> = {
  what: 'a JSON string',
  is: isString,
  size: (v) => 2 * FRAME + sizeString(v),
  write: (w, v) => {
    w.begin();
    writeString(w, v);
    w.end();
  },
  read: (c) => {
    c.next();
    const value = readString(c);
    // Like every custom type, skip fields that a newer member may have appended.
    c.skipToEnd();
    return value;
  },
};

/** A serialized object frame; the value read is a view into the message, not a copy. */
const OBJECT: FrameElement<Data> = {
  what: 'Data',
  is: (v): v is Data => isObject(v) && typeof v.toBuffer === 'function' && typeof v.totalSize === 'function',
  size: sizeData,
  write: writeData,
  read: readData,
};

/**
 * The unscaled value as Java's `BigInteger.toByteArray()` gives it, in hex: big-endian two's
 * complement in the fewest bytes that keep the sign bit (so 0 is one byte, 128 is two).
 */
function unscaledHex(v: bigint): string {
  const magnitude = v < 0n ? ~v : v;
  const bits = magnitude === 0n ? 0 : magnitude.toString(2).length;
  const bytes = (bits >> 3) + 1;
  return BigInt.asUintN(bytes * 8, v).toString(16).padStart(bytes * 2, '0');
}

/** A frame of int32 byte count, the unscaled value's bytes (see {@link unscaledHex}), int32 scale. */
const DECIMAL: FrameElement<SqlDecimal> = {
  what: 'a SqlDecimal {unscaled: bigint, scale}',
  is: (v): v is SqlDecimal => isObject(v) && typeof v.unscaled === 'bigint' && isInt32(v.scale),
  size: (v) => FRAME + 8 + unscaledHex(v.unscaled).length / 2,
  write: (w, v) => {
    const hex = unscaledHex(v.unscaled);
    const n = hex.length / 2;
    w.frame(8 + n);
    w.int(n);
    w.buf.write(hex, w.pos, n, 'hex');
    w.pos += n;
    w.int(v.scale);
  },
  read: (c) => {
    c.next();
    const length = c.stop - c.start;
    if (length < 4) malformed('decimal frame shorter than its length field');
    const n = c.int(0);
    if (n < 0 || length < 8 + n) malformed(`decimal of ${n} bytes does not fit its frame`);
    const hex = c.buf.toString('hex', c.start + 4, c.start + 4 + n);
    // Java rejects an empty magnitude; reading it as 0 is the lenient equivalent.
    const unscaled = n === 0 ? 0n : BigInt.asIntN(n * 8, BigInt(`0x${hex}`));
    return { unscaled, scale: c.int(4 + n) };
  },
};

// ---------------------------------------------------------------------------------------------
// NULL columns carry no values, only the int32 row count in a frame of its own.

const NULL_COLUMN: ColumnCodec = {
  size: () => FRAME + 4,
  write: (w, values) => {
    for (const v of values) expect(v, (x): x is null => x === null, 'null (the only value of a NULL column)');
    w.frame(4);
    w.int(values.length);
  },
  read: (c) => {
    c.next();
    if (c.stop - c.start < 4) malformed('NULL column frame shorter than its row count');
    const count = c.int(0);
    if (count < 0) malformed(`negative row count ${count}`);
    return new Array<null>(count).fill(null);
  },
};

const COLUMN_CODECS: ReadonlyMap<number, ColumnCodec> = new Map([
  [SqlColumnType.VARCHAR, listColumn(VARCHAR)],
  [SqlColumnType.BOOLEAN, fixedColumn(BOOLEAN)],
  [SqlColumnType.TINYINT, fixedColumn(TINYINT)],
  [SqlColumnType.SMALLINT, fixedColumn(SMALLINT)],
  [SqlColumnType.INTEGER, fixedColumn(INTEGER)],
  [SqlColumnType.BIGINT, fixedColumn(BIGINT)],
  [SqlColumnType.DECIMAL, listColumn(DECIMAL)],
  [SqlColumnType.REAL, fixedColumn(REAL)],
  [SqlColumnType.DOUBLE, fixedColumn(DOUBLE)],
  [SqlColumnType.DATE, fixedColumn(DATE)],
  [SqlColumnType.TIME, fixedColumn(TIME)],
  [SqlColumnType.TIMESTAMP, fixedColumn(TIMESTAMP)],
  [SqlColumnType.TIMESTAMP_WITH_TIME_ZONE, fixedColumn(TIMESTAMP_WITH_TIME_ZONE)],
  [SqlColumnType.OBJECT, listColumn(OBJECT)],
  [SqlColumnType.NULL, NULL_COLUMN],
  [SqlColumnType.JSON, listColumn(JSON_VALUE)],
]);

/** Codecs of a page's columns, after checking that its shape can be written. */
function codecsToWrite(v: SqlPage): ColumnCodec[] {
  if (v.columns.length !== v.columnTypes.length) {
    throw new TypeError(`SqlPage: ${v.columnTypes.length} column types but ${v.columns.length} columns`);
  }
  // The member reads rows across columns, so ragged columns would corrupt the page.
  const rows = v.columns.length === 0 ? 0 : v.columns[0].length;
  return v.columnTypes.map((type, i) => {
    const codec = COLUMN_CODECS.get(type);
    if (codec === undefined) throw new TypeError(`SqlPage: unknown column type id ${type} of column ${i}`);
    if (v.columns[i].length !== rows) {
      throw new TypeError(`SqlPage: column ${i} has ${v.columns[i].length} values, column 0 has ${rows}`);
    }
    return codec;
  });
}

/** Encoded size of a SqlPage in bytes, frame headers included. Throws TypeError for a page that cannot be written. */
export function sizeSqlPage(v: SqlPage): number {
  const codecs = codecsToWrite(v);
  // BEGIN, isLast frame, column types frame, END.
  let n = FRAME + (FRAME + 1) + sizeFixedList(v.columnTypes, FIXED_INT) + FRAME;
  for (let i = 0; i < codecs.length; i++) n += codecs[i].size(v.columns[i]);
  return n;
}

/**
 * Writes a SqlPage as a data structure. Values are checked against their column's type, and a
 * mismatch throws TypeError (the message being written must then be dropped).
 */
export function writeSqlPage(w: MessageWriter, v: SqlPage): void {
  const codecs = codecsToWrite(v);
  w.begin();
  w.frame(1);
  w.bool(v.isLast);
  writeFixedList(w, v.columnTypes, FIXED_INT);
  for (let i = 0; i < codecs.length; i++) codecs[i].write(w, v.columns[i]);
  w.end();
}

/**
 * Reads a SqlPage, skipping anything a newer member appended after the columns. OBJECT values
 * are views into the message buffer. Throws MalformedMessageError for a column type this client
 * does not know, as the rest of the page cannot be located without it.
 */
export function readSqlPage(c: FrameCursor): SqlPage {
  c.next();
  c.next();
  if (c.stop === c.start) malformed('empty isLast frame');
  // Java reads the flag as `byte == 1`.
  const isLast = c.buf[c.start] === 1;
  const columnTypes = readFixedList(c, FIXED_INT);
  const columns = columnTypes.map((type) => {
    const codec = COLUMN_CODECS.get(type);
    return codec === undefined ? malformed(`unknown column type id ${type}`) : codec.read(c);
  });
  c.skipToEnd();
  return { isLast, columnTypes, columns };
}
