import { formatMs, formatPct, formatRate, formatRatio } from './format';
import { SERVER_SATURATION_PCT, type BenchReport, type TargetResult } from './results';

/** Aligns columns: the first to the left, the others (numbers) to the right. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const latency = (r: TargetResult | undefined): string[] => (r ? [formatRate(r.opsPerSec), formatMs(r.p50Ms), formatMs(r.p99Ms)] : ['-', '-', '-']);

/** ops/s, p50 and p99 of each target, and the ratios. */
export function throughputTable(report: BenchReport): string {
  const header = ['scenario', 'ours ops/s', 'p50 ms', 'p99 ms', 'official ops/s', 'p50 ms', 'p99 ms', 'ours/official', 'raw ops/s', 'p50 ms', 'p99 ms', 'ours/raw', 'official/raw'];
  const rows = report.scenarios.map((s) => [
    s.label,
    ...latency(s.results.ours),
    ...latency(s.results.official),
    formatRatio(s.ratios.oursToOfficial),
    ...latency(s.results.raw),
    formatRatio(s.ratios.oursToRaw),
    formatRatio(s.ratios.officialToRaw),
  ]);
  return formatTable(header, rows);
}

/**
 * CPU of the load process and of the server side, % of one core; "!" marks a saturated server.
 * "other processes" is the most the rest of the machine used during any run of the scenario.
 */
export function cpuTable(report: BenchReport): string {
  const server = (r: TargetResult | undefined): string =>
    r === undefined ? '-' : formatPct(r.serverCpuPct) + (r.serverCpuPct !== null && r.serverCpuPct >= SERVER_SATURATION_PCT ? '!' : '');
  const header = ['scenario', 'ours client', 'member', 'official client', 'member', 'raw client', 'responder', 'other processes'];
  const other = (rs: Array<TargetResult | undefined>): string => {
    const known = rs.flatMap((r) => (r?.otherCpuPct === null || r?.otherCpuPct === undefined ? [] : [r.otherCpuPct]));
    return known.length === 0 ? '-' : formatPct(Math.max(...known));
  };
  const rows = report.scenarios.map((s) => [
    s.label,
    formatPct(s.results.ours?.clientCpuPct ?? null),
    server(s.results.ours),
    formatPct(s.results.official?.clientCpuPct ?? null),
    server(s.results.official),
    formatPct(s.results.raw?.clientCpuPct ?? null),
    server(s.results.raw),
    other([s.results.ours, s.results.official, s.results.raw]),
  ]);
  return formatTable(header, rows);
}
