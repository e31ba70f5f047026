// A horizontal grouped bar chart as a standalone SVG string: one group per scenario, one bar
// per series. Each group is scaled to its own largest bar, because rates differ by orders of
// magnitude between scenarios; the numbers are printed on the bars.
import { formatPct } from './format';
import { formatRate, formatRatio } from './format';
import type { BenchReport } from './results';

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export interface ChartGroup {
  label: string;
  /** Value per series key; a missing or non-finite value draws no bar. */
  values: Record<string, number | undefined>;
  /** Lines of text at the right of the group, e.g. the ratio. */
  note: string[];
}

const WIDTH = 1000;
const LABEL_WIDTH = 200;
const BAR_AREA = 480;
const BAR_HEIGHT = 13;
const BAR_GAP = 3;
const GROUP_GAP = 14;
const TOP = 78;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function svgBarChart(title: string, subtitle: string, series: readonly ChartSeries[], groups: readonly ChartGroup[]): string {
  const groupHeight = series.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + GROUP_GAP;
  const height = TOP + groups.length * groupHeight + 10;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="10" y="22" font-size="16" font-weight="bold">${escapeXml(title)}</text>`);
  out.push(`<text x="10" y="40" fill="#555555">${escapeXml(subtitle)}</text>`);
  series.forEach((s, i) => {
    const x = 10 + i * 190;
    out.push(`<rect x="${x}" y="50" width="12" height="12" fill="${s.color}"/>`);
    out.push(`<text x="${x + 18}" y="60">${escapeXml(s.label)}</text>`);
  });
  groups.forEach((g, gi) => {
    const y0 = TOP + gi * groupHeight;
    const finite = series.map((s) => g.values[s.key]).filter((v): v is number => v !== undefined && Number.isFinite(v) && v > 0);
    const max = Math.max(...finite, 1e-9);
    const middle = y0 + (groupHeight - GROUP_GAP) / 2;
    out.push(`<text x="${LABEL_WIDTH - 8}" y="${middle + 4}" text-anchor="end">${escapeXml(g.label)}</text>`);
    series.forEach((s, si) => {
      const v = g.values[s.key];
      if (v === undefined || !Number.isFinite(v) || v <= 0) return;
      const y = y0 + si * (BAR_HEIGHT + BAR_GAP);
      const w = Math.max(1, (v / max) * BAR_AREA);
      out.push(`<rect class="bar ${escapeXml(s.key)}" x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="${BAR_HEIGHT}" fill="${s.color}"><title>${escapeXml(`${s.label}: ${formatRate(v)}`)}</title></rect>`);
      out.push(`<text x="${(LABEL_WIDTH + w + 4).toFixed(1)}" y="${y + BAR_HEIGHT - 2}" font-size="11">${escapeXml(formatRate(v))}</text>`);
    });
    g.note.forEach((line, li) => {
      const y = middle + 4 + (li - (g.note.length - 1) / 2) * 15;
      out.push(`<text x="${LABEL_WIDTH + BAR_AREA + 70}" y="${y}"${li === 0 ? ' font-weight="bold"' : ' fill="#555555"'}>${escapeXml(line)}</text>`);
    });
    if (gi < groups.length - 1) {
      const yLine = y0 + groupHeight - GROUP_GAP / 2;
      out.push(`<line x1="10" y1="${yLine}" x2="${WIDTH - 10}" y2="${yLine}" stroke="#eeeeee"/>`);
    }
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

export const BENCH_SERIES: readonly ChartSeries[] = [
  { key: 'ours', label: 'ours (@hz/core)', color: '#2f6fdf' },
  { key: 'official', label: 'official (hazelcast-client)', color: '#e8862a' },
];

/**
 * The chart of a benchmark report: ops/s per scenario, ours vs official, with the ratio. The raw
 * baseline is text, not a bar: as a bar it would squash the two that matter.
 */
export function benchChart(report: BenchReport): string {
  const groups: ChartGroup[] = report.scenarios.map((s) => {
    const raw = s.results.raw;
    return {
      label: s.label,
      values: { ours: s.results.ours?.opsPerSec, official: s.results.official?.opsPerSec },
      note: [
        `ours/official ${formatRatio(s.ratios.oursToOfficial)}`,
        ...(raw ? [`raw ${formatRate(raw.opsPerSec)}: ours ${formatPct(100 * (s.ratios.oursToRaw ?? NaN))}, official ${formatPct(100 * (s.ratios.officialToRaw ?? NaN))}`] : []),
      ],
    };
  });
  return svgBarChart(
    'Map operations: ops/s, ours vs official',
    `${report.startedAt} - node ${report.machine.node}, ${report.machine.cpus} cores - ${report.settings.limit} x ${report.settings.rounds} rounds - each scenario scaled to its larger bar; raw = the raw TCP baseline`,
    BENCH_SERIES,
    groups,
  );
}
