/*
 * Serialization throughput, side by side with the official Node.js client (hazelcast-client, a
 * dev dependency) in one run: toData and toObject of a short string, a number (double), a
 * 20-field Compact object, a 20-field Portable object and a 1 KiB Buffer.
 *
 *   npx tsx tools/bench/serialization/bench.ts [--ms=600] [--rounds=5]
 *
 * Each row runs both clients alternately for `rounds` rounds of `ms` milliseconds after a
 * warm-up, and reports the best round of each (ops/s) and their ratio (ours / official; above 1
 * is faster). Both write the same bytes (checked before timing). Compact schemas are on the
 * "cluster" before timing: ours through a fake sendSchema, the official one through its schema
 * service, with its class-to-schema cache filled as its client does after a put.
 */
import {
  DefaultSerializationService,
  Long,
  type SerializationContext,
} from '@hz/core';
import { CLIENT_SEND_SCHEMA_RESPONSE_TYPE, FIXED_UUID, MessageWriter, sizeFixedList, writeFixedList } from '@hz/core/codec';
import {
  createSerializationExtension,
  type CompactReader,
  type CompactWriter,
  type Portable,
  type PortableReader,
  type PortableWriter,
} from '@hz/serialization';

interface OfficialData {
  toBuffer(): Buffer;
}
interface OfficialService {
  toData(value: unknown): OfficialData;
  toObject(data: OfficialData): unknown;
  registerSchemaToClass(schema: unknown, clazz: unknown): void;
}

/* eslint-disable @typescript-eslint/no-require-imports */
const { SerializationServiceV1 } = require('hazelcast-client/lib/serialization/SerializationService') as {
  SerializationServiceV1: new (config: object, schemaService: unknown) => OfficialService;
};
const { SerializationConfigImpl } = require('hazelcast-client/lib/config/SerializationConfig') as {
  SerializationConfigImpl: new () => Record<string, unknown> & { compact: { serializers: unknown[] } };
};
/* eslint-enable @typescript-eslint/no-require-imports */

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const ROUND_MS = Number(args.ms ?? 600);
const ROUNDS = Number(args.rounds ?? 5);

// ---------------------------------------------------------------------------------------------
// The values

/** 20 fields: 3 int64, 5 float64, 5 int32/int16, 3 booleans, 4 strings. */
class Trade {
  constructor(
    public id = Long.ZERO,
    public ts = Long.ZERO,
    public seq = Long.ZERO,
    public price = 0,
    public fee = 0,
    public tax = 0,
    public notional = 0,
    public fx = 0,
    public qty = 0,
    public lots = 0,
    public venueId = 0,
    public bookId = 0,
    public kind = 0,
    public open = false,
    public hedged = false,
    public internal = false,
    public symbol = '',
    public side = '',
    public account = '',
    public trader = '',
  ) {}
}

function trade(): Trade {
  return new Trade(
    Long.fromString('1234567890123'),
    Long.fromString('1700000000000'),
    Long.fromNumber(42),
    101.25,
    0.5,
    0.125,
    1012500.75,
    1.0834,
    10000,
    10,
    7,
    3,
    2,
    true,
    false,
    true,
    'HZ.L',
    'BUY',
    'ACC-001-XYZ',
    'trader.name@example.com',
  );
}

