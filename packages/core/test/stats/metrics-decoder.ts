// A reader for the member's metrics blob, written from the format description (Java's
// MetricsCompressor.extractMetrics) independently of the compressor under test.
import { inflateSync } from 'node:zlib';

export interface DecodedMetric {
  prefix: string | null;
  metric: string | null;
  discriminator: string | null;
  discriminatorValue: string | null;
  unit: number | null;
  excludedTargets: number;
  tags: Array<[string, string]>;
  type: 'long' | 'double';
  value: bigint | number;
}

export interface DecodedBlob {
  version: number;
  dictionary: string[];
  metrics: DecodedMetric[];
}

class Reader {
  private at = 0;
  constructor(private readonly buf: Buffer) {}
  u8(): number {
    return this.buf.readUInt8(this.at++);
  }
  i8(): number {
    return this.buf.readInt8(this.at++);
  }
  i32(): number {
    const v = this.buf.readInt32BE(this.at);
    this.at += 4;
    return v;
  }
  i64(): bigint {
    const v = this.buf.readBigInt64BE(this.at);
    this.at += 8;
    return v;
  }
  f64(): number {
    const v = this.buf.readDoubleBE(this.at);
    this.at += 8;
    return v;
  }
  char(): string {
    const v = this.buf.readUInt16BE(this.at);
    this.at += 2;
    return String.fromCharCode(v);
  }
  take(n: number): Buffer {
    const v = this.buf.subarray(this.at, this.at + n);
    if (v.length !== n) throw new Error('truncated');
    this.at += n;
    return v;
  }
  rest(): Buffer {
    const v = this.buf.subarray(this.at);
    this.at = this.buf.length;
    return v;
  }
  get done(): boolean {
    return this.at === this.buf.length;
  }
}

export function decodeMetricsBlob(blob: Uint8Array): DecodedBlob {
  const outer = new Reader(Buffer.from(blob));
  const version = (outer.u8() << 8) | outer.u8();
  const dictionaryBytes = outer.take(outer.i32());
  const count = outer.i32();
  const metricsBytes = outer.rest();

  const dr = new Reader(inflateSync(dictionaryBytes));
  const wordCount = dr.i32();
  const dictionary: string[] = new Array(wordCount);
  let lastWord = '';
  for (let i = 0; i < wordCount; i++) {
    const id = dr.i32();
    const common = dr.u8();
    const diff = dr.u8();
    let word = lastWord.slice(0, common);
    for (let j = 0; j < diff; j++) word += dr.char();
    if (id < 0 || id >= wordCount || dictionary[id] !== undefined) throw new Error(`bad dictionary id ${id}`);
    dictionary[id] = word;
    lastWord = word;
  }
  if (!dr.done) throw new Error('trailing bytes in dictionary');

  const mr = new Reader(inflateSync(metricsBytes));
  const word = (): string | null => {
    const id = mr.i32();
    if (id === -1) return null;
    const w = dictionary[id];
    if (w === undefined) throw new Error(`unknown word id ${id}`);
    return w;
  };
  const metrics: DecodedMetric[] = [];
  let last: DecodedMetric | null = null;
  for (let i = 0; i < count; i++) {
    const mask = mr.u8();
    if (last === null && mask !== 0) throw new Error('first metric must carry every field');
    const prefix = mask & 1 ? last!.prefix : word();
    const metric = mask & 2 ? last!.metric : word();
    const discriminator = mask & 4 ? last!.discriminator : word();
    const discriminatorValue = mask & 8 ? last!.discriminatorValue : word();
    let unit: number | null;
    if (mask & 16) unit = last!.unit;
    else {
      const u = mr.i8();
      unit = u === -1 ? null : u;
    }
    const excludedTargets = mask & 32 ? last!.excludedTargets : mr.i8();
    const tagCount = mask & 64 ? last!.tags.length : mr.u8();
    const tags: Array<[string, string]> = [];
    for (let t = 0; t < tagCount; t++) tags.push([word() as string, word() as string]);
    const typeByte = mr.u8();
    let type: 'long' | 'double';
    let value: bigint | number;
    if (typeByte === 0) {
      type = 'long';
      value = mr.i64();
    } else if (typeByte === 1) {
      type = 'double';
      value = mr.f64();
    } else throw new Error(`bad value type ${typeByte}`);
    const m: DecodedMetric = { prefix, metric, discriminator, discriminatorValue, unit, excludedTargets, tags, type, value };
    metrics.push(m);
    last = m;
  }
  if (!mr.done) throw new Error('trailing bytes in metrics');
  return { version, dictionary, metrics };
}
