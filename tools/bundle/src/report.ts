// The results of `pnpm bundle` (tools/bundle/results/*.json) and their printed form.
import type { ColdCall } from './cold-call';
import type { LoadSample } from './load-time';
import { MARKER_GROUPS, type MarkerHit } from './markers';
import { median } from './median';
import { formatTable, kib, mib, ms } from './table';

/** The goals of issue #7: ours at most a fifth of the official minified size, and a third of its load time. */
export const GOALS = { sizeRatio: 1 / 5, loadRatio: 1 / 3 };

export interface BundleFigures {
  name: 'ours' | 'official';
  handler: string;
  file: string;
  minifiedBytes: number;
  gzippedBytes: number;
  load: { median: LoadSample; samples: LoadSample[] };
  coldCalls: ColdCall[];
  /** Median of the cold calls, ms; null when skipped or when one failed. */
  coldCallMs: number | null;
  /** Marker hits per feature. */
  markers: Record<string, MarkerHit[]>;
  /** Minified bytes per package, largest first, by the bundle's source map (see build-bundle.ts). */
  bytesByPackage: Array<[string, number]>;
  /** Minified bytes no source file maps to (rollup's CommonJS wrapper and helpers). */
  unmappedBytes: number;
  /** Rollup's warnings by code, circular dependencies left out. */
  warnings: Record<string, number>;
}

export interface BundleReport {
  tool: 'tools/bundle';
  date: string;
  node: string;
  bundler: string;
  settings: {
    runs: number;
    calls: number;
    format: 'cjs';
    platform: 'node';
    target: 'node20';
    inlineDynamicImports: true;
    treeshake: 'default';
    /** Rollup plugins with their versions. */
    plugins: Record<string, string>;
    /** The options given to @rollup/plugin-terser, the same for both bundles. */
    terser: object;
    /** Comments kept in the minified code, license headers included. */
    comments: 'none';
  };
  goals: {
    minifiedSizeRatio: { max: number; actual: number; met: boolean };
    loadTimeRatio: { max: number; actual: number; met: boolean };
  };
  bundles: [BundleFigures, BundleFigures];
  /** Modules of our bundle (rollup's ids) from packages a map bundle must not contain, per package (none is right). */
  oursExcludedPackages: Record<string, string[]>;
  coldCallNote?: string;
}

export function coldCallMs(calls: readonly ColdCall[]): number | null {
  return calls.length > 0 && calls.every((c) => c.ok) ? median(calls.map((c) => c.ms)) : null;
}

export function goals(ours: BundleFigures, official: BundleFigures): BundleReport['goals'] {
  const size = ours.minifiedBytes / official.minifiedBytes;
  const load = ours.load.median.loadMs / official.load.median.loadMs;
  return {
    minifiedSizeRatio: { max: GOALS.sizeRatio, actual: size, met: size <= GOALS.sizeRatio },
    loadTimeRatio: { max: GOALS.loadRatio, actual: load, met: load <= GOALS.loadRatio },
  };
}

export function printReport(r: BundleReport, log: (line?: string) => void): void {
  const [ours, official] = r.bundles;
  log(`\nThe handler (connect, getMap, put, get), bundled and minified; load = require() in a fresh node process, median of ${r.settings.runs}\n`);
  const call = (b: BundleFigures): string => (b.coldCalls.length === 0 ? 'skipped' : b.coldCallMs === null ? 'FAILED' : ms(b.coldCallMs));
  const row = (b: BundleFigures): string[] => {
    const l = b.load.median;
    return [b.name, kib(b.minifiedBytes), kib(b.gzippedBytes), ms(l.loadMs), mib(l.rssBytes), mib(l.rssDeltaBytes), mib(l.heapDeltaBytes), call(b)];
  };
  const ratio = (f: (b: BundleFigures) => number | null): string => {
    const [a, b] = [f(ours), f(official)];
    return a === null || b === null ? '-' : `${(a / b).toFixed(2)}x`;
  };
  log(
    formatTable(
      ['bundle', 'minified', 'gzipped', 'load', 'RSS after load', 'RSS added', 'heap kept', 'cold call'],
      [
        row(ours),
        row(official),
        [
          'ours/official',
          ratio((b) => b.minifiedBytes),
          ratio((b) => b.gzippedBytes),
          ratio((b) => b.load.median.loadMs),
          ratio((b) => b.load.median.rssBytes),
          ratio((b) => b.load.median.rssDeltaBytes),
          ratio((b) => b.load.median.heapDeltaBytes),
          ratio((b) => b.coldCallMs),
        ],
      ],
    ),
  );
  const verdict = (g: { max: number; actual: number; met: boolean }): string =>
    `${g.actual.toFixed(2)}x, goal at most ${g.max.toFixed(2)}x: ${g.met ? 'met' : 'NOT met'}`;
  log(`\nminified size ours/official: ${verdict(r.goals.minifiedSizeRatio)}`);
  log(`load time ours/official:     ${verdict(r.goals.loadTimeRatio)}`);
  for (const b of r.bundles) for (const c of b.coldCalls.filter((x) => !x.ok).slice(0, 1)) log(`cold call of ${b.name} failed: ${c.error}`);
  if (r.coldCallNote) log(`cold calls skipped: ${r.coldCallNote}`);

  const hits = (h: MarkerHit[], of: number): string => (h.length === 0 ? 'none' : `${h.reduce((n, x) => n + x.count, 0)} hits of ${h.length}/${of} markers`);
  log('\nWhat our bundle must leave out: text markers of each feature in the minified code (src/markers.ts; hits in the JSON)\n');
  log(formatTable(['feature', 'ours', 'official'], MARKER_GROUPS.map((g) => [g.concern, hits(ours.markers[g.concern], g.markers.length), hits(official.markers[g.concern], g.markers.length)])));
  for (const [concern, found] of Object.entries(ours.markers)) for (const h of found) log(`  ours, ${concern} marker ${h.marker}: ...${h.sample.replace(/\s+/g, ' ')}...`);
  const excluded = Object.entries(r.oursExcludedPackages);
  log(
    excluded.length === 0
      ? '\nmodules of our bundle: none from @hz/cp, @hz/query, @hz/near-cache or @hz/serialization (Portable/Compact): OK'
      : `\nmodules of our bundle FROM EXCLUDED PACKAGES: ${excluded.map(([k, f]) => `@hz/${k}: ${f.join(', ')}`).join('; ')}`,
  );
  log(
    `where our minified bytes come from (by the source map): ${ours.bytesByPackage.map(([k, n]) => `${k} ${kib(n)}`).join(', ')}` +
      `, no source ${kib(ours.unmappedBytes)}`,
  );
}
