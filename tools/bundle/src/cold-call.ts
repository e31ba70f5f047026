// The bundle at work: a fresh process loads it and calls the handler once against a member
// (connect, getMap, put, get). It proves the minified bundle still runs, and times a cold call.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

const PROBE = `
const { performance } = require('node:perf_hooks');
const file = process.argv[process.argv.length - 1];
const start = performance.now();
require(file).handler({ key: 'bundle-check', value: 'it works' }).then(
  (value) => {
    process.stdout.write(JSON.stringify({ value, ms: performance.now() - start }));
    process.exit(0);
  },
  (error) => {
    process.stderr.write(String(error && error.stack || error));
    process.exit(1);
  },
);
`;

export interface ColdCall {
  ok: boolean;
  /** Load + connect + put + get, ms. */
  ms: number;
  error?: string;
}

export async function coldCall(bundleFile: string, members: string[], clusterName: string): Promise<ColdCall> {
  try {
    const { stdout } = await run(process.execPath, ['-e', PROBE, bundleFile], {
      env: { HZ_CLUSTER_MEMBERS: members.join(','), HZ_CLUSTER_NAME: clusterName },
      timeout: 60_000,
    });
    const { value, ms } = JSON.parse(stdout) as { value: unknown; ms: number };
    return value === 'it works' ? { ok: true, ms } : { ok: false, ms, error: `the handler returned ${JSON.stringify(value)}` };
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    return { ok: false, ms: NaN, error: (e.stderr || e.message).split('\n').slice(0, 3).join(' | ') };
  }
}
