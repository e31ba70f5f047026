import { bytesByPackage, packageOf } from '../src/build-bundle';
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

  it('lists bundled files of the packages a map bundle must not contain', () => {
    const inputs = ['packages/core/src/index.ts', 'packages/query/src/predicates/predicates.ts', 'packages/serialization/src/compact/schema.ts', 'tools/bundle/handlers/ours.ts'];
    expect(excludedInputs(inputs)).toEqual({
      query: ['packages/query/src/predicates/predicates.ts'],
      serialization: ['packages/serialization/src/compact/schema.ts'],
    });
    expect(excludedInputs(['packages/core/src/index.ts', 'packages/proxies/src/map/index.ts'])).toEqual({});
  });

  it('adds up output bytes per package, pnpm paths included', () => {
    expect(packageOf('node_modules/.pnpm/pino@10.0.0/node_modules/pino/lib/tools.js')).toBe('pino');
    expect(packageOf('node_modules/.pnpm/@scope+x@1.0.0/node_modules/@scope/x/index.js')).toBe('@scope/x');
    expect(packageOf('node_modules/long/index.js')).toBe('long');
    expect(bytesByPackage({ 'packages/core/src/a.ts': 10, 'packages/core/src/b.ts': 5, 'node_modules/long/index.js': 20 })).toEqual([
      ['long', 20],
      ['@hz/core', 15],
    ]);
  });

  it('takes medians', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
