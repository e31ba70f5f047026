// `pnpm bench`: our client and hazelcast-client side by side on the same member, with a raw TCP
// baseline, alternating per scenario. See tools/bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseOptions, USAGE, type BenchOptions } from './options';
import { startMemberProcess } from './processes/member-process';
import { startResponderProcess } from './processes/responder-process';
import { totalBytes, wireShape } from './raw/wire-shapes';
import { formatPct, formatRate, formatRatio } from './report/format';
import { BACKGROUND_WARNING_PCT, ratio, SERVER_SATURATION_PCT, type BenchReport, type ScenarioResult } from './report/results';
import { benchChart } from './report/svg-chart';
import { cpuTable, throughputTable } from './report/table';
import type { RunLimit } from './runner/closed-loop';
import { measure, targetResult, type Measurement } from './runner/measure';
import { RunnerProcess } from './runner/runner-process';
import { scenarioLabel, scenarioMatrix, type Scenario } from './scenarios';
import type { ClusterAddress, TargetName } from './targets/target';

const REPO_ROOT = resolve(__dirname, '../../..');
const DEFAULT_PARTITION_COUNT = 271;

const log = (line = ''): void => void process.stdout.write(line + '\n');

function limitText(limit: RunLimit): string {
  return 'durationMs' in limit ? `${limit.durationMs / 1000} s per run` : `${limit.ops} ops per run`;
}

/** Everything a run needs running: the member (unless external), the responder, the runners. */
interface Bench {
  cluster: ClusterAddress;
  memberPid: number | null;
  responderPid: number | null;
  runners: RunnerProcess[];
  partitionCount: number;
  stop(): Promise<void>;
}

