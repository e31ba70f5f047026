// What must not be in a "connect, one map, put, get" bundle of our packages (ARCHITECTURE.md):
// CP, query, near-cache and Portable/Compact code. Two checks: which packages the bundler took
// modules from (exact, ours only), and text markers in the minified output that survive
// minification (strings from those features' code), which work on any bundle, the official
// one included, for contrast.

export const EXCLUDED_PACKAGES = ['cp', 'query', 'near-cache', 'serialization'] as const;

export interface MarkerGroup {
  concern: string;
  markers: RegExp[];
}

export const MARKER_GROUPS: readonly MarkerGroup[] = [
  { concern: 'CP', markers: [/hz:raft:/, /fenced ?lock/i, /cp ?session/i, /cp ?subsystem/i] },
  { concern: 'query', markers: [/sql ?predicate/i, /SQL of a predicate/, /paging ?predicate ?holder/i, /(Regex|ILike|InstanceOf|Between)Predicate/, /aggregator_factory/i] },
  { concern: 'near cache', markers: [/hazelcast\.invalidation\./, /invalidation ?metadata/i, /near ?cache ?(config|record|manager|stat)/i, /reconciliation/i] },
  { concern: 'Portable/Compact', markers: [/class ?definition/i, /portable ?(reader|writer|context|version|factor)/i, /compact ?(reader|writer|schema|serializer)/i, /schema ?service/i, /generic ?record/i] },
];

export interface MarkerHit {
  marker: string;
  count: number;
  /** Some text around the first hit, to judge it. */
  sample: string;
}

/** Every marker of a group found in the text, with a count and a sample. */
export function findMarkers(text: string, group: MarkerGroup): MarkerHit[] {
  const hits: MarkerHit[] = [];
  for (const marker of group.markers) {
    const all = new RegExp(marker.source, marker.flags.includes('g') ? marker.flags : marker.flags + 'g');
    const matches = [...text.matchAll(all)];
    if (matches.length === 0) continue;
    const at = matches[0].index ?? 0;
    hits.push({ marker: String(marker), count: matches.length, sample: text.slice(Math.max(0, at - 40), at + 60) });
  }
  return hits;
}

/**
 * The bundle's modules (rollup's ids as repository paths: packages/<name>/dist/... or .../src/...)
 * that come from a package that must not be in it.
 */
export function excludedInputs(modules: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of EXCLUDED_PACKAGES) {
    const files = modules.filter((p) => p.startsWith(`packages/${name}/`));
    if (files.length > 0) out[name] = files;
  }
  return out;
}
