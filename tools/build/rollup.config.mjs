// Shared rollup config: run from a package folder (`rollup -c ../../tools/build/rollup.config.mjs`).
// Every key of the package's `exports` map ("." or "./name") is one entry point,
// built from src/index.ts or src/<name>/index.ts into ESM (.mjs), CJS (.cjs) and .d.ts.
//
// Dependencies (declared in package.json) stay external imports: a sibling such as
// `@hz/core/codec` is imported at run time, never copied in. The dts build resolves a
// sibling's types through its built dist (node_modules/@hz/core -> packages/core), which
// is why lerna builds a package after the packages it depends on.
import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve, sep } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';

const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8'));
const srcDir = resolve('src') + sep;

const input = {};
for (const key of Object.keys(pkg.exports)) {
  if (key === './package.json') continue;
  const name = key === '.' ? 'index' : key.slice(2);
  input[name] = key === '.' ? 'src/index.ts' : `src/${name}/index.ts`;
}

const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const external = (id) => builtins.has(id) || deps.some((d) => id === d || id.startsWith(`${d}/`));

/** Fails the build when a module from outside this package's src/ would be bundled in. */
const ownSourcesOnly = () => ({
  name: 'hz-own-sources-only',
  buildEnd(error) {
    if (error) return;
    for (const id of this.getModuleIds()) {
      if (id.startsWith('\0') || this.getModuleInfo(id)?.isExternal) continue;
      if (!id.startsWith(srcDir)) {
        this.error(`${pkg.name}: ${id} is outside src/ and would be bundled in; import it through a declared dependency`);
      }
    }
  },
});

/** An unresolved import would be left in the output as a broken bare import: make it an error. */
const onwarn = (warning, warn) => {
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(`${pkg.name}: ${warning.message}`);
  if (warning.code === 'EMPTY_BUNDLE') return; // placeholder entries (`export {}`) of packages without code yet
  warn(warning);
};

const tsconfig = resolve('../../tsconfig.base.json');

// Chunk names carry content hashes: start from an empty dist so no stale chunk is left behind.
rmSync(resolve('dist'), { recursive: true, force: true });

export default [
  {
    input,
    external,
    onwarn,
    plugins: [esbuild({ target: 'node20', tsconfig }), ownSourcesOnly()],
    treeshake: { moduleSideEffects: false },
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs', hoistTransitiveImports: false },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', hoistTransitiveImports: false },
    ],
  },
  {
    input,
    external,
    onwarn,
    plugins: [dts({ tsconfig, compilerOptions: { types: ['node'] } }), ownSourcesOnly()],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts', hoistTransitiveImports: false },
  },
];
