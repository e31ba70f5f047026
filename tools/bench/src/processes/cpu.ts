import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * User + system CPU ticks from the text of /proc/<pid>/stat. The command name (field 2) may
 * hold spaces and parentheses, so fields are counted from its closing parenthesis: utime and
 * stime are fields 14 and 15.
 */
export function parseProcStatTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`Cannot read CPU ticks from "${stat.slice(0, 80)}"`);
  return utime + stime;
}

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU time a process has used so far (all threads), ms; null where /proc is not available. */
export function processCpuMs(pid: number): number | null {
  try {
    return (parseProcStatTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) * 1000) / clockTicks();
  } catch {
    return null;
  }
}

/** CPU time over wall time, as % of one core. */
export function cpuPercent(cpuMs: number, wallMs: number): number {
  return wallMs > 0 ? (100 * cpuMs) / wallMs : NaN;
}

/**
 * Busy ticks of the whole machine from the text of /proc/stat (first line): user, nice, system
 * and steal (time the hypervisor gave to someone else). Not irq and softirq: the loopback
 * traffic of the benchmark itself is processed there, and no process is charged for it.
 */
export function parseMachineBusyTicks(procStat: string): number {
  const line = procStat.slice(0, procStat.indexOf('\n'));
  const [label, ...fields] = line.trim().split(/\s+/);
  if (label !== 'cpu') throw new Error(`Unexpected first line of /proc/stat: "${line}"`);
  const [user, nice, system, , , , , steal] = fields.map(Number);
  return user + nice + system + (steal || 0);
}

/** CPU time the whole machine has spent busy so far, ms (summed over cores); null without /proc. */
export function machineBusyMs(): number | null {
  try {
    return (parseMachineBusyTicks(readFileSync('/proc/stat', 'utf8')) * 1000) / clockTicks();
  } catch {
    return null;
  }
}