async function startBench(options: BenchOptions): Promise<Bench> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    for (const s of stops.reverse()) await s().catch((e: unknown) => log(`cleanup: ${String(e)}`));
  };
  try {
    let cluster = options.cluster;
    let memberPid: number | null = null;
    if (cluster) {
      log(`cluster: ${cluster.members.join(',')} ("${cluster.clusterName}", from HZ_CLUSTER_MEMBERS); its CPU is not measured`);
    } else {
      const member = await startMemberProcess(REPO_ROOT);
      stops.push(member.stop);
      cluster = member.cluster;
      memberPid = member.pid;
      log(`cluster: development member at ${cluster.members.join(',')} (pid ${member.pid}, separate process)`);
    }
    const responder = options.raw ? await startResponderProcess(REPO_ROOT) : null;
    if (responder) {
      stops.push(responder.stop);
      log(`raw baseline: responder at ${responder.address} (pid ${responder.pid})${options.cluster ? ' - on this machine, so not comparable with a remote cluster' : ''}`);
    }
    const runners: RunnerProcess[] = [];
    for (const name of options.raw ? (['ours', 'official', 'raw'] as const) : (['ours', 'official'] as const)) {
      const runner = await RunnerProcess.start(name, REPO_ROOT, cluster, responder?.address ?? '', options.keyCount);
      stops.push(() => runner.stop());
      runners.push(runner);
      log(`${name.padEnd(8)} ${runner.via} (pid ${runner.pid})`);
    }
    const [ours, official] = runners;
    // The reference client writes the entries that get and getAll read, once per value size.
    for (const size of options.sizes) await official.request({ kind: 'populate', valueSize: size });
    const partitionCount = ours.partitionCount ?? official.partitionCount ?? DEFAULT_PARTITION_COUNT;
    return { cluster, memberPid, responderPid: responder?.pid ?? null, runners, partitionCount, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A warm-up of every target, then the measured rounds in turn: ours, official, raw, ours ... */
async function runScenario(bench: Bench, options: BenchOptions, s: Scenario): Promise<ScenarioResult> {
  const shape = wireShape(s, bench.partitionCount, options.keyCount);
  const serverPid = (r: RunnerProcess): number | null => (r.name === 'raw' ? bench.responderPid : bench.memberPid);
  if (options.warmupMs > 0) for (const r of bench.runners) await measure(r, serverPid(r), s, shape, { durationMs: options.warmupMs });
  const runs = new Map<TargetName, Measurement[]>(bench.runners.map((r) => [r.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const r of bench.runners) runs.get(r.name)!.push(await measure(r, serverPid(r), s, shape, options.limit));
  }
  const per: ScenarioResult['results'] = {};
  for (const [name, measurements] of runs) per[name] = targetResult(measurements);
  const bytes = totalBytes(shape);
  return {
    id: s.id,
    label: scenarioLabel(s),
    op: s.op,
    valueSize: s.valueSize,
    concurrency: s.concurrency,
    getAllKeys: s.getAllKeys,
    wire: { messagesPerOp: shape.length, requestBytesPerOp: bytes.request, responseBytesPerOp: bytes.response },
    results: per,
    ratios: { oursToOfficial: ratio(per.ours, per.official), oursToRaw: ratio(per.ours, per.raw), officialToRaw: ratio(per.official, per.raw) },
  };
}

/** A member (or responder) near a full core: it, not the client, may set the pace. */
function saturationWarnings(r: ScenarioResult): string[] {
  const out: string[] = [];
  for (const [name, result] of Object.entries(r.results)) {
    const cpu = result.serverCpuPct;
    if (cpu === null || cpu < SERVER_SATURATION_PCT) continue;
    out.push(
      name === 'raw'
        ? `"${r.label}": the raw responder used ${formatPct(cpu)} of a core: the raw baseline may be limited by the responder`
        : `"${r.label}": the member used ${formatPct(cpu)} of a core during the ${name} runs: the member may be the bottleneck, and ours/official then understates the difference`,
    );
  }
  return out;
}

function progressLine(i: number, of: number, r: ScenarioResult): string {
  const rates = (['ours', 'official', 'raw'] as const).flatMap((n) => (r.results[n] ? [`${n} ${formatRate(r.results[n]!.opsPerSec)}`] : []));
  const member = `${formatPct(r.results.ours?.serverCpuPct ?? null)}/${formatPct(r.results.official?.serverCpuPct ?? null)}`;
  return `[${i + 1}/${of}] ${r.label}: ${rates.join(', ')} ops/s; ours/official ${formatRatio(r.ratios.oursToOfficial)}; member CPU ${member}`;
}

async function runBenchmark(options: BenchOptions): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = loadavg()[0];
  log(`machine: ${cpus().length} cores, load average ${loadAverageAtStart.toFixed(2)} before the benchmark starts (other processes skew the numbers)`);
  const scenarios = scenarioMatrix(options.ops, options.sizes, options.concurrencies, options.getAllKeys);
  const bench = await startBench(options);
  try {
    const order = bench.runners.map((r) => r.name).join(', ');
    log(`\n${scenarios.length} scenarios, ${limitText(options.limit)}, ${options.warmupMs / 1000} s warm-up, ${options.rounds} round(s) of ${order}\n`);
    const results: ScenarioResult[] = [];
    const warnings: string[] = [];
    const skewed: Array<{ label: string; pct: number }> = [];
    for (const [i, s] of scenarios.entries()) {
      const r = await runScenario(bench, options, s);
      results.push(r);
      log(progressLine(i, scenarios.length, r));
      warnings.push(...saturationWarnings(r));
      const other = Math.max(...Object.values(r.results).map((t) => t.otherCpuPct ?? 0));
      if (other >= BACKGROUND_WARNING_PCT) skewed.push({ label: r.label, pct: other });
    }
    if (skewed.length > 0) {
      const which =
        skewed.length === scenarios.length
          ? `all ${scenarios.length} scenarios (up to ${formatPct(Math.max(...skewed.map((x) => x.pct)))})`
          : `${skewed.length} of ${scenarios.length} scenarios: ${skewed.map((x) => `${x.label} (${formatPct(x.pct)})`).join(', ')}`;
      warnings.push(`other processes used ${BACKGROUND_WARNING_PCT}% of a core or more, skewing the numbers, during ${which}; rerun on an idle machine`);
    }
    return {
      tool: 'tools/bench',
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadAverageAtStart },
      settings: { limit: limitText(options.limit), warmupMs: options.warmupMs, rounds: options.rounds, keyCount: options.keyCount, order },
      cluster: {
        kind: options.cluster ? 'external (HZ_CLUSTER_MEMBERS)' : 'development member (separate process)',
        clusterName: bench.cluster.clusterName,
        members: bench.cluster.members,
      },
      via: Object.fromEntries(bench.runners.map((r) => [r.name, r.via])),
      scenarios: results,
      warnings,
    };
  } finally {
    await bench.stop();
  }
}

function printReport(report: BenchReport): void {
  log('\nThroughput and latency (closed loop; ratios of ops/s, above 1 = first is faster)\n');
  log(throughputTable(report));
  log('\nCPU, % of one core (client = the process driving the load; member/responder = the server side, ! = saturated;');
  log('other processes = the most the rest of the machine used during a run)\n');
  log(cpuTable(report));
  log('');
  for (const [name, via] of Object.entries(report.via)) log(`${name}: ${via}`);
  if (report.warnings.length > 0) {
    log('\nWarnings:');
    for (const w of report.warnings) log(`  ! ${w}`);
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  if (options.help) {
    log(USAGE);
    return;
  }
  const report = await runBenchmark(options);
  printReport(report);
  const jsonPath = isAbsolute(options.out) ? options.out : join(REPO_ROOT, options.out);
  const svgPath = jsonPath.replace(/\.json$/, '') + '.svg';
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(svgPath, benchChart(report));
  log(`\nresults: ${jsonPath}\nchart:   ${svgPath}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
