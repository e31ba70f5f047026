// The hand-written SqlPage codec: round trips of every column type in every null mode, exact
// bytes of the wire layouts taken from the Java client, and the protocol conformance vector.
import { readFileSync } from 'node:fs';
import Long from 'long';
import { MalformedMessageError } from '@hz/core';
import { FIXED_INT, FrameCursor, HeapData, IS_FINAL_FLAG, MessageWriter, writeFixedList, type ClientMessage, type Data } from '@hz/core/codec';
import { readSqlPage, sizeSqlPage, SqlColumnType, writeSqlPage, type SqlDecimal, type SqlPage } from '../../src/codec/sql-page';
import { sharedPath } from '../../../../test/support/shared';

/** Writes the page as the only thing after a response's initial frame; finish() checks the size. */
function encode(p: SqlPage): ClientMessage {
  const w = MessageWriter.response(0, 0, sizeSqlPage(p));
  writeSqlPage(w, p);
  return w.finish();
}

/** Length of a message's initial frame, i.e. where the page's frames start. */
function initialFrameLength(m: ClientMessage): number {
  return m.buffer.readInt32LE(0);
}

/** The page's frames as written: the IS_FINAL flag that finish() puts on the last frame is cleared, as inside a larger message. */
function pageBytes(m: ClientMessage): Buffer {
  const bytes = Buffer.from(m.buffer.subarray(initialFrameLength(m)));
  let at = 0;
  let last = 0;
  while (at < bytes.length) {
    last = at;
    at += bytes.readInt32LE(at);
  }
  bytes.writeUInt16LE(bytes.readUInt16LE(last + 4) & ~IS_FINAL_FLAG, last + 4);
  return bytes;
}

function decode(m: ClientMessage): SqlPage {
  const c = m.cursor();
  c.next();
  const page = readSqlPage(c);
  expect(c.hasNext()).toBe(false);
  return page;
}

function roundTrip(p: SqlPage): SqlPage {
  const m = encode(p);
  expect(m.buffer.length).toBe(initialFrameLength(m) + sizeSqlPage(p));
  return decode(m);
}

/** Frames as hex, header included: length (LE int32), flags (LE uint16), content. */
function frame(flags: number, contentHex: string): string {
  const header = Buffer.alloc(6);
  header.writeInt32LE(6 + contentHex.length / 2, 0);
  header.writeUInt16LE(flags, 4);
  return header.toString('hex') + contentHex;
}
const BEGIN = frame(0x1000, '');
const END = frame(0x0800, '');
const NULL = frame(0x0400, '');
const int32 = (v: number): string => {
  const b = Buffer.alloc(4);
  b.writeInt32LE(v);
  return b.toString('hex');
};
/** Frames of a page with one column, given that column's frames. */
function onePage(type: number, columnHex: string, isLast = true): string {
  return BEGIN + frame(0, isLast ? '01' : '00') + frame(0, int32(type)) + columnHex + END;
}
function page(type: number, values: unknown[], isLast = true): SqlPage {
  return { isLast, columnTypes: [type], columns: [values] };
}

const data = (hex: string): Data => new HeapData(Buffer.from(hex, 'hex'));

describe('SqlColumnType', () => {
  it('has the Hazelcast ids', () => {
    expect(SqlColumnType).toEqual({
      VARCHAR: 0,
      BOOLEAN: 1,
      TINYINT: 2,
      SMALLINT: 3,
      INTEGER: 4,
      BIGINT: 5,
      DECIMAL: 6,
      REAL: 7,
      DOUBLE: 8,
      DATE: 9,
      TIME: 10,
      TIMESTAMP: 11,
      TIMESTAMP_WITH_TIME_ZONE: 12,
      OBJECT: 13,
      NULL: 14,
      JSON: 15,
    });
  });
});

