import { deflateSync } from 'node:zlib';
import Long from 'long';

/**
 * The unit of a metric. The numbers are the ordinals of the member's `ProbeUnit` enum and go on the
 * wire as one byte; a descriptor without a unit is written as -1.
 */
export const ProbeUnit = {
  BYTES: 0,
  MS: 1,
  NS: 2,
  PERCENT: 3,
  COUNT: 4,
  BOOLEAN: 5,
  ENUM: 6,
  /** Microseconds. Only members that know "new" units (5.x) decode it; prefer MS or NS. */
  US: 7,
} as const;
export type ProbeUnit = (typeof ProbeUnit)[keyof typeof ProbeUnit];

/** The type byte in front of each metric value (ordinals of the member's `ValueType`). */
export const MetricValueType = { LONG: 0, DOUBLE: 1 } as const;
export type MetricValueType = (typeof MetricValueType)[keyof typeof MetricValueType];

/**
 * Identifies one metric, e.g. `{ prefix: 'os', metric: 'freePhysicalMemorySize' }` or
 * `{ prefix: 'nearcache', metric: 'hits', discriminator: 'name', discriminatorValue: 'orders', unit: ProbeUnit.COUNT }`.
 * Absent (or null) fields are sent as "null". Each string is at most 255 UTF-16 units.
 */
export interface MetricDescriptor {
  prefix?: string | null;
  metric: string;
  discriminator?: string | null;
  discriminatorValue?: string | null;
  unit?: ProbeUnit | null;
}

/** Values accepted for a long metric: numbers are truncated toward zero and clamped to the 64-bit range (NaN is 0). */
export type MetricLong = number | bigint | Long;

/** The blob format version the member expects in the first two bytes. */
export const METRICS_BLOB_VERSION = 1;
/** Longest dictionary word (prefix, metric name, discriminator, ...) the format can carry. */
export const MAX_METRIC_WORD_LENGTH = 255;

const MASK_PREFIX = 1 << 0;
const MASK_METRIC = 1 << 1;
const MASK_DISCRIMINATOR = 1 << 2;
const MASK_DISCRIMINATOR_VALUE = 1 << 3;
const MASK_UNIT = 1 << 4;
const MASK_EXCLUDED_TARGETS = 1 << 5;
const MASK_TAG_COUNT = 1 << 6;
const NULL_WORD_ID = -1;
const NULL_UNIT = -1;
// Deflate at "best speed", as the Java and Node.js clients do.
const DEFLATE_LEVEL = 1;

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);
const TWO_POW_63 = 2 ** 63;

/** A growable big-endian byte writer (the layout of Java's DataOutputStream). */
class ByteSink {
  private buf: Buffer;
  private len = 0;

  constructor(initialSize: number) {
    this.buf = Buffer.alloc(initialSize);
  }

  get length(): number {
    return this.len;
  }

  /** Claims n bytes and returns their offset; call it before touching `buf`, which it may replace. */
  private reserve(n: number): number {
    const at = this.len;
    if (at + n > this.buf.length) {
      const grown = Buffer.alloc(Math.max(this.buf.length * 2, at + n));
      this.buf.copy(grown, 0, 0, at);
      this.buf = grown;
    }
    this.len = at + n;
    return at;
  }

  u8(v: number): void {
    const at = this.reserve(1);
    this.buf[at] = v & 0xff;
  }

  i32(v: number): void {
    const at = this.reserve(4);
    this.buf.writeInt32BE(v | 0, at);
  }

  i64(v: bigint): void {
    const at = this.reserve(8);
    this.buf.writeBigInt64BE(v, at);
  }

  f64(v: number): void {
    const at = this.reserve(8);
    this.buf.writeDoubleBE(v, at);
  }

  u16(v: number): void {
    const at = this.reserve(2);
    this.buf.writeUInt16BE(v & 0xffff, at);
  }

  bytes(b: Uint8Array): void {
    const at = this.reserve(b.length);
    this.buf.set(b, at);
  }

  toBuffer(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.len));
  }
}

function toInt64(value: MetricLong): bigint {
  if (typeof value === 'bigint') return BigInt.asIntN(64, value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 0n;
    if (value >= TWO_POW_63) return LONG_MAX;
    if (value <= -TWO_POW_63) return LONG_MIN;
    return BigInt(Math.trunc(value));
  }
  return BigInt.asIntN(64, (BigInt(value.high) << 32n) | BigInt(value.low >>> 0));
}

function normalized(d: MetricDescriptor): NormalizedDescriptor {
  return {
    prefix: d.prefix ?? null,
    metric: d.metric ?? null,
    discriminator: d.discriminator ?? null,
    discriminatorValue: d.discriminatorValue ?? null,
    unit: d.unit ?? null,
  };
}

interface NormalizedDescriptor {
  prefix: string | null;
  metric: string | null;
  discriminator: string | null;
  discriminatorValue: string | null;
  unit: ProbeUnit | null;
}

