// Bundles a handler the way a serverless deployment would: one minified CommonJS file for Node,
// every dependency inside. esbuild's JS API does it (rollup would need @rollup/plugin-node-resolve
// and @rollup/plugin-commonjs, which the repository does not have).
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

export interface BundleResult {
  file: string;
  minifiedBytes: number;
  gzippedBytes: number;
  /** Source files in the bundle, relative to the repository root, with their bytes in the output. */
  inputs: Record<string, number>;
}

/** The package a bundled file comes from: @hz/<name> for ours, the npm name for a dependency. */
export function packageOf(path: string): string {
  if (path.startsWith('packages/')) return `@hz/${path.split('/')[1]}`;
  const npm = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path);
  return npm ? npm[1] : path;
}

/** Output bytes per package, largest first. */
export function bytesByPackage(inputs: Record<string, number>): Array<[string, number]> {
  const sums = new Map<string, number>();
  for (const [path, bytes] of Object.entries(inputs)) sums.set(packageOf(path), (sums.get(packageOf(path)) ?? 0) + bytes);
  return [...sums].sort((a, b) => b[1] - a[1]);
}

/**
 * Resolves @hz/* imports to the package sources (packages/<name>/src/<subpath>/index.ts), as
 * the tests do, and keeps each package's `sideEffects` declaration, which esbuild would
 * otherwise not apply to a path a plugin resolved.
 */
function hzSources(repoRoot: string): Plugin {
  return {
    name: 'hz-sources',
    setup(b) {
      b.onResolve({ filter: /^@hz\/[^/]+(\/.+)?$/ }, (args) => {
        const [, name, subpath] = /^@hz\/([^/]+)(?:\/(.+))?$/.exec(args.path)!;
        const dir = join(repoRoot, 'packages', name);
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { sideEffects?: boolean };
        return { path: join(dir, 'src', subpath ?? '', 'index.ts'), sideEffects: pkg.sideEffects === false ? false : undefined };
      });
    },
  };
}

export async function bundle(repoRoot: string, entry: string, outfile: string): Promise<BundleResult> {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    // License headers would count for one bundle and not the other; neither keeps them.
    legalComments: 'none',
    metafile: true,
    logLevel: 'error',
    plugins: [hzSources(repoRoot)],
  });
  const code = readFileSync(outfile);
  const output = Object.values(result.metafile.outputs)[0];
  const inputs: Record<string, number> = {};
  for (const [p, { bytesInOutput }] of Object.entries(output.inputs)) inputs[relative(repoRoot, join(process.cwd(), p)).split(sep).join('/')] = bytesInOutput;
  return { file: outfile, minifiedBytes: code.length, gzippedBytes: gzipSync(code, { level: 9 }).length, inputs };
}
