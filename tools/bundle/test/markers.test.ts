import { excludedInputs, findMarkers, MARKER_GROUPS } from '../src/markers';
import { median } from '../src/median';

describe('bundle checks', () => {
  const group = (concern: string) => MARKER_GROUPS.find((g) => g.concern === concern)!;

  it('finds feature markers in minified code, with a count and a sample', () => {
    const code = 'var a="hz:raft:atomicLongService",b="hz:raft:lockService";throw new Error("FencedLock is gone")';
    const hits = findMarkers(code, group('CP'));
    expect(hits.map((h) => [h.marker, h.count])).toEqual([
      ['/hz:raft:/', 2],
      ['/fenced ?lock/i', 1],
    ]);
    expect(hits[0].sample).toContain('hz:raft:atomicLongService');
  });

  it('does not take map code for query or near-cache code', () => {
    // What a map proxy legitimately holds: an entry event type and a predicate argument check.
    const code = 'zd={MERGED:128,INVALIDATION:256};throw new v(`${e} must be a predicate`)';
    expect(findMarkers(code, group('near cache'))).toEqual([]);
    expect(findMarkers(code, group('query'))).toEqual([]);
  });

  it('lists bundled modules of the packages a map bundle must not contain', () => {
    const modules = ['packages/core/dist/index.mjs', 'packages/query/dist/index.mjs', 'packages/serialization/dist/chunks/compact-x1.mjs', 'tools/bundle/handlers/ours.ts'];
    expect(excludedInputs(modules)).toEqual({
      query: ['packages/query/dist/index.mjs'],
      serialization: ['packages/serialization/dist/chunks/compact-x1.mjs'],
    });
    expect(excludedInputs(['packages/core/dist/index.mjs', 'packages/proxies/dist/map.mjs', 'packages/proxies/dist/chunks/map-x2.mjs'])).toEqual({});
    // Not a package of ours: a dependency that happens to share a name.
    expect(excludedInputs(['node_modules/.pnpm/query@1.0.0/node_modules/query/index.js'])).toEqual({});
  });

  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