describe('SqlPage conformance vector', () => {
  interface Vector {
    service: string;
    method: string;
    part: string;
    plain: { offset: number; length: number };
  }
  const index: { messages: Vector[] } = JSON.parse(readFileSync(sharedPath('protocol/vectors/index.json'), 'utf8'));
  const bin = readFileSync(sharedPath('protocol/vectors/messages.bin'));
  const vectorPage: SqlPage = { isLast: true, columnTypes: [SqlColumnType.INTEGER], columns: [[1, 2, 3, 4]] };

  function vectorMessage(method: string): Buffer {
    const v = index.messages.find((m) => m.service === 'Sql' && m.method === method && m.part === 'response');
    if (v === undefined) throw new Error(`no Sql.${method} response vector`);
    return bin.subarray(v.plain.offset, v.plain.offset + v.plain.length);
  }

  it('decodes the page of the fetch response (the first field after the initial frame)', () => {
    const c = new FrameCursor(vectorMessage('fetch'));
    c.next();
    expect(readSqlPage(c)).toEqual(vectorPage);
  });

  it('decodes the page of the execute response (after the row metadata list)', () => {
    const c = new FrameCursor(vectorMessage('execute'));
    c.next();
    // Skip rowMetadata, a list of data structures.
    c.next();
    c.skipToEnd();
    expect(readSqlPage(c)).toEqual(vectorPage);
  });

  it('writes the bytes of the vector exactly', () => {
    const vector = vectorMessage('fetch');
    const c = new FrameCursor(vector);
    c.next();
    const from = c.stop;
    readSqlPage(c);
    const expected = vector.subarray(from, c.stop);
    expect(pageBytes(encode(vectorPage)).toString('hex')).toBe(expected.toString('hex'));
    // And the layout the brief describes, spelled out.
    expect(expected.toString('hex')).toBe(onePage(SqlColumnType.INTEGER, frame(0, '02' + int32(4) + int32(1) + int32(2) + int32(3) + int32(4))));
  });
});

describe('fixed-size columns', () => {
  it('writes all-null, none-null and mixed modes as the Java ListCNFixedSizeCodec does', () => {
    const ints = (values: Array<number | null>): string => pageBytes(encode(page(SqlColumnType.INTEGER, values))).toString('hex');
    expect(ints([null, null])).toBe(onePage(4, frame(0, '01' + int32(2))));
    expect(ints([])).toBe(onePage(4, frame(0, '01' + int32(0))));
    expect(ints([7, -1])).toBe(onePage(4, frame(0, '02' + int32(2) + int32(7) + int32(-1))));
    // Mixed: bitmask 0b101 (items 0 and 2 present), then the present values.
    expect(ints([1, null, 3])).toBe(onePage(4, frame(0, '03' + int32(3) + '05' + int32(1) + int32(3))));
    // Ten items: a bitmask per group of eight, each before its group's values.
    const ten = [null, 1, null, null, null, null, null, null, 2, null];
    expect(ints(ten)).toBe(onePage(4, frame(0, '03' + int32(10) + '02' + int32(1) + '01' + int32(2))));
    // A bitmask with its top bit set.
    const eight = [null, null, null, null, null, null, null, 5];
    expect(ints(eight)).toBe(onePage(4, frame(0, '03' + int32(8) + '80' + int32(5))));
  });

  it('writes dates and times in the Java layouts', () => {
    const date = { year: 2024, month: 2, day: 29 };
    const time = { hour: 23, minute: 59, second: 58, nano: 123456789 };
    const bytes = (type: number, v: unknown): string => pageBytes(encode(page(type, [v]))).toString('hex');
    expect(bytes(SqlColumnType.DATE, date)).toBe(onePage(9, frame(0, '02' + int32(1) + int32(2024) + '021d')));
    expect(bytes(SqlColumnType.TIME, time)).toBe(onePage(10, frame(0, '02' + int32(1) + '173b3a' + int32(123456789))));
    expect(bytes(SqlColumnType.TIMESTAMP, { date, time })).toBe(onePage(11, frame(0, '02' + int32(1) + int32(2024) + '021d' + '173b3a' + int32(123456789))));
    expect(bytes(SqlColumnType.TIMESTAMP_WITH_TIME_ZONE, { dateTime: { date, time }, offsetSeconds: -3600 })).toBe(
      onePage(12, frame(0, '02' + int32(1) + int32(2024) + '021d' + '173b3a' + int32(123456789) + int32(-3600))),
    );
  });

  const date = (year: number, month: number, day: number) => ({ year, month, day });
  const time = (hour: number, minute: number, second: number, nano: number) => ({ hour, minute, second, nano });
  const cases: Array<[string, number, unknown[]]> = [
    ['BOOLEAN', SqlColumnType.BOOLEAN, [true, false, true]],
    ['TINYINT', SqlColumnType.TINYINT, [-128, 0, 127]],
    ['SMALLINT', SqlColumnType.SMALLINT, [-32768, 1, 32767]],
    ['INTEGER', SqlColumnType.INTEGER, [-2147483648, 0, 2147483647]],
    ['BIGINT', SqlColumnType.BIGINT, [Long.MIN_VALUE, Long.fromNumber(-5), Long.MAX_VALUE]],
    ['REAL', SqlColumnType.REAL, [1.5, -0.25, Math.fround(0.1)]],
    ['DOUBLE', SqlColumnType.DOUBLE, [0.1, -1e300, Number.MAX_VALUE]],
    ['DATE', SqlColumnType.DATE, [date(2024, 2, 29), date(-999, 1, 1), date(1970, 12, 31)]],
    ['TIME', SqlColumnType.TIME, [time(0, 0, 0, 0), time(23, 59, 59, 999999999), time(12, 30, 1, 5)]],
    ['TIMESTAMP', SqlColumnType.TIMESTAMP, [{ date: date(2000, 1, 1), time: time(1, 2, 3, 4) }, { date: date(1, 1, 1), time: time(0, 0, 0, 0) }, { date: date(9999, 12, 31), time: time(23, 59, 59, 999999999) }]],
    [
      'TIMESTAMP_WITH_TIME_ZONE',
      SqlColumnType.TIMESTAMP_WITH_TIME_ZONE,
      [
        { dateTime: { date: date(2000, 1, 1), time: time(1, 2, 3, 4) }, offsetSeconds: 0 },
        { dateTime: { date: date(2021, 6, 15), time: time(8, 0, 0, 0) }, offsetSeconds: -18 * 3600 },
        { dateTime: { date: date(2021, 6, 15), time: time(8, 0, 0, 0) }, offsetSeconds: 18 * 3600 },
      ],
    ],
  ];

  it.each(cases)('round-trips %s in every null mode', (_name, type, values) => {
    const [a, b, c] = values;
    const variants: unknown[][] = [
      values, // none null
      [null, null, null], // all null
      [a, null, b, null, null, c, null, null, null, a, b], // mixed, two bitmask groups
      [null, a], // mixed
      [], // no rows
    ];
    for (const column of variants) {
      expect(roundTrip(page(type, column))).toEqual(page(type, column));
    }
  });

  it('reads REAL values as the float32 the member holds', () => {
    expect(roundTrip(page(SqlColumnType.REAL, [0.1])).columns[0]).toEqual([Math.fround(0.1)]);
  });

  it('writes BIGINT from safe integers and bigints, reading them back as Long', () => {
    const read = roundTrip(page(SqlColumnType.BIGINT, [-1, 2n ** 62n, null])).columns[0];
    expect(read).toEqual([Long.fromNumber(-1), Long.fromString('4611686018427387904'), null]);
  });
});