const tradeCompactSerializer = {
  typeName: 'bench.Trade',
  class: Trade,
  getTypeName: () => 'bench.Trade',
  getClass: () => Trade,
  write(w: CompactWriter, t: Trade): void {
    w.writeInt64('id', t.id);
    w.writeInt64('ts', t.ts);
    w.writeInt64('seq', t.seq);
    w.writeFloat64('price', t.price);
    w.writeFloat64('fee', t.fee);
    w.writeFloat64('tax', t.tax);
    w.writeFloat64('notional', t.notional);
    w.writeFloat64('fx', t.fx);
    w.writeInt32('qty', t.qty);
    w.writeInt32('lots', t.lots);
    w.writeInt32('venueId', t.venueId);
    w.writeInt32('bookId', t.bookId);
    w.writeInt16('kind', t.kind);
    w.writeBoolean('open', t.open);
    w.writeBoolean('hedged', t.hedged);
    w.writeBoolean('internal', t.internal);
    w.writeString('symbol', t.symbol);
    w.writeString('side', t.side);
    w.writeString('account', t.account);
    w.writeString('trader', t.trader);
  },
  read(r: CompactReader): Trade {
    return new Trade(
      r.readInt64('id'),
      r.readInt64('ts'),
      r.readInt64('seq'),
      r.readFloat64('price'),
      r.readFloat64('fee'),
      r.readFloat64('tax'),
      r.readFloat64('notional'),
      r.readFloat64('fx'),
      r.readInt32('qty'),
      r.readInt32('lots'),
      r.readInt32('venueId'),
      r.readInt32('bookId'),
      r.readInt16('kind'),
      r.readBoolean('open'),
      r.readBoolean('hedged'),
      r.readBoolean('internal'),
      r.readString('symbol')!,
      r.readString('side')!,
      r.readString('account')!,
      r.readString('trader')!,
    );
  },
};

class PortableTrade extends Trade implements Portable {
  readonly factoryId = 1;
  readonly classId = 1;
  writePortable(w: PortableWriter): void {
    w.writeLong('id', this.id);
    w.writeLong('ts', this.ts);
    w.writeLong('seq', this.seq);
    w.writeDouble('price', this.price);
    w.writeDouble('fee', this.fee);
    w.writeDouble('tax', this.tax);
    w.writeDouble('notional', this.notional);
    w.writeDouble('fx', this.fx);
    w.writeInt('qty', this.qty);
    w.writeInt('lots', this.lots);
    w.writeInt('venueId', this.venueId);
    w.writeInt('bookId', this.bookId);
    w.writeShort('kind', this.kind);
    w.writeBoolean('open', this.open);
    w.writeBoolean('hedged', this.hedged);
    w.writeBoolean('internal', this.internal);
    w.writeString('symbol', this.symbol);
    w.writeString('side', this.side);
    w.writeString('account', this.account);
    w.writeString('trader', this.trader);
  }
  readPortable(r: PortableReader): void {
    this.id = r.readLong('id');
    this.ts = r.readLong('ts');
    this.seq = r.readLong('seq');
    this.price = r.readDouble('price');
    this.fee = r.readDouble('fee');
    this.tax = r.readDouble('tax');
    this.notional = r.readDouble('notional');
    this.fx = r.readDouble('fx');
    this.qty = r.readInt('qty');
    this.lots = r.readInt('lots');
    this.venueId = r.readInt('venueId');
    this.bookId = r.readInt('bookId');
    this.kind = r.readShort('kind');
    this.open = r.readBoolean('open');
    this.hedged = r.readBoolean('hedged');
    this.internal = r.readBoolean('internal');
    this.symbol = r.readString('symbol')!;
    this.side = r.readString('side')!;
    this.account = r.readString('account')!;
    this.trader = r.readString('trader')!;
  }
}

function portableTrade(): PortableTrade {
  return Object.assign(new PortableTrade(), trade());
}

const portableFactories = { 1: () => new PortableTrade() };

// ---------------------------------------------------------------------------------------------
// The services

/** A cluster that acknowledges every schema sent to it. */
const fakeCluster: SerializationContext = {
  invoke: () => {
    const w = MessageWriter.response(CLIENT_SEND_SCHEMA_RESPONSE_TYPE, 0, sizeFixedList([], FIXED_UUID));
    writeFixedList(w, [], FIXED_UUID);
    return Promise.resolve(w.finish());
  },
};

async function ourService(): Promise<DefaultSerializationService> {
  const config = { compact: { serializers: [tradeCompactSerializer] }, portableFactories };
  const service = new DefaultSerializationService(config, [createSerializationExtension(config)]);
  service.attach(fakeCluster);
  await service.toDataAsync(trade());
  return service;
}

