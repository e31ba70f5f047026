import Long from 'long';
import { MetricsCompressor, ProbeUnit, type MetricDescriptor } from '@hz/core/stats';
import { decodeMetricsBlob } from './metrics-decoder';

// The official Node.js client's compressor, used as the reference implementation.
interface OfficialDescriptor {
  prefix?: string;
  metric: string;
  discriminator?: string;
  discriminatorValue?: string;
  unit?: number;
}
interface OfficialCompressor {
  addLong(d: OfficialDescriptor, v: number): void;
  addDouble(d: OfficialDescriptor, v: number): void;
  generateBlob(): Promise<Buffer>;
}
const official = require('hazelcast-client/lib/statistics/MetricsCompressor') as {
  MetricsCompressor: new () => OfficialCompressor;
  ProbeUnit: Record<string, number>;
  ValueType: Record<string, number>;
};

type Entry = { d: OfficialDescriptor; type: 'long' | 'double'; v: number };

function ours(entries: Entry[]): Buffer {
  const c = new MetricsCompressor();
  for (const e of entries) {
    if (e.type === 'long') c.addLong(e.d as MetricDescriptor, e.v);
    else c.addDouble(e.d as MetricDescriptor, e.v);
  }
  return c.generateBlob();
}

function theirs(entries: Entry[]): Promise<Buffer> {
  const c = new official.MetricsCompressor();
  for (const e of entries) {
    if (e.type === 'long') c.addLong(e.d, e.v);
    else c.addDouble(e.d, e.v);
  }
  return c.generateBlob();
}

const L = (name: string, v: number, unit?: number): Entry => {
  const dot = name.lastIndexOf('.');
  const d: OfficialDescriptor = dot < 0 ? { metric: name } : { prefix: name.slice(0, dot), metric: name.slice(dot + 1) };
  if (unit !== undefined) d.unit = unit;
  return { d, type: 'long', v };
};
const D = (name: string, v: number): Entry => ({ ...L(name, 0), type: 'double', v });
const nc = (name: string, metric: string, v: number, unit: number): Entry => ({
  d: { prefix: 'nearcache', metric, discriminator: 'name', discriminatorValue: name, unit },
  type: 'long',
  v,
});

const clientLike: Entry[] = [
  L('os.freePhysicalMemorySize', 24546127872),
  L('os.processCpuTime', 176979000),
  D('os.systemLoadAverage', 1.75),
  L('os.totalPhysicalMemorySize', 25276063744),
  L('runtime.availableProcessors', 2),
  L('runtime.totalMemory', 9674752),
  L('runtime.uptime', 225385.066),
  L('runtime.usedMemory', 5625440),
  L('tcp.bytesReceived', 1234, ProbeUnit.BYTES),
  L('tcp.bytesSend', 5678, ProbeUnit.BYTES),
  nc('orders', 'creationTime', 1700000000000, ProbeUnit.MS),
  nc('orders', 'evictions', 3, ProbeUnit.COUNT),
  nc('orders', 'hits', 99, ProbeUnit.COUNT),
  nc('/users', 'hits', 7, ProbeUnit.COUNT),
  nc('/users', 'misses', 7, ProbeUnit.COUNT),
];

const cases: Array<[string, Entry[]]> = [
  ['no metrics', []],
  ['one metric without prefix or unit', [L('count', 1)]],
  ['the metrics a Node.js client sends (runtime, tcp and near caches)', clientLike],
  [
    'edge values: negatives, fractions, 2^53+, limits, NaN, infinities, -0',
    [
      L('a.neg', -1),
      L('a.negFraction', -2.9),
      L('a.fraction', 2.9),
      L('a.big', 2 ** 53 + 2),
      L('a.huge', 1e30),
      L('a.hugeNeg', -1e30),
      L('a.nan', NaN),
      L('a.max', Number.MAX_SAFE_INTEGER),
      L('a.min', Number.MIN_SAFE_INTEGER),
      D('b.nan', NaN),
      D('b.inf', Infinity),
      D('b.ninf', -Infinity),
      D('b.negZero', -0),
      D('b.tiny', Number.MIN_VALUE),
    ],
  ],
  [
    'same descriptor fields repeated and alternating (mask bits), every unit',
    [
      ...Object.values(ProbeUnit).map((u, i) => L(`p.m${i % 3}`, i, u)),
      L('p.m0', 1),
      L('p.m0', 2),
      L('q.m0', 3, ProbeUnit.COUNT),
      nc('x', 'hits', 1, ProbeUnit.COUNT),
      { d: { prefix: 'nearcache', metric: 'hits', discriminator: 'name', discriminatorValue: 'y' }, type: 'long', v: 2 },
      { d: { prefix: 'nearcache', metric: 'hits', discriminator: 'other', discriminatorValue: 'y' }, type: 'long', v: 3 },
      { d: { metric: 'hits', discriminatorValue: 'y' }, type: 'double', v: 4.5 },
    ],
  ],
  [
    'words sharing prefixes, non-ASCII and surrogate pairs, 255-character words',
    [
      L('abc.abcdef', 1),
      L('abc.ab', 2),
      L('abd.a', 3),
      L('zz.Zz', 4),
      L('ünïcødé.名前', 5),
      L('emoji.😀x', 6),
      L(`${'w'.repeat(255)}.${'v'.repeat(255)}`, 7),
      L(`${'w'.repeat(254)}x.y`, 8),
    ],
  ],
  [
    'many metrics (buffers grow beyond their initial size)',
    Array.from({ length: 600 }, (_, i) =>
      i % 2 ? nc(`cache-${i % 37}`, `stat${i % 11}`, i * 1_000_003, ProbeUnit.COUNT) : D(`g${i % 13}.metric${i}`, i / 7),
    ),
  ],
];