describe('variable-size columns', () => {
  it('round-trips VARCHAR, JSON, DECIMAL and OBJECT with and without nulls', () => {
    const decimals: SqlDecimal[] = [
      { unscaled: 0n, scale: 0 },
      { unscaled: 12345n, scale: 2 },
      { unscaled: -1n, scale: -3 },
      { unscaled: 2n ** 100n, scale: 10 },
      { unscaled: -(2n ** 100n), scale: 10 },
      { unscaled: 128n, scale: 0 },
      { unscaled: -128n, scale: 0 },
      { unscaled: -129n, scale: 0 },
    ];
    const p: SqlPage = {
      isLast: false,
      columnTypes: [SqlColumnType.VARCHAR, SqlColumnType.JSON, SqlColumnType.DECIMAL, SqlColumnType.OBJECT],
      columns: [
        ['', 'héllo ✓', null, 'x', null, 'a', 'b', 'c'],
        ['{"a":1}', null, '[]', '""', null, 'null', '1', '{}'],
        decimals,
        [data('00000000ffffffff01'), null, data('0000000000000000'), null, null, data('12345678fffffff9aa'), data('00000000fffffff7'), null],
      ],
    };
    const read = roundTrip(p);
    expect({ ...read, columns: read.columns.slice(0, 3) }).toEqual({ ...p, columns: p.columns.slice(0, 3) });
    // Data read back is a view into the message: compare the bytes.
    const hex = (v: unknown): unknown => (v === null ? null : (v as Data).toBuffer().toString('hex'));
    expect(read.columns[3].map(hex)).toEqual(p.columns[3].map(hex));
  });

  it('round-trips all-null and empty variable-size columns', () => {
    for (const type of [SqlColumnType.VARCHAR, SqlColumnType.JSON, SqlColumnType.DECIMAL, SqlColumnType.OBJECT]) {
      expect(roundTrip(page(type, [null, null]))).toEqual(page(type, [null, null]));
      expect(roundTrip(page(type, []))).toEqual(page(type, []));
    }
  });

  it('writes VARCHAR as a list of string frames and null frames', () => {
    const bytes = pageBytes(encode(page(SqlColumnType.VARCHAR, ['ab', null]))).toString('hex');
    expect(bytes).toBe(onePage(0, BEGIN + frame(0, '6162') + NULL + END));
  });

  it('writes JSON values as HazelcastJsonValue structures (BEGIN, string, END)', () => {
    const bytes = pageBytes(encode(page(SqlColumnType.JSON, ['{}', null]))).toString('hex');
    expect(bytes).toBe(onePage(15, BEGIN + BEGIN + frame(0, '7b7d') + END + NULL + END));
  });

  it('writes DECIMAL as length, BigInteger.toByteArray() bytes and scale', () => {
    const dec = (unscaled: bigint, scale: number): string => pageBytes(encode(page(SqlColumnType.DECIMAL, [{ unscaled, scale }]))).toString('hex');
    const expected = (bytesHex: string, scale: number): string => onePage(6, BEGIN + frame(0, int32(bytesHex.length / 2) + bytesHex + int32(scale)) + END);
    expect(dec(0n, 0)).toBe(expected('00', 0));
    expect(dec(127n, 1)).toBe(expected('7f', 1));
    expect(dec(128n, 2)).toBe(expected('0080', 2));
    expect(dec(-1n, 0)).toBe(expected('ff', 0));
    expect(dec(-128n, 0)).toBe(expected('80', 0));
    expect(dec(-129n, 0)).toBe(expected('ff7f', 0));
    expect(dec(65535n, -2)).toBe(expected('00ffff', -2));
    expect(dec(-(2n ** 64n), 0)).toBe(expected('ff0000000000000000', 0));
  });

  it('writes OBJECT values as Data frames', () => {
    const bytes = pageBytes(encode(page(SqlColumnType.OBJECT, [null, data('00000000ffffffff01')]))).toString('hex');
    expect(bytes).toBe(onePage(13, BEGIN + NULL + frame(0, '00000000ffffffff01') + END));
  });
});

