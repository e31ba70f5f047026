// Shared rollup config: run from a package folder (`rollup -c ../../tools/build/rollup.config.mjs`).
// Every key of the package's `exports` map ("." or "./name") is one entry point,
// built from src/index.ts or src/<name>/index.ts into ESM (.mjs), CJS (.cjs) and .d.ts.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';

const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8'));

const input = {};
for (const key of Object.keys(pkg.exports)) {
  if (key === './package.json') continue;
  const name = key === '.' ? 'index' : key.slice(2);
  input[name] = key === '.' ? 'src/index.ts' : `src/${name}/index.ts`;
}

const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const external = (id) => builtins.has(id) || deps.some((d) => id === d || id.startsWith(`${d}/`));

export default [
  {
    input,
    external,
    plugins: [esbuild({ target: 'node20', tsconfig: resolve('../../tsconfig.base.json') })],
    treeshake: { moduleSideEffects: false },
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
    ],
  },
  {
    input,
    external,
    plugins: [dts({ tsconfig: resolve('../../tsconfig.base.json'), compilerOptions: { types: ['node'] } })],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
  },
];
