// Every package is published the same way: built by tools/build/rollup.config.mjs into dist/,
// one exports entry per public module path, side-effect free, for Node.js 20 and later.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './support/shared';

interface Manifest {
  name?: string;
  exports?: Record<string, unknown>;
  sideEffects?: unknown;
  engines?: Record<string, string>;
  files?: unknown;
  scripts?: Record<string, string>;
}

const PACKAGES_DIR = join(REPO_ROOT, 'packages');
const folders = readdirSync(PACKAGES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(PACKAGES_DIR, d.name, 'package.json')))
  .map((d) => d.name)
  .sort();

const read = (folder: string): Manifest => JSON.parse(readFileSync(join(PACKAGES_DIR, folder, 'package.json'), 'utf8'));

describe('package manifests', () => {
  it('finds the packages', () => {
    expect(folders).toEqual(expect.arrayContaining(['client', 'core', 'cp', 'member', 'near-cache', 'proxies', 'query', 'serialization']));
  });

  describe.each(folders)('packages/%s', (folder) => {
    const manifest = read(folder);

    it('is named @hz/<folder>', () => {
      expect(manifest.name).toBe(`@hz/${folder}`);
    });

    it('has an exports map whose entries point into dist and match the build', () => {
      expect(manifest.exports).toEqual(expect.objectContaining({ '.': expect.anything() }));
      const entries = Object.entries(manifest.exports ?? {}).filter(([key]) => key !== './package.json');
      for (const [key, value] of entries) {
        expect(key === '.' || /^\.\/[a-z0-9-]+$/.test(key)).toBe(true);
        const base = key === '.' ? 'index' : key.slice(2);
        // tools/build/rollup.config.mjs builds each key from this source into these files.
        expect({ key, value }).toEqual({
          key,
          value: { types: `./dist/${base}.d.ts`, import: `./dist/${base}.mjs`, require: `./dist/${base}.cjs` },
        });
        expect(existsSync(join(PACKAGES_DIR, folder, key === '.' ? 'src/index.ts' : `src/${base}/index.ts`))).toBe(true);
      }
    });

    it('is side-effect free, for Node.js 20 and later, publishes dist only and has a build script', () => {
      expect(manifest.sideEffects).toBe(false);
      expect(manifest.engines?.node).toBe('>=20');
      expect(manifest.files).toEqual(['dist']);
      expect(manifest.scripts?.build).toEqual(expect.any(String));
    });

    it('has a README.md', () => {
      const readme = join(PACKAGES_DIR, folder, 'README.md');
      expect(existsSync(readme)).toBe(true);
      expect(readFileSync(readme, 'utf8').trim().length).toBeGreaterThan(0);
    });
  });
});
