// Bundles a handler the way a serverless deployment would: one minified CommonJS file for Node,
// every dependency inside, built with rollup's JS API. Our @hz/* imports resolve through
// node_modules to the built packages (packages/*/dist/*.mjs, by their `exports` maps), which is
// what a user's bundler sees; the handler's own TypeScript is compiled by rollup-plugin-esbuild.
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser, { type Options as TerserOptions } from '@rollup/plugin-terser';
import { rollup, VERSION as ROLLUP_VERSION, type RollupLog } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';

/**
 * terser, the same for both bundles: its default compression (one pass), ES2020 output for
 * Node 20, and no comments at all, license headers included (they would count for one bundle
 * and not the other). The plugin mangles top-level names too, for CommonJS output.
 * Not `passes: 2`: it saves 0.3% (see README.md for what it once broke).
 */
export const TERSER_OPTIONS = { ecma: 2020, format: { comments: false } } satisfies TerserOptions;

/** The built files our handler's imports resolve to (by the packages' `exports` maps). */
export const OUR_BUILDS = ['packages/core/dist/index.mjs', 'packages/proxies/dist/map.mjs'];

/** Those of OUR_BUILDS that do not exist. */
export function missingBuilds(repoRoot: string): string[] {
  return OUR_BUILDS.filter((f) => !existsSync(join(repoRoot, f)));
}

/** The packages of OUR_BUILDS whose src/ has a file newer than everything in their dist/. */
export function staleBuilds(repoRoot: string): string[] {
  const newest = (dir: string): number => Math.max(0, ...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => statSync(join(dir, f)).mtimeMs));
  const packages = [...new Set(OUR_BUILDS.map((f) => f.split('/').slice(0, 2).join('/')))];
  return packages.filter((p) => newest(join(repoRoot, p, 'src')) > newest(join(repoRoot, p, 'dist')));
}

/** What builds the bundles, with versions, for the report: rollup, its plugins, and terser. */
export function bundlerVersions(repoRoot: string): Record<string, string> {
  // The plugins' `exports` maps hide their package.json; read it from node_modules.
  const version = (dir: string): string => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const names = ['@rollup/plugin-node-resolve', '@rollup/plugin-commonjs', '@rollup/plugin-json', 'rollup-plugin-esbuild', '@rollup/plugin-terser'];
  const versions: Record<string, string> = { rollup: ROLLUP_VERSION };
  for (const name of names) versions[name] = version(join(repoRoot, 'node_modules', name));
  // terser is the plugin's dependency, found from the plugin's real (pnpm) folder.
  const fromPlugin = createRequire(join(realpathSync(join(repoRoot, 'node_modules/@rollup/plugin-terser')), 'package.json'));
  versions.terser = version(dirname(fromPlugin.resolve('terser/package.json')));
  return versions;
}

export interface BundleResult {
  file: string;
  minifiedBytes: number;
  gzippedBytes: number;
  /** Every module rollup put in the chunk (relative to the repository root), tree-shaken to nothing or not. */
  modules: string[];
  /**
   * Minified bytes per source file (relative to the repository root), read from the bundle's
   * source map: each byte of the minified code belongs to the source of the mapping it follows.
   */
  inputs: Record<string, number>;
  /** Minified bytes no source maps to: rollup's CommonJS wrapper and the like. */
  unmappedBytes: number;
  /** Warnings rollup reported, by code (circular dependencies are expected and not counted). */
  warnings: Record<string, number>;
}

/** A rollup module id or source-map source as a path relative to the repository root; virtual modules keep their name. */
export function repoPath(repoRoot: string, id: string): string {
  // Plugins mark virtual modules with \0 and add ?queries (commonjs: ?commonjs-exports and the like).
  const path = id.replace(/^\0/, '').replace(/\?.*$/, '');
  if (!isAbsolute(path)) return path;
  return relative(repoRoot, path).split(sep).join('/');
}

/** The package a bundled file comes from: @hz/<name> for ours, the npm name for a dependency. */
export function packageOf(path: string): string {
  // node_modules first: a package's own dependencies live under packages/<name>/node_modules.
  const npm = /(?:^|\/)node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (npm) return npm[1];
  if (path.startsWith('packages/')) return `@hz/${path.split('/')[1]}`;
  return path;
}

