import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle, bytesByPackage, bytesBySource, missingBuilds, OUR_BUILDS, packageOf, repoPath, staleBuilds } from '../src/build-bundle';

describe('where the bytes of a bundle come from', () => {
  it('names the package of a module id: ours built or from source, npm packages through pnpm', () => {
    expect(packageOf('packages/core/dist/index.mjs')).toBe('@hz/core');
    expect(packageOf('packages/proxies/dist/chunks/map-DZRWlLcX.mjs')).toBe('@hz/proxies');
    expect(packageOf('packages/core/src/client/index.ts')).toBe('@hz/core');
    expect(packageOf('node_modules/.pnpm/pino@10.0.0/node_modules/pino/lib/tools.js')).toBe('pino');
    expect(packageOf('node_modules/.pnpm/hazelcast-client@5.6.0/node_modules/hazelcast-client/lib/index.js')).toBe('hazelcast-client');
    expect(packageOf('node_modules/.pnpm/@scope+x@1.0.0/node_modules/@scope/x/index.js')).toBe('@scope/x');
    expect(packageOf('node_modules/long/index.js')).toBe('long');
    // A dependency linked under one of our packages is the dependency's, not ours.
    expect(packageOf('packages/core/node_modules/long/index.js')).toBe('long');
    expect(packageOf('tools/bundle/handlers/ours.ts')).toBe('tools/bundle/handlers/ours.ts');
  });

  it('turns rollup ids into repository paths, virtual modules and ?queries included', () => {
    expect(repoPath('/repo', '/repo/packages/core/dist/index.mjs')).toBe('packages/core/dist/index.mjs');
    expect(repoPath('/repo', '\0/repo/node_modules/.pnpm/pino@10.0.0/node_modules/pino/pino.js?commonjs-module')).toBe(
      'node_modules/.pnpm/pino@10.0.0/node_modules/pino/pino.js',
    );
    expect(repoPath('/repo', '\0commonjsHelpers.js')).toBe('commonjsHelpers.js');
  });

  it('adds up bytes per package', () => {
    expect(bytesByPackage({ 'packages/core/dist/index.mjs': 10, 'packages/core/dist/chunks/index-x.mjs': 5, 'node_modules/long/index.js': 20 })).toEqual([
      ['long', 20],
      ['@hz/core', 15],
    ]);
  });

  it('splits generated code among the sources of its source map', () => {
    // Line 0: "abc" from a.js, ";" from b.js, "de" from a.js; line 1: "x" unmapped, "fg" from b.js, "é" (2 bytes) with no source.
    const code = 'abc;de\nxfgé';
    const map = { sources: ['a.js', 'b.js'], mappings: 'AAAA,GCAA,CDAA;CCAA,E' };
    expect(bytesBySource(code, map)).toEqual({ bySource: [5, 3], unmapped: 1 + 1 + 2 });
  });

  describe('a real bundle', () => {
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'hz-bundle-'));
      // An ESM package with "sideEffects": false (as ours) and a CommonJS one (as pino).
      const esm = join(root, 'node_modules/esm-pkg');
      mkdirSync(esm, { recursive: true });
      writeFileSync(join(esm, 'package.json'), JSON.stringify({ name: 'esm-pkg', sideEffects: false, exports: { '.': { import: './used.mjs' } } }));
      writeFileSync(join(esm, 'used.mjs'), "export { greet } from './greet.mjs';\nexport { unused } from './unused.mjs';\n");
      writeFileSync(join(esm, 'greet.mjs'), 'export function greet(name) { return `hello, ${name}, from a function long enough to count`; }\n');
      writeFileSync(join(esm, 'unused.mjs'), "export function unused() { return 'must not be in the bundle'; }\n");
      const cjs = join(root, 'node_modules/cjs-pkg');
      mkdirSync(cjs, { recursive: true });
      writeFileSync(join(cjs, 'package.json'), JSON.stringify({ name: 'cjs-pkg', main: 'index.js' }));
      writeFileSync(join(cjs, 'index.js'), "const os = require('node:os');\nexports.host = function host() { return 'running on ' + os.platform(); };\n");
      writeFileSync(
        join(root, 'handler.ts'),
        "import { greet } from 'esm-pkg';\nimport { host } from 'cjs-pkg';\nexport async function handler(event: { name?: string } = {}): Promise<string> {\n  return `${greet(event.name ?? 'you')} ${host()}`;\n}\n",
      );
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('is one working CommonJS file whose bytes are all accounted for, per source file', async () => {
      const out = join(root, 'dist/handler.cjs');
      const r = await bundle(root, join(root, 'handler.ts'), out);
      const code = readFileSync(out, 'utf8');
      expect(r.minifiedBytes).toBe(Buffer.byteLength(code));
      expect(code).not.toContain('must not be in the bundle');
      expect(code).toContain('require("node:os")');
      const mod = { exports: {} as { handler?: (e: { name: string }) => Promise<string> } };
      new Function('module', 'exports', 'require', code)(mod, mod.exports, require);
      await expect(mod.exports.handler!({ name: 'Ada' })).resolves.toMatch(/^hello, Ada, .* running on \w+$/);

      expect(Object.values(r.inputs).reduce((a, b) => a + b, 0) + r.unmappedBytes).toBe(r.minifiedBytes);
      const byPackage = Object.fromEntries(bytesByPackage(r.inputs));
      expect(Object.keys(byPackage).sort()).toEqual(expect.arrayContaining(['cjs-pkg', 'esm-pkg', 'handler.ts']));
      expect(byPackage['esm-pkg']).toBeGreaterThan(40);
      expect(byPackage['cjs-pkg']).toBeGreaterThan(20);
      // The tree-shaken module may be listed (rollup loaded it), but contributes nothing.
      expect(r.inputs['node_modules/esm-pkg/unused.mjs'] ?? 0).toBe(0);
      expect(r.modules).toEqual(expect.arrayContaining(['handler.ts', 'node_modules/esm-pkg/greet.mjs', 'node_modules/cjs-pkg/index.js']));
    }, 30_000);
  });

  it('knows when the built packages it bundles are missing or older than their sources', () => {
    const root = mkdtempSync(join(tmpdir(), 'hz-builds-'));
    try {
      expect(missingBuilds(root)).toEqual(OUR_BUILDS);
      const write = (file: string, mtime: number): void => {
        mkdirSync(join(root, file, '..'), { recursive: true });
        writeFileSync(join(root, file), '');
        utimesSync(join(root, file), mtime, mtime);
      };
      for (const f of OUR_BUILDS) write(f, 2000);
      write('packages/core/src/index.ts', 1000);
      write('packages/proxies/src/map/index.ts', 3000);
      expect(missingBuilds(root)).toEqual([]);
      expect(staleBuilds(root)).toEqual(['packages/proxies']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