/**
 * Builds the metrics blob of a Client.statistics request: the binary format of the member's
 * `MetricsCompressor` (version 1).
 *
 * Layout (all integers big-endian):
 * - 2 bytes: format version (1);
 * - int32 length, then the zlib-deflated dictionary: int32 word count, then per word in ascending
 *   order: int32 id, u8 length shared with the previous word, u8 length of the rest, the rest as
 *   UTF-16 code units;
 * - int32 number of metrics, then the zlib-deflated metrics: per metric a mask byte whose bits say
 *   which descriptor fields equal the previous metric's (and are therefore left out), the int32 word
 *   ids of the other fields (-1 for null), the unit byte (-1 for none), the excluded-targets and
 *   tag-count bytes (both 0, written only for the first metric), then the value type byte and an
 *   int64 or a float64.
 *
 * A compressor collects one blob; create a new one per collection.
 */
export class MetricsCompressor {
  private readonly metrics = new ByteSink(1024);
  private readonly words = new Map<string, number>();
  private last: NormalizedDescriptor | null = null;
  private metricCount = 0;

  /** Number of metrics added so far. */
  get count(): number {
    return this.metricCount;
  }

  /** Adds a long metric. Throws (adding nothing) if a descriptor word is longer than 255 characters. */
  addLong(descriptor: MetricDescriptor, value: MetricLong): void {
    this.writeDescriptor(descriptor);
    this.metrics.u8(MetricValueType.LONG);
    this.metrics.i64(toInt64(value));
  }

  /** Adds a double metric. Throws (adding nothing) if a descriptor word is longer than 255 characters. */
  addDouble(descriptor: MetricDescriptor, value: number): void {
    this.writeDescriptor(descriptor);
    this.metrics.u8(MetricValueType.DOUBLE);
    this.metrics.f64(value);
  }

  /** Renders the blob for everything added so far. */
  generateBlob(): Buffer {
    const dictionary = deflateSync(this.renderDictionary(), { level: DEFLATE_LEVEL });
    const metrics = deflateSync(this.metrics.toBuffer(), { level: DEFLATE_LEVEL });
    const out = new ByteSink(2 + 4 + dictionary.length + 4 + metrics.length);
    out.u8(METRICS_BLOB_VERSION >>> 8);
    out.u8(METRICS_BLOB_VERSION);
    out.i32(dictionary.length);
    out.bytes(dictionary);
    out.i32(this.metricCount);
    out.bytes(metrics);
    return out.toBuffer();
  }

  private writeDescriptor(descriptor: MetricDescriptor): void {
    const d = normalized(descriptor);
    // Validate every word first so a rejected metric leaves the compressor untouched.
    for (const word of [d.prefix, d.metric, d.discriminator, d.discriminatorValue]) {
      if (word !== null && word.length > MAX_METRIC_WORD_LENGTH) {
        throw new RangeError(`Metric descriptor word longer than ${MAX_METRIC_WORD_LENGTH} characters: ${word.slice(0, 40)}...`);
      }
    }
    const last = this.last;
    let mask = 0;
    if (last !== null) {
      if (d.prefix === last.prefix) mask |= MASK_PREFIX;
      if (d.metric === last.metric) mask |= MASK_METRIC;
      if (d.discriminator === last.discriminator) mask |= MASK_DISCRIMINATOR;
      if (d.discriminatorValue === last.discriminatorValue) mask |= MASK_DISCRIMINATOR_VALUE;
      if (d.unit === last.unit) mask |= MASK_UNIT;
      // No excluded targets and no tags are ever sent, so after the first metric these never change.
      mask |= MASK_EXCLUDED_TARGETS | MASK_TAG_COUNT;
    }
    const m = this.metrics;
    m.u8(mask);
    if (!(mask & MASK_PREFIX)) m.i32(this.wordId(d.prefix));
    if (!(mask & MASK_METRIC)) m.i32(this.wordId(d.metric));
    if (!(mask & MASK_DISCRIMINATOR)) m.i32(this.wordId(d.discriminator));
    if (!(mask & MASK_DISCRIMINATOR_VALUE)) m.i32(this.wordId(d.discriminatorValue));
    if (!(mask & MASK_UNIT)) m.u8(d.unit === null ? NULL_UNIT : d.unit);
    if (!(mask & MASK_EXCLUDED_TARGETS)) m.u8(0);
    if (!(mask & MASK_TAG_COUNT)) m.u8(0);
    this.metricCount++;
    this.last = d;
  }

  private wordId(word: string | null): number {
    if (word === null) return NULL_WORD_ID;
    let id = this.words.get(word);
    if (id === undefined) {
      id = this.words.size;
      this.words.set(word, id);
    }
    return id;
  }

  private renderDictionary(): Buffer {
    // Ascending by UTF-16 code units, which is both JavaScript's and Java's string order.
    const sorted = [...this.words.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const out = new ByteSink(256);
    out.i32(sorted.length);
    let previous = '';
    for (const word of sorted) {
      const limit = Math.min(previous.length, word.length);
      let shared = 0;
      while (shared < limit && word.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
      out.i32(this.words.get(word) as number);
      out.u8(shared);
      out.u8(word.length - shared);
      for (let i = shared; i < word.length; i++) out.u16(word.charCodeAt(i));
      previous = word;
    }
    return out.toBuffer();
  }
}