/** Bytes per package, largest first. */
export function bytesByPackage(inputs: Record<string, number>): Array<[string, number]> {
  const sums = new Map<string, number>();
  for (const [path, bytes] of Object.entries(inputs)) sums.set(packageOf(path), (sums.get(packageOf(path)) ?? 0) + bytes);
  return [...sums].sort((a, b) => b[1] - a[1]);
}

const BASE64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** The numbers of one source-map segment (base64 VLQ). */
function decodeSegment(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = BASE64.get(c);
    if (digit === undefined) throw new Error(`bad source map segment "${segment}"`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * Splits the generated code's bytes among the map's sources: the bytes from one mapping to the
 * next (or to the end of the line) belong to the first one's source. Bytes before a line's
 * first mapping, of a mapping without a source, and newlines count as unmapped.
 */
export function bytesBySource(code: string, map: { sources: readonly string[]; mappings: string }): { bySource: number[]; unmapped: number } {
  const bySource = map.sources.map(() => 0);
  let unmapped = 0;
  let source = 0;
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  lines.forEach((line, i) => {
    if (i > 0) unmapped += 1;
    let column = 0;
    let from = 0;
    let current: number | undefined;
    const add = (to: number): void => {
      const bytes = Buffer.byteLength(line.slice(from, to));
      if (current === undefined) unmapped += bytes;
      else bySource[current] += bytes;
    };
    for (const segment of (mappingLines[i] ?? '').split(',')) {
      if (segment === '') continue;
      const fields = decodeSegment(segment);
      column += fields[0];
      add(column);
      from = column;
      if (fields.length >= 4) {
        source += fields[1];
        current = source;
      } else current = undefined;
    }
    add(line.length);
  });
  return { bySource, unmapped };
}

/** Warnings that mean the bundle would fail at run time: an import rollup could not find, or a name a module does not export. */
const FATAL = new Set(['UNRESOLVED_IMPORT', 'MISSING_EXPORT']);

export async function bundle(repoRoot: string, entry: string, outfile: string): Promise<BundleResult> {
  const warnings: Record<string, number> = {};
  const build = await rollup({
    input: entry,
    // Node's own modules stay require() calls; everything else goes in.
    external: (id) => isBuiltin(id),
    plugins: [
      nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
      // Only the handler is TypeScript (with its nearest tsconfig.json); the packages come built.
      esbuild({ include: /\.ts$/, target: 'node20' }),
      commonjs(),
      json(),
    ],
    onLog(level, log: RollupLog) {
      if (level !== 'warn') return;
      if (log.code && FATAL.has(log.code)) throw new Error(`${entry}: ${log.message}`);
      // Both clients have import cycles between their own modules; the cold calls show they work.
      if (log.code === 'CIRCULAR_DEPENDENCY') return;
      warnings[log.code ?? 'OTHER'] = (warnings[log.code ?? 'OTHER'] ?? 0) + 1;
    },
  });
  try {
    const { output } = await build.generate({
      file: outfile,
      format: 'cjs',
      exports: 'named',
      inlineDynamicImports: true,
      generatedCode: 'es2015',
      // The map only attributes bytes to sources; 'hidden' leaves no sourceMappingURL comment in the code.
      sourcemap: 'hidden',
      sourcemapExcludeSources: true,
      plugins: [terser(TERSER_OPTIONS)],
    });
    const chunk = output[0];
    if (!chunk.map) throw new Error(`${entry}: rollup produced no source map`);
    mkdirSync(dirname(outfile), { recursive: true });
    writeFileSync(outfile, chunk.code);
    const code = Buffer.from(chunk.code);
    // Source-map sources are relative to the output file's folder.
    const { bySource, unmapped } = bytesBySource(chunk.code, chunk.map);
    const inputs: Record<string, number> = {};
    chunk.map.sources.forEach((s, i) => {
      const path = repoPath(repoRoot, s.startsWith('\0') ? s : resolve(dirname(outfile), s));
      inputs[path] = (inputs[path] ?? 0) + bySource[i];
    });
    return {
      file: outfile,
      minifiedBytes: code.length,
      gzippedBytes: gzipSync(code, { level: 9 }).length,
      modules: [...new Set(Object.keys(chunk.modules).map((id) => repoPath(repoRoot, id)))],
      inputs,
      unmappedBytes: unmapped,
      warnings,
    };
  } finally {
    await build.close();
  }
}
