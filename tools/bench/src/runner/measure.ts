// One measured run of a target, with the CPU around it, and the results of several runs together.
import { cpuPercent, machineBusyMs, processCpuMs } from '../processes/cpu';
import type { WireShape } from '../raw/wire-shapes';
import type { RoundResult, TargetResult } from '../report/results';
import { scenarioLabel, type Scenario } from '../scenarios';
import { concatSamples, summarize } from '../stats/percentile';
import type { RunLimit } from './closed-loop';
import type { RunReply } from './messages';
import type { RunnerProcess } from './runner-process';

export interface Measurement {
  reply: RunReply;
  /** CPU of the server side (member or responder) meanwhile, ms; null when not measurable. */
  serverCpuMs: number | null;
  /** CPU the rest of the machine (other processes) used meanwhile, ms. */
  otherCpuMs: number | null;
  wallMs: number;
}

/**
 * Runs a target once and measures, around the run, the CPU of its server process and of the
 * whole machine: on a shared machine, other processes skew the numbers.
 */
export async function measure(runner: RunnerProcess, serverPid: number | null, scenario: Scenario, shape: WireShape, limit: RunLimit): Promise<Measurement> {
  const serverBefore = serverPid === null ? null : processCpuMs(serverPid);
  const machineBefore = machineBusyMs();
  const start = performance.now();
  const reply = await runner.run({ kind: 'run', scenario, shape, limit });
  const wallMs = performance.now() - start;
  const machineAfter = machineBusyMs();
  const serverAfter = serverPid === null ? null : processCpuMs(serverPid);
  if (reply.errors > 0) throw new Error(`${runner.name} failed in "${scenarioLabel(scenario)}": ${reply.firstError}`);
  const serverCpuMs = serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore;
  const otherCpuMs =
    machineBefore === null || machineAfter === null ? null : Math.max(0, machineAfter - machineBefore - reply.cpuMs - (serverCpuMs ?? 0));
  return { reply, wallMs, serverCpuMs, otherCpuMs };
}

function roundResult(m: Measurement): RoundResult {
  const latency = summarize(m.reply.latencies);
  return {
    opsPerSec: (1000 * m.reply.ops) / m.reply.elapsedMs,
    p50Ms: latency.p50,
    p99Ms: latency.p99,
    clientCpuPct: cpuPercent(m.reply.cpuMs, m.reply.elapsedMs),
    serverCpuPct: m.serverCpuMs === null ? null : cpuPercent(m.serverCpuMs, m.wallMs),
    otherCpuPct: m.otherCpuMs === null ? null : cpuPercent(m.otherCpuMs, m.wallMs),
  };
}

/** All rounds of a target together: operations over time, percentiles over every sample. */
export function targetResult(runs: Measurement[]): TargetResult {
  const sum = (f: (m: Measurement) => number): number => runs.reduce((n, m) => n + f(m), 0);
  const share = (f: (m: Measurement) => number | null): number | null =>
    runs.every((m) => f(m) !== null) ? cpuPercent(sum((m) => f(m)!), sum((m) => m.wallMs)) : null;
  const elapsedMs = sum((m) => m.reply.elapsedMs);
  const ops = sum((m) => m.reply.ops);
  const latency = summarize(concatSamples(runs.map((m) => m.reply.latencies)));
  return {
    opsPerSec: (1000 * ops) / elapsedMs,
    p50Ms: latency.p50,
    p99Ms: latency.p99,
    meanMs: latency.mean,
    maxMs: latency.max,
    ops,
    elapsedMs,
    clientCpuPct: cpuPercent(sum((m) => m.reply.cpuMs), elapsedMs),
    serverCpuPct: share((m) => m.serverCpuMs),
    otherCpuPct: share((m) => m.otherCpuMs),
    rounds: runs.map(roundResult),
  };
}