describe('NULL columns and whole pages', () => {
  it('writes a NULL column as its row count only', () => {
    expect(pageBytes(encode(page(SqlColumnType.NULL, [null, null, null]))).toString('hex')).toBe(onePage(14, frame(0, int32(3))));
    expect(roundTrip(page(SqlColumnType.NULL, [null, null, null]))).toEqual(page(SqlColumnType.NULL, [null, null, null]));
    expect(roundTrip(page(SqlColumnType.NULL, []))).toEqual(page(SqlColumnType.NULL, []));
  });

  it('round-trips an empty page', () => {
    const empty: SqlPage = { isLast: false, columnTypes: [], columns: [] };
    expect(pageBytes(encode(empty)).toString('hex')).toBe(BEGIN + frame(0, '00') + frame(0, '') + END);
    expect(roundTrip(empty)).toEqual(empty);
    expect(sizeSqlPage(empty)).toBe(6 + 7 + 6 + 6);
  });

  it('round-trips a page with a column of every type, with size equal to the bytes written', () => {
    const types = Object.values(SqlColumnType);
    const value: Record<number, unknown> = {
      [SqlColumnType.VARCHAR]: 'v',
      [SqlColumnType.BOOLEAN]: false,
      [SqlColumnType.TINYINT]: -3,
      [SqlColumnType.SMALLINT]: 300,
      [SqlColumnType.INTEGER]: 70000,
      [SqlColumnType.BIGINT]: Long.fromString('-9007199254740993'),
      [SqlColumnType.DECIMAL]: { unscaled: -123456789012345678901234567890n, scale: 5 },
      [SqlColumnType.REAL]: 2.5,
      [SqlColumnType.DOUBLE]: Math.PI,
      [SqlColumnType.DATE]: { year: 1999, month: 12, day: 31 },
      [SqlColumnType.TIME]: { hour: 1, minute: 2, second: 3, nano: 4 },
      [SqlColumnType.TIMESTAMP]: { date: { year: 1999, month: 12, day: 31 }, time: { hour: 1, minute: 2, second: 3, nano: 4 } },
      [SqlColumnType.TIMESTAMP_WITH_TIME_ZONE]: {
        dateTime: { date: { year: 1999, month: 12, day: 31 }, time: { hour: 1, minute: 2, second: 3, nano: 4 } },
        offsetSeconds: 19800,
      },
      [SqlColumnType.OBJECT]: data('00000000fffffff5'),
      [SqlColumnType.NULL]: null,
      [SqlColumnType.JSON]: '{"k":[1,2]}',
    };
    const p: SqlPage = {
      isLast: true,
      columnTypes: types,
      columns: types.map((t) => (t === SqlColumnType.NULL ? [null, null, null] : [value[t], null, value[t]])),
    };
    const m = encode(p);
    expect(m.buffer.length - initialFrameLength(m)).toBe(sizeSqlPage(p));
    const read = decode(m);
    const objectColumn = types.indexOf(SqlColumnType.OBJECT);
    const plain = (q: SqlPage): unknown[][] => q.columns.map((col, i) => (i === objectColumn ? col.map((v) => (v === null ? null : (v as Data).toBuffer().toString('hex'))) : col));
    expect(read.isLast).toBe(true);
    expect(read.columnTypes).toEqual(types);
    expect(plain(read)).toEqual(plain(p));
  });

  it('skips frames a newer member appends after the columns', () => {
    // BEGIN, isLast, type ids, INTEGER column, then the newer fields: a string and an empty structure, END.
    const w = new MessageWriter(6 + 7 + 10 + (6 + 9) + (6 + 4) + 12 + 6);
    w.begin();
    w.frame(1);
    w.bool(true);
    writeFixedList(w, [SqlColumnType.INTEGER], FIXED_INT);
    w.frame(9);
    w.byte(2);
    w.int(1);
    w.int(42);
    w.string('new!');
    w.begin();
    w.end();
    w.end();
    const c = new FrameCursor(w.buf);
    expect(readSqlPage(c)).toEqual(page(SqlColumnType.INTEGER, [42]));
    expect(c.hasNext()).toBe(false);
  });
});

