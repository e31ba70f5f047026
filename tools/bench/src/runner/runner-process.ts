import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { ClusterAddress, TargetName } from '../targets/target';
import type { ConnectReply, Envelope, RunnerRequest, RunReply } from './messages';

/** The orchestrator's handle on a runner process. */
export class RunnerProcess {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  via = '';
  partitionCount: number | null = null;

  private constructor(
    readonly name: TargetName,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (m: Envelope<unknown>) => {
      const w = this.waiting.get(m.seq);
      if (w === undefined) return;
      this.waiting.delete(m.seq);
      if (m.ok) w.resolve(m.reply);
      else w.reject(new Error(`${name} runner: ${m.error}`));
    });
    child.on('exit', (code, signal) => {
      for (const w of this.waiting.values()) w.reject(new Error(`${name} runner exited (${signal ?? code})`));
      this.waiting.clear();
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Starts the process and connects its target. */
  static async start(name: TargetName, repoRoot: string, cluster: ClusterAddress, rawAddress: string, keyCount: number): Promise<RunnerProcess> {
    const child = fork(join(__dirname, 'runner-main.ts'), [], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx', '--expose-gc', ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : [])],
      // Our client runs from its built packages (dist), as users run it, not from the sources.
      env: { ...process.env, TSX_TSCONFIG_PATH: join(repoRoot, 'tools/bench/tsconfig.dist.json') },
      serialization: 'advanced', // typed arrays of latencies cross as they are
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const runner = new RunnerProcess(name, child);
    try {
      const reply = (await runner.request({ kind: 'connect', target: name, cluster, rawAddress, keyCount })) as ConnectReply;
      runner.via = reply.via;
      runner.partitionCount = reply.partitionCount;
      return runner;
    } catch (error) {
      await runner.stop();
      throw error;
    }
  }

  request(request: RunnerRequest): Promise<unknown> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.child.send({ seq, request });
    });
  }

  run(request: Extract<RunnerRequest, { kind: 'run' }>): Promise<RunReply> {
    return this.request(request) as Promise<RunReply>;
  }

  /** Closes the target and lets the process exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.request({ kind: 'close' }).catch(() => undefined);
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}
