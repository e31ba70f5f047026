// The runnable examples (examples/*) must keep working: run each as a user would, against an
// in-process member (HZ_CLUSTER_MEMBERS unset), and check the key lines of what it prints.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { MARKER_GROUPS, findMarkers } from '../tools/bundle/src/markers';
import { startTestCluster } from './support/cluster';
import { REPO_ROOT } from './support/shared';

const TSX = resolve(REPO_ROOT, 'node_modules/.bin/tsx');

/** Runs a TypeScript file of the repository with tsx from the root; its stdout, or an error with its output. */
function run(file: string): string {
  const env = { ...process.env };
  delete env.HZ_CLUSTER_MEMBERS;
  delete env.HZ_CLUSTER_NAME;
  try {
    return execFileSync(TSX, [file], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60_000, stdio: 'pipe' });
  } catch (error) {
    const e = error as { status?: number | null; stdout?: string; stderr?: string; message: string };
    throw new Error(`${file} failed (exit ${String(e.status)}): ${e.message}\n--- stdout\n${e.stdout ?? ''}\n--- stderr\n${e.stderr ?? ''}`);
  }
}

describe('examples', () => {
  it('getting-started: connects, puts and gets, shuts down', () => {
    const out = run('examples/getting-started/main.ts');
    expect(out).toContain('started an in-process development cluster');
    expect(out).toMatch(/connected as hz\.client_\d+ to 1 member\(s\)/);
    expect(out).toContain('get("tr"): Ankara');
    expect(out.trim().endsWith('client shut down')).toBe(true);
  }, 90_000);

  it('map-with-query: predicates, paging, aggregators and a projection over JSON values', () => {
    const out = run('examples/map-with-query/main.ts');
    expect(out).toContain('put 7 employees');
    expect(out).toContain('sql "dept = engineering AND age > 30": Aiko, Maria');
    expect(out).toContain('between(age, 30, 40): Ana, Maria, Priya');
    expect(out).toContain('and(like(name, "M%"), equal(dept, "sales")): Mehmet');
    expect(out).toContain('page 0 of age >= 25: Aiko, Ana, Lars');
    expect(out).toContain('page 1 of age >= 25: Maria, Mehmet, Priya');
    expect(out).not.toContain('page 2 of');
    expect(out).toContain('count(dept = engineering): 3');
    expect(out).toContain('longSum(salary): 32600');
    expect(out).toContain('singleAttribute(age) of dept = support: 23, 38');
    expect(out.trim().endsWith('done')).toBe(true);
  }, 90_000);

  it('listeners: entry (all keys and one key), membership, lifecycle and item events', () => {
    const out = run('examples/listeners/main.ts');
    expect(out).toContain('  entry listener: added a value=1 oldValue=null');
    expect(out).toContain('  entry listener: updated a value=2 oldValue=1');
    expect(out).toContain('  entry listener: removed a value=null oldValue=2');
    expect(out).toContain('  entry listener: added watched value=x oldValue=null');
    expect(out).toContain('  key listener ("watched"): added watched value=x');
    // The key listener sees only its key.
    expect(out).not.toContain('key listener ("watched"): added a');
    expect(out).toContain('membership: 2 member(s) at registration');
    expect(out).toMatch(/membership: member added \S+ \(now 3\)/);
    expect(out).toMatch(/membership: member removed \S+ \(now 2\)/);
    expect(out).toContain('  item listener: added job-1');
    expect(out).toContain('  item listener: removed job-1');
    expect(out).toContain('lifecycle states seen: STARTING, STARTED, CONNECTED, SHUTTING_DOWN, SHUTDOWN');
  }, 90_000);

  describe('serialization-kinds', () => {
    // Run once; the Compact line is checked on its own, since Compact needs the member to take
    // the schema (Client.sendSchema) first.
    let result: { out: string; exitCode: number } | undefined;
    const output = (): { out: string; exitCode: number } => {
      if (result === undefined) {
        try {
          result = { out: run('examples/serialization-kinds/main.ts'), exitCode: 0 };
        } catch (error) {
          result = { out: (error as Error).message, exitCode: 1 };
        }
      }
      return result;
    };

    it('stores one value as JSON, IdentifiedDataSerializable and Portable and reads it back', () => {
      const { out } = output();
      expect(out).toContain('json: stored and read back Object {"name":"Maria","age":34}');
      expect(out).toContain('identified: stored and read back IdsEmployee {"name":"Maria","age":34}');
      expect(out).toContain('portable: stored and read back PortableEmployee {"name":"Maria","age":34}');
    }, 90_000);

    it('stores it as Compact and reads it back', () => {
      const { out, exitCode } = output();
      expect(out).toContain('compact: stored and read back CompactEmployee {"name":"Maria","age":34}');
      expect(exitCode).toBe(0);
      expect(out.trim().endsWith('done')).toBe(true);
    }, 90_000);
  });

  it('serverless-handler: invokes the handler once locally', () => {
    const out = run('examples/serverless-handler/main.ts');
    expect(out).toContain('started an in-process development cluster');
    expect(out).toContain('handler returned: hello from the handler');
  }, 90_000);

  it('serverless-handler: builds a minified bundle without Portable, Compact, CP, query or near cache code, and it runs', async () => {
    const bundle = resolve(REPO_ROOT, 'examples/serverless-handler/dist/handler.js');
    rmSync(bundle, { force: true });
    // The bundle is made from the built packages (packages/*/dist); `pnpm test` builds them first.
    const out = run('examples/serverless-handler/build.ts');
    expect(out).toMatch(/built dist\/handler\.js: [\d.]+ KiB minified/);
    expect(existsSync(bundle)).toBe(true);
    const code = readFileSync(bundle, 'utf8');
    // Minified: no indentation, few lines.
    expect(code.split('\n').length).toBeLessThan(50);
    expect(code).toContain('newHazelcastClient');
    for (const group of MARKER_GROUPS) {
      expect({ concern: group.concern, hits: findMarkers(code, group) }).toEqual({ concern: group.concern, hits: [] });
    }
    // A minifier can break code that ran fine before it: call the bundled handler in plain node.
    const cluster = await startTestCluster();
    try {
      expect(await invokeBundle(bundle, cluster.addresses, cluster.clusterName)).toBe('from the bundle');
    } finally {
      await cluster.shutdown();
    }
  }, 90_000);
});

/** Loads a bundled handler in a fresh node process and calls it once; what it returned. */
async function invokeBundle(bundle: string, members: string[], clusterName: string): Promise<unknown> {
  const probe = `const h = require(process.argv[1]);
h.handler({ key: 'bundle', value: 'from the bundle' }).then(async (v) => { await h.close(); process.stdout.write(JSON.stringify(v)); });`;
  // Asynchronous: the development member runs in this process and must keep answering.
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', probe, bundle], {
    env: { HZ_CLUSTER_MEMBERS: members.join(','), HZ_CLUSTER_NAME: clusterName },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return JSON.parse(stdout);
}
