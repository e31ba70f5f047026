// Number formats shared by the table and the chart.

/** 12,345 ops/s; small rates keep a decimal. */
export function formatRate(n: number): string {
  if (!Number.isFinite(n)) return '-';
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
}

/** Milliseconds with three significant digits: 0.0412, 1.27, 38.5, 1,204. */
export function formatMs(n: number): string {
  if (!Number.isFinite(n)) return '-';
  if (n >= 1000) return Math.round(n).toLocaleString('en-US');
  return n.toPrecision(3);
}

export function formatRatio(r: number | null): string {
  return r === null || !Number.isFinite(r) ? '-' : `${r.toFixed(2)}x`;
}

export function formatPct(p: number | null): string {
  return p === null || !Number.isFinite(p) ? '-' : `${Math.round(p)}%`;
}
