import { benchChart, escapeXml, svgBarChart } from '../src/report/svg-chart';
import type { BenchReport, TargetResult } from '../src/report/results';

/** Checks that tags nest and close properly: enough to catch a broken writer. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (selfClosing) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else stack.push(name);
  }
  expect(stack).toEqual([]);
  // Text outside tags has no raw markup characters.
  for (const text of svg.split(/<[^>]*>/)) expect(text).not.toMatch(/[<>]|&(?!(lt|gt|amp|quot|apos);)/);
}

const result = (opsPerSec: number): TargetResult => ({
  opsPerSec,
  p50Ms: 1,
  p99Ms: 2,
  meanMs: 1,
  maxMs: 3,
  ops: opsPerSec,
  elapsedMs: 1000,
  clientCpuPct: 90,
  serverCpuPct: 40,
  otherCpuPct: 0,
  rounds: [],
});

function report(withRaw: boolean): BenchReport {
  const scenarios = ['get 100 B x1', 'put 10 KiB x16', 'getAll(100) 100 B x256'].map((label, i) => ({
    id: `s${i}`,
    label,
    op: 'get' as const,
    valueSize: 100,
    concurrency: 1,
    getAllKeys: 100,
    wire: { messagesPerOp: 1, requestBytesPerOp: 60, responseBytesPerOp: 130 },
    results: { ours: result(1000 * (i + 1)), official: result(800 * (i + 1)), ...(withRaw ? { raw: result(5000) } : {}) },
    ratios: { oursToOfficial: 1.25, oursToRaw: withRaw ? (1000 * (i + 1)) / 5000 : null, officialToRaw: withRaw ? (800 * (i + 1)) / 5000 : null },
  }));
  return {
    tool: 'tools/bench',
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:01:00.000Z',
    machine: { node: 'v20.0.0', platform: 'linux x64', cpus: 2, cpuModel: 'test', loadAverageAtStart: 0 },
    settings: { limit: '3 s per run', warmupMs: 1000, rounds: 2, keyCount: 1000, order: 'ours, official, raw' },
    cluster: { kind: 'development member (separate process)', clusterName: 'dev', members: ['127.0.0.1:5701'] },
    via: {},
    scenarios,
    warnings: [],
  };
}

describe('the SVG chart', () => {
  it('is a well-formed standalone SVG with one bar per scenario for each client', () => {
    const svg = benchChart(report(false));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    assertWellFormed(svg);
    expect(svg.match(/class="bar ours"/g)).toHaveLength(3);
    expect(svg.match(/class="bar official"/g)).toHaveLength(3);
    expect(svg.match(/<rect class="bar/g)).toHaveLength(6);
    expect(svg).toContain('ours/official 1.25x');
    expect(svg).toContain('getAll(100) 100 B x256');
    expect(svg).not.toContain('raw 5,000');
  });

  it('gives the raw baseline as text beside the bars when it ran', () => {
    const svg = benchChart(report(true));
    assertWellFormed(svg);
    expect(svg.match(/<rect class="bar/g)).toHaveLength(6);
    expect(svg).toContain('raw 5,000: ours 20%, official 16%');
  });

  it('scales each group to its largest bar', () => {
    const svg = svgBarChart('t', 's', [{ key: 'a', label: 'A', color: '#000' }, { key: 'b', label: 'B', color: '#111' }], [
      { label: 'g', values: { a: 50, b: 100 }, note: [] },
    ]);
    const widths = [...svg.matchAll(/class="bar [ab]"[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[1]).toBeCloseTo(2 * widths[0]);
  });

  it('escapes text', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    const svg = svgBarChart('<&>', 's', [{ key: 'a', label: 'A', color: '#000' }], [{ label: 'x<y', values: { a: 1 }, note: ['n&m', 'a>b'] }]);
    assertWellFormed(svg);
  });
});
