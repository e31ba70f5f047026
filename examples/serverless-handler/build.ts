// Bundles the handler as a serverless deployment would, with rollup's JS API: one minified
// CommonJS file for Node 20 (dist/handler.js), every dependency inside, Node's own modules left
// as require() calls. The @hz/* imports resolve through node_modules to the built packages
// (packages/*/dist/*.mjs, by their `exports` maps), exactly what an application that installed
// them would bundle; their "sideEffects": false lets rollup drop what the handler does not use.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '../..');

async function main(): Promise<void> {
  // In this repository the packages are linked, not installed: they must have been built.
  for (const built of ['packages/core/dist/index.mjs', 'packages/proxies/dist/map.mjs']) {
    if (!existsSync(join(repoRoot, built))) throw new Error(`${built} does not exist: run \`pnpm build\` at the repository root first`);
  }
  const outfile = join(here, 'dist', 'handler.js');
  const build = await rollup({
    input: join(here, 'handler.ts'),
    external: (id) => isBuiltin(id),
    plugins: [
      // The "node" condition picks each package's Node build; built-ins win over same-named packages.
      nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
      // Compiles handler.ts only: the packages come as JavaScript.
      esbuild({ include: /\.ts$/, target: 'node20', tsconfig: join(here, 'tsconfig.json') }),
      // For CommonJS dependencies, and the JSON files they may require.
      commonjs(),
      json(),
    ],
    onLog(level, log, handler) {
      // A dependency the bundle could not find would fail at run time, on the platform.
      if (log.code === 'UNRESOLVED_IMPORT') throw new Error(log.message);
      handler(level, log);
    },
  });
  const { output } = await build.generate({
    file: outfile,
    format: 'cjs',
    exports: 'named',
    inlineDynamicImports: true,
    generatedCode: 'es2015',
    // Terser's default compression, as tools/bundle measures it;
    // no comments, license headers included.
    plugins: [terser({ ecma: 2020, format: { comments: false } })],
  });
  await build.close();
  const code = output[0].code;
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, code);
  const bytes = Buffer.byteLength(code);
  const gzipped = gzipSync(code, { level: 9 }).length;
  console.log(`built dist/handler.js: ${(bytes / 1024).toFixed(1)} KiB minified, ${(gzipped / 1024).toFixed(1)} KiB gzipped`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
