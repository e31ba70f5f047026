// Bundles the handler as a serverless deployment would: one minified CommonJS file for Node 20,
// every dependency inside (dist/handler.js). The @hz/* imports resolve through the repository's
// tsconfig.json paths to the package sources, whose "sideEffects": false lets esbuild drop
// what the handler does not use.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const outfile = join(here, 'dist', 'handler.js');
  await build({
    entryPoints: [join(here, 'handler.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    tsconfig: join(here, 'tsconfig.json'),
    logLevel: 'warning',
  });
  const bytes = statSync(outfile).size;
  const gzipped = gzipSync(readFileSync(outfile), { level: 9 }).length;
  console.log(`built dist/handler.js: ${(bytes / 1024).toFixed(1)} KiB minified, ${(gzipped / 1024).toFixed(1)} KiB gzipped`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
