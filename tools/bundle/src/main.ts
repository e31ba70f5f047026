// `pnpm bundle`: the same serverless handler built from our packages and from hazelcast-client,
// minified; their sizes, the time and memory to load each in a fresh process, a cold call
// against a member, and a check that ours leaves out what it does not use. See README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { bundle, bundlerVersions, bytesByPackage, missingBuilds, staleBuilds, TERSER_OPTIONS } from './build-bundle';
import { coldCall, type ColdCall } from './cold-call';
import { loadOnce, medianSample, type LoadSample } from './load-time';
import { excludedInputs, findMarkers, MARKER_GROUPS } from './markers';
import { parseOptions, USAGE } from './options';
import { coldCallMs, goals, printReport, type BundleFigures, type BundleReport } from './report';

const REPO_ROOT = resolve(__dirname, '../../..');
const HERE = resolve(__dirname, '..');

const log = (line = ''): void => void process.stdout.write(line + '\n');

/** A member for the cold calls: the one given by HZ_CLUSTER_MEMBERS, or a development member here. */
async function startCluster(): Promise<{ members: string[]; clusterName: string; stop(): Promise<void> } | string> {
  if (process.env.HZ_CLUSTER_MEMBERS) {
    return { members: process.env.HZ_CLUSTER_MEMBERS.split(','), clusterName: process.env.HZ_CLUSTER_NAME ?? 'dev', stop: async () => undefined };
  }
  try {
    const { startCluster: start } = await import('@hz/member');
    const c = await start({ port: 0, logLevel: 'silent' });
    return { members: c.addresses(), clusterName: c.name, stop: () => c.shutdown() };
  } catch (error) {
    return `the development member did not start: ${(error as Error).message}`;
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === null) {
    process.stdout.write(USAGE);
    return;
  }
  // Our handler is bundled from the built packages, as a user's would be: they must exist.
  const missing = missingBuilds(REPO_ROOT);
  if (missing.length > 0) {
    process.stderr.write(`bundle: ${missing.join(' and ')} missing: run \`pnpm build\` first\n`);
    process.exitCode = 1;
    return;
  }
  for (const p of staleBuilds(REPO_ROOT)) log(`note: ${p}/src is newer than its dist; run \`pnpm build\` to measure the current code`);
  const handlers = { ours: join(HERE, 'handlers/ours.ts'), official: join(HERE, 'handlers/official.ts') };
  const built = {
    ours: await bundle(REPO_ROOT, handlers.ours, join(HERE, 'dist/ours.cjs')),
    official: await bundle(REPO_ROOT, handlers.official, join(HERE, 'dist/official.cjs')),
  };
  const versions = bundlerVersions(REPO_ROOT);
  const v = (name: string): string => `${name.replace('@rollup/plugin-', '')} ${versions[name]}`;
  log(
    `bundled with rollup ${versions.rollup} (+ ${['@rollup/plugin-node-resolve', '@rollup/plugin-commonjs', '@rollup/plugin-json', 'rollup-plugin-esbuild'].map(v).join(', ')}; ` +
      `terser ${versions.terser} by @rollup/plugin-terser ${versions['@rollup/plugin-terser']}): minified, CommonJS, node built-ins external, target node20`,
  );
  for (const name of ['ours', 'official'] as const) {
    const w = Object.entries(built[name].warnings);
    if (w.length > 0) log(`rollup warnings for ${name}: ${w.map(([code, n]) => `${code} x${n}`).join(', ')}`);
  }

  // Ours and official alternate, so that a change in the machine's load touches both alike.
  const loads: Record<'ours' | 'official', LoadSample[]> = { ours: [], official: [] };
  for (let i = 0; i < options.runs; i++) for (const name of ['ours', 'official'] as const) loads[name].push(await loadOnce(built[name].file));

  const calls: Record<'ours' | 'official', ColdCall[]> = { ours: [], official: [] };
  let coldCallNote: string | undefined;
  if (options.calls > 0) {
    const cluster = await startCluster();
    if (typeof cluster === 'string') coldCallNote = cluster;
    else {
      try {
        for (let i = 0; i < options.calls; i++) {
          for (const name of ['ours', 'official'] as const) calls[name].push(await coldCall(built[name].file, cluster.members, cluster.clusterName));
        }
      } finally {
        await cluster.stop();
      }
    }
  }

  const figures = (name: 'ours' | 'official'): BundleFigures => {
    const code = readFileSync(built[name].file, 'utf8');
    return {
      name,
      handler: relative(REPO_ROOT, handlers[name]),
      file: relative(REPO_ROOT, built[name].file),
      minifiedBytes: built[name].minifiedBytes,
      gzippedBytes: built[name].gzippedBytes,
      load: { median: medianSample(loads[name]), samples: loads[name] },
      coldCalls: calls[name],
      coldCallMs: coldCallMs(calls[name]),
      markers: Object.fromEntries(MARKER_GROUPS.map((g) => [g.concern, findMarkers(code, g)])),
      bytesByPackage: bytesByPackage(built[name].inputs),
      unmappedBytes: built[name].unmappedBytes,
      warnings: built[name].warnings,
    };
  };
  const [ours, official] = [figures('ours'), figures('official')];
  const report: BundleReport = {
    tool: 'tools/bundle',
    date: new Date().toISOString(),
    node: process.version,
    bundler: `rollup ${versions.rollup}`,
    settings: {
      runs: options.runs,
      calls: options.calls,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      inlineDynamicImports: true,
      treeshake: 'default',
      plugins: Object.fromEntries(Object.entries(versions).filter(([n]) => n !== 'rollup')),
      terser: TERSER_OPTIONS,
      comments: 'none',
    },
    goals: goals(ours, official),
    bundles: [ours, official],
    oursExcludedPackages: excludedInputs(built.ours.modules),
    coldCallNote,
  };
  printReport(report, log);
  const out = isAbsolute(options.out) ? options.out : join(REPO_ROOT, options.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  log(`\nresults: ${out}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bundle: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
