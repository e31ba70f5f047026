import { concatSamples, percentile, summarize } from '../src/stats/percentile';
import { LatencyRecorder } from '../src/stats/latency-recorder';

describe('percentile (nearest rank)', () => {
  const hundred = Float64Array.from({ length: 100 }, (_, i) => i + 1); // 1..100

  it('is the smallest sample with at least p% of the samples at or below it', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 99.5)).toBe(100);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
  });

  it('takes a real sample, never an interpolation', () => {
    expect(percentile([10, 20], 50)).toBe(10);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([7], 99)).toBe(7);
  });

  it('is NaN without samples and rejects a p outside 0..100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('sorts numerically (not as strings) and summarizes', () => {
    const s = summarize(Float64Array.from([10, 9, 100, 1, 2]));
    expect(s).toEqual({ count: 5, p50: 9, p99: 100, max: 100, mean: 24.4 });
  });

  it('merges the samples of several runs before taking percentiles', () => {
    const merged = concatSamples([Float64Array.from([1, 2, 3]), Float64Array.from([4]), new Float64Array(0)]);
    expect(Array.from(merged)).toEqual([1, 2, 3, 4]);
    expect(summarize(merged).p50).toBe(2);
  });
});

describe('LatencyRecorder', () => {
  it('keeps every sample while it grows', () => {
    const r = new LatencyRecorder();
    for (let i = 0; i < 40_000; i++) r.add(i);
    expect(r.count).toBe(40_000);
    const s = r.samples();
    expect(s.length).toBe(40_000);
    expect(s[0]).toBe(0);
    expect(s[39_999]).toBe(39_999);
  });
});
