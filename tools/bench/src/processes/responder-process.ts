import { fork } from 'node:child_process';
import { join } from 'node:path';
import { stopChild } from './stop-child';

export interface ResponderProcess {
  pid: number;
  /** "127.0.0.1:port" */
  address: string;
  stop(): Promise<void>;
}

/** Starts the raw baseline's responder in a process of its own. */
export function startResponderProcess(repoRoot: string): Promise<ResponderProcess> {
  const child = fork(join(__dirname, '../raw/responder-main.ts'), [], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const onEarlyExit = (code: number | null): void => reject(new Error(`The raw responder exited before it was up (${code})`));
    child.once('exit', onEarlyExit);
    child.once('message', (m: { port: number }) => {
      child.off('exit', onEarlyExit);
      resolve({ pid: child.pid!, address: `127.0.0.1:${m.port}`, stop: () => stopChild(child) });
    });
  });
}