function officialService(): OfficialService {
  const config = new SerializationConfigImpl();
  config.compact.serializers = [tradeCompactSerializer];
  config.portableFactories = portableFactories;
  const schemas = new Map<string, unknown>();
  const service = new SerializationServiceV1(config, { get: (id: { toString(): string }) => schemas.get(id.toString()) });
  try {
    service.toData(trade());
  } catch (error) {
    // What its client does on SchemaNotReplicatedError: send the schema, remember it for the class.
    const { schema, clazz } = error as { schema: { schemaId: { toString(): string } }; clazz: unknown };
    schemas.set(schema.schemaId.toString(), schema);
    service.registerSchemaToClass(schema, clazz);
  }
  return service;
}

// ---------------------------------------------------------------------------------------------
// Timing

let sink = 0;

/** Runs `op` for about `ms` milliseconds; ops per second. */
function timed(op: () => number, ms: number): number {
  let ops = 0;
  let batch = 64;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  for (;;) {
    for (let i = 0; i < batch; i++) sink += op();
    ops += batch;
    const elapsed = process.hrtime.bigint() - start;
    if (elapsed >= budget) return (ops * 1e9) / Number(elapsed);
    if (batch < 65536) batch *= 2;
  }
}

interface Row {
  name: string;
  ours: () => number;
  official: () => number;
}

function run(row: Row): { name: string; ours: number; official: number } {
  timed(row.ours, 200);
  timed(row.official, 200);
  let ours = 0;
  let official = 0;
  for (let round = 0; round < ROUNDS; round++) {
    ours = Math.max(ours, timed(row.ours, ROUND_MS));
    official = Math.max(official, timed(row.official, ROUND_MS));
  }
  return { name: row.name, ours, official };
}

function sameBytes(name: string, ours: Buffer, theirs: Buffer): void {
  if (!ours.equals(theirs)) throw new Error(`${name}: the two clients write different bytes`);
}

async function main(): Promise<void> {
  const ours = await ourService();
  const official = officialService();
  const text = 'Hazelcast client for TypeScript';
  const number = 12345.678;
  const buffer = Buffer.alloc(1024, 7);
  const compact = trade();
  const portable = portableTrade();

  const values: Array<[string, unknown, unknown]> = [
    ['string (31 chars)', text, text],
    ['number (double)', number, number],
    ['Compact, 20 fields', compact, compact],
    ['Portable, 20 fields', portable, portable],
    ['Buffer, 1 KiB', buffer, buffer],
  ];
  const rows: Row[] = [];
  for (const [name, value] of values) {
    const ourData = ours.toData(value)!;
    const theirData = official.toData(value);
    sameBytes(name, ourData.toBuffer(), theirData.toBuffer());
    rows.push({ name: `${name}: toData`, ours: () => ours.toData(value)!.totalSize(), official: () => official.toData(value).toBuffer().length });
    rows.push({ name: `${name}: toObject`, ours: () => (ours.toObject(ourData) === null ? 0 : 1), official: () => (official.toObject(theirData) === null ? 0 : 1) });
  }

  const results = rows.map(run);
  const width = Math.max(...results.map((r) => r.name.length));
  const format = (n: number) => Math.round(n).toLocaleString('en-US').padStart(12);
  const lines = [
    `Node ${process.version}, ${ROUNDS} rounds of ${ROUND_MS} ms, best round (ops/s); ratio = ours / official`,
    `${'row'.padEnd(width)}  ${'ours'.padStart(12)}  ${'official'.padStart(12)}  ratio`,
    ...results.map((r) => `${r.name.padEnd(width)}  ${format(r.ours)}  ${format(r.official)}  ${(r.ours / r.official).toFixed(2)}x`),
  ];
  console.log(lines.join('\n'));
  if (sink === 42) console.log('');
}

void main();
