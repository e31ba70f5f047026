// The dependency rule (ARCHITECTURE.md): a feature package imports @hz/core only, never a sibling.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkManifest, checkRepository, checkSource, FEATURE_PACKAGES, formatViolation } from '../tools/build/dependency-rule';
import { REPO_ROOT } from './support/shared';

describe('dependency rule', () => {
  it('holds in this repository (sources and package.json files)', () => {
    const violations = checkRepository(REPO_ROOT).map((v) => formatViolation(v, REPO_ROOT));
    expect(violations).toEqual([]);
  });

  describe('the checker', () => {
    const pkgDir = '/repo/packages/proxies';
    const file = `${pkgDir}/src/map/map-proxy.ts`;

    it('accepts @hz/core, its subpaths, third-party modules and relative imports inside the package', () => {
      const source = [
        "import { ClientMessage } from '@hz/core';",
        "import type { Data } from '@hz/core/codec';",
        "export * from '@hz/core/codec';",
        "import Long from 'long';",
        "import { readFileSync } from 'node:fs';",
        "import { x } from './local';",
        "import { y } from '../codec/generated/map';",
        "import pkg = require('../../package.json');",
        "// import { Predicate } from '@hz/query'; (a comment is not an import)",
        "const text = \"import '@hz/cp'\";",
      ].join('\n');
      expect(checkSource('proxies', pkgDir, file, source)).toEqual([]);
    });

    it('reports every form of importing a sibling package', () => {
      const source = [
        "import { NearCache } from '@hz/near-cache';",
        "import type { Predicate } from '@hz/query/predicates';",
        "export { Portable } from '@hz/serialization';",
        "export * from '@hz/client';",
        "import '@hz/member';",
        "import cp = require('@hz/cp');",
        "const q = require('@hz/query');",
        "const s = import('@hz/serialization');",
        "type T = typeof import('@hz/near-cache');",
      ].join('\n');
      const violations = checkSource('proxies', pkgDir, file, source);
      expect(violations.map((v) => [v.line, v.specifier])).toEqual([
        [1, '@hz/near-cache'],
        [2, '@hz/query/predicates'],
        [3, '@hz/serialization'],
        [4, '@hz/client'],
        [5, '@hz/member'],
        [6, '@hz/cp'],
        [7, '@hz/query'],
        [8, '@hz/serialization'],
        [9, '@hz/near-cache'],
      ]);
      expect(violations[0].message).toContain('@hz/proxies may not import @hz/near-cache');
    });

    it('reports relative imports that leave the package folder, and computed specifiers', () => {
      const source = [
        "import { ClientMessage } from '../../../core/src/protocol/client-message';",
        "export * from '../../../query/src';",
        "import { abs } from '/repo/packages/cp/src/index';",
        'const m = require(moduleName);',
      ].join('\n');
      const violations = checkSource('proxies', pkgDir, file, source);
      expect(violations.map((v) => [v.line, v.specifier])).toEqual([
        [1, '../../../core/src/protocol/client-message'],
        [2, '../../../query/src'],
        [3, '/repo/packages/cp/src/index'],
        [4, '<computed>'],
      ]);
    });

    it('applies the rule to every feature package, and keeps @hz/core free of @hz imports', () => {
      for (const folder of FEATURE_PACKAGES) {
        const source = "import '@hz/core/codec';\nimport '@hz/proxies/map';";
        const violations = checkSource(folder, `/repo/packages/${folder}`, `/repo/packages/${folder}/src/index.ts`, source);
        expect(violations.map((v) => [v.line, v.message])).toEqual([
          [2, folder === 'proxies' ? '@hz/proxies imports itself by name; use a relative import' : `@hz/${folder} may not import @hz/proxies (allowed: @hz/core)`],
        ]);
      }
      expect(checkSource('core', '/repo/packages/core', '/repo/packages/core/src/index.ts', "import '@hz/serialization';")).toHaveLength(1);
      expect(checkSource('client', '/repo/packages/client', '/repo/packages/client/src/index.ts', "import '@hz/query'; import '@hz/member';")).toHaveLength(1);
      expect(checkSource('member', '/repo/packages/member', '/repo/packages/member/src/index.ts', "import '@hz/proxies/codec';")).toEqual([]);
    });

    it('reports sibling packages in dependencies and peerDependencies', () => {
      const manifest = {
        name: '@hz/proxies',
        dependencies: { '@hz/core': 'workspace:*', '@hz/near-cache': 'workspace:*', long: '5.3.2' },
        peerDependencies: { '@hz/query': '*' },
        devDependencies: { '@hz/member': 'workspace:*' },
      };
      const violations = checkManifest('proxies', `${pkgDir}/package.json`, manifest);
      expect(violations.map((v) => v.specifier)).toEqual(['@hz/near-cache', '@hz/query']);
    });

    it('finds a violation in a repository on disk', () => {
      const root = mkdtempSync(join(tmpdir(), 'hz-dependency-rule-'));
      try {
        const write = (path: string, text: string) => {
          mkdirSync(join(root, path, '..'), { recursive: true });
          writeFileSync(join(root, path), text);
        };
        write('packages/core/package.json', JSON.stringify({ name: '@hz/core' }));
        write('packages/core/src/index.ts', 'export const a = 1;\n');
        write('packages/query/package.json', JSON.stringify({ name: '@hz/query', dependencies: { '@hz/core': 'workspace:*' } }));
        write('packages/query/src/index.ts', "export * from './predicates';\n");
        write('packages/query/src/predicates/index.ts', "import { a } from '@hz/core';\nimport { b } from '@hz/proxies/map';\nexport const p = a + b;\n");
        const violations = checkRepository(root).map((v) => formatViolation(v, root));
        expect(violations).toEqual([
          "packages/query/src/predicates/index.ts:2: '@hz/proxies/map': @hz/query may not import @hz/proxies (allowed: @hz/core)",
        ]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  });
});