describe('MetricsCompressor', () => {
  it.each(cases)('writes byte-for-byte what the official Node.js client writes: %s', async (_name, entries) => {
    const expected = await theirs(entries);
    const actual = ours(entries);
    expect(actual.toString('hex')).toBe(expected.toString('hex'));
  });

  it('uses the same value-type and unit ordinals as the official client', () => {
    expect(official.ValueType).toMatchObject({ LONG: 0, DOUBLE: 1 });
    for (const [name, ordinal] of Object.entries(ProbeUnit)) expect(official.ProbeUnit[name]).toBe(ordinal);
  });

  it('decodes (per the format spec) to the metrics that were added', () => {
    const blob = ours(clientLike);
    const decoded = decodeMetricsBlob(blob);
    expect(decoded.version).toBe(1);
    expect(blob.readUInt16BE(0)).toBe(1);
    expect(decoded.metrics).toHaveLength(clientLike.length);
    decoded.metrics.forEach((m, i) => {
      const e = clientLike[i]!;
      expect(m).toMatchObject({
        prefix: e.d.prefix ?? null,
        metric: e.d.metric,
        discriminator: e.d.discriminator ?? null,
        discriminatorValue: e.d.discriminatorValue ?? null,
        unit: e.d.unit ?? null,
        excludedTargets: 0,
        tags: [],
        type: e.type,
      });
      expect(m.value).toEqual(e.type === 'long' ? BigInt(Math.trunc(e.v)) : e.v);
    });
    // The dictionary holds each distinct word once.
    expect(new Set(decoded.dictionary).size).toBe(decoded.dictionary.length);
    expect(decoded.dictionary).toContain('freePhysicalMemorySize');
  });

  it('writes full 64-bit longs from bigint and Long values, and clamps numbers like Long.fromNumber', () => {
    const c = new MetricsCompressor();
    const max = (1n << 63n) - 1n;
    const min = -(1n << 63n);
    c.addLong({ metric: 'a' }, max);
    c.addLong({ metric: 'b' }, min);
    c.addLong({ metric: 'c' }, Long.fromString('-1234567890123456789'));
    c.addLong({ metric: 'd' }, Long.MAX_VALUE);
    c.addLong({ metric: 'e' }, 1e300);
    c.addLong({ metric: 'f' }, -1e300);
    c.addLong({ metric: 'g' }, 5.99);
    expect(c.count).toBe(7);
    const values = decodeMetricsBlob(c.generateBlob()).metrics.map((m) => m.value);
    expect(values).toEqual([max, min, -1234567890123456789n, max, max, min, 5n]);
  });

  it('treats null descriptor fields like absent ones', () => {
    const c = new MetricsCompressor();
    c.addLong({ prefix: null, metric: 'm', discriminator: null, discriminatorValue: null, unit: null }, 1);
    expect(c.generateBlob().equals(ours([L('m', 1)]))).toBe(true);
  });

  it('rejects a word longer than 255 characters without changing the blob', () => {
    const c = new MetricsCompressor();
    c.addLong({ prefix: 'os', metric: 'a' }, 1);
    expect(() => c.addLong({ prefix: 'os', metric: 'x'.repeat(256) }, 2)).toThrow(RangeError);
    expect(() => c.addDouble({ prefix: 'os', metric: 'b', discriminatorValue: 'y'.repeat(300) }, 2)).toThrow(RangeError);
    c.addLong({ prefix: 'os', metric: 'c' }, 3);
    expect(c.count).toBe(2);
    expect(c.generateBlob().equals(ours([L('os.a', 1), L('os.c', 3)]))).toBe(true);
  });
});
