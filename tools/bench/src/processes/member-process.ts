import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ClusterAddress } from '../targets/target';
import { stopChild } from './stop-child';

export interface MemberProcess {
  pid: number;
  cluster: ClusterAddress;
  stop(): Promise<void>;
}

/**
 * Starts one development member with its CLI in a process of its own, on an ephemeral port, and
 * waits for the line that gives its address. Node runs the built CLI (`pnpm bench` builds it
 * first): run from the sources through tsx, every imported binding is read through a getter
 * and the member spent more than half of its time on that, which made it the bottleneck of
 * the benchmark. `pid` is the member's own process.
 */
export function startMemberProcess(repoRoot: string, timeoutMs = 60_000): Promise<MemberProcess> {
  const cli = join(repoRoot, 'packages/member/dist/cli.cjs');
  if (!existsSync(cli)) return Promise.reject(new Error(`${cli} does not exist: run \`pnpm build\` (pnpm bench does) first`));
  const child = spawn(process.execPath, [cli, '--members', '1', '--port', '0', '--log-level', 'warn'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let clusterName = 'dev';
    const timer = setTimeout(() => {
      void stopChild(child);
      reject(new Error(`The member did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    const onEarlyExit = (code: number | null, signal: string | null): void => {
      clearTimeout(timer);
      reject(new Error(`The member exited before it was up (${signal ?? code}); its errors are above`));
    };
    child.once('exit', onEarlyExit);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const name = /cluster "([^"]*)"/.exec(line);
      if (name) clusterName = name[1];
      const members = /^Members: (.+)$/.exec(line);
      if (members) {
        clearTimeout(timer);
        child.off('exit', onEarlyExit);
        resolve({ pid: child.pid!, cluster: { clusterName, members: members[1].split(',') }, stop: () => stopChild(child) });
      }
    });
  });
}
