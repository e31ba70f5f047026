// `pnpm bundle`: the same serverless handler built from our packages and from hazelcast-client,
// minified; their sizes, the time and memory to load each in a fresh process, a cold call
// against a member, and a check that ours leaves out what it does not use. See README.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { version as esbuildVersion } from 'esbuild';
import { bundle, bytesByPackage } from './build-bundle';
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
  const hasMapProxy = existsSync(join(REPO_ROOT, 'packages/proxies/src/map/index.ts'));
  if (!hasMapProxy) log('@hz/proxies/map does not exist yet: our handler uses @hz/core + @hz/proxies/codec (handlers/ours-codecs.ts)');
  const handlers = { ours: join(HERE, 'handlers', hasMapProxy ? 'ours.ts' : 'ours-codecs.ts'), official: join(HERE, 'handlers/official.ts') };
  const built = {
    ours: await bundle(REPO_ROOT, handlers.ours, join(HERE, 'dist/ours.cjs')),
    official: await bundle(REPO_ROOT, handlers.official, join(HERE, 'dist/official.cjs')),
  };
  log(`bundled with esbuild ${esbuildVersion} (minified, CommonJS, platform node, target node20)`);

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
    };
  };
  const [ours, official] = [figures('ours'), figures('official')];
  const report: BundleReport = {
    tool: 'tools/bundle',
    date: new Date().toISOString(),
    node: process.version,
    bundler: `esbuild ${esbuildVersion}`,
    settings: { runs: options.runs, calls: options.calls, format: 'cjs', platform: 'node', target: 'node20', minify: true, legalComments: 'none' },
    goals: goals(ours, official),
    bundles: [ours, official],
    oursExcludedPackages: excludedInputs(Object.keys(built.ours.inputs)),
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