describe('errors', () => {
  it('rejects values that do not fit their column type, before or while writing', () => {
    const bad: Array<[number, unknown]> = [
      [SqlColumnType.VARCHAR, 1],
      [SqlColumnType.BOOLEAN, 1],
      [SqlColumnType.TINYINT, 128],
      [SqlColumnType.SMALLINT, 1.5],
      [SqlColumnType.INTEGER, '1'],
      [SqlColumnType.INTEGER, undefined],
      [SqlColumnType.BIGINT, 2n ** 63n],
      [SqlColumnType.BIGINT, 0.5],
      [SqlColumnType.DECIMAL, { unscaled: 1, scale: 0 }],
      [SqlColumnType.DATE, { year: 2000, month: 1 }],
      [SqlColumnType.OBJECT, 'not data'],
      [SqlColumnType.NULL, 0],
      [SqlColumnType.JSON, { a: 1 }],
    ];
    for (const [type, v] of bad) {
      expect(() => encode(page(type, [v, null]))).toThrow(TypeError);
    }
  });

  it('rejects pages whose columns do not match their types', () => {
    expect(() => sizeSqlPage({ isLast: true, columnTypes: [4, 4], columns: [[1]] })).toThrow(TypeError);
    expect(() => sizeSqlPage({ isLast: true, columnTypes: [99], columns: [[1]] })).toThrow(TypeError);
    expect(() => sizeSqlPage({ isLast: true, columnTypes: [4, 4], columns: [[1], [1, 2]] })).toThrow(TypeError);
  });

  it('fails on a column type id it does not know, or a malformed fixed-size frame', () => {
    const w = new MessageWriter(6 + 7 + 10 + 6);
    w.begin();
    w.frame(1);
    w.bool(true);
    writeFixedList(w, [99], FIXED_INT);
    w.end();
    expect(() => readSqlPage(new FrameCursor(w.buf))).toThrow(MalformedMessageError);

    const bad = new MessageWriter(6 + 7 + 10 + 6 + 9 + 6);
    bad.begin();
    bad.frame(1);
    bad.bool(true);
    writeFixedList(bad, [SqlColumnType.INTEGER], FIXED_INT);
    bad.frame(9);
    bad.byte(2);
    bad.int(2); // two values announced, one present
    bad.int(1);
    bad.end();
    expect(() => readSqlPage(new FrameCursor(bad.buf))).toThrow(MalformedMessageError);
  });
});
