import { MAP_OPS, type MapOp } from './scenarios';
import type { ClusterAddress } from './targets/target';
import type { RunLimit } from './runner/closed-loop';

export const USAGE = `Usage: pnpm bench [options]

Map operations of our client and of hazelcast-client side by side on one member, with a raw
TCP baseline. Starts a development member in a separate process unless HZ_CLUSTER_MEMBERS is set.

  --duration S        seconds per measured run (default 3)
  --ops N             operations per measured run, instead of a duration
  --warmup S          seconds of warm-up per target and scenario (default 1)
  --rounds N          measured runs per target and scenario, alternating (default 2)
  --quick             smoke run: --duration 0.5 --warmup 0.25 --rounds 1 (explicit options win)
  --op LIST           operations, from get,put,set,getAll (default all)
  --size LIST         value sizes in bytes (default 100,10240)
  --concurrency LIST  operations in flight (default 1,16,256)
  --getall-keys N     keys per getAll (default 100)
  --keys N            distinct keys per map (default 1000)
  --no-raw            skip the raw TCP baseline
  --out FILE          JSON results (default tools/bench/results/latest.json); the SVG chart
                      is written beside it with the extension .svg
  -h, --help          this text

Environment: HZ_CLUSTER_MEMBERS=host:port,... (and HZ_CLUSTER_NAME, default dev) to benchmark
against a running cluster instead of starting the member.
`;

export interface BenchOptions {
  help: boolean;
  limit: RunLimit;
  warmupMs: number;
  rounds: number;
  ops: MapOp[];
  sizes: number[];
  concurrencies: number[];
  getAllKeys: number;
  keyCount: number;
  raw: boolean;
  /** JSON output path, relative to the repository root unless absolute. */
  out: string;
  /** A running cluster to use instead of a development member. */
  cluster: ClusterAddress | null;
}

function positive(name: string, v: string, integer: boolean): number {
  const n = Number(v);
  if (!(n > 0) || (integer && !Number.isInteger(n))) throw new Error(`${name} takes a positive ${integer ? 'integer' : 'number'}, got "${v}"`);
  return n;
}

function list<T>(name: string, v: string, parse: (item: string) => T): T[] {
  const items = v.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) throw new Error(`${name} takes a comma-separated list`);
  return items.map(parse);
}

/** Parses the command line and the environment; throws on an unknown option or a bad value. */
export function parseOptions(argv: readonly string[], env: Record<string, string | undefined>): BenchOptions {
  const given: { durationS?: number; ops?: number; warmupS?: number; rounds?: number } = {};
  let quick = false;
  const o: BenchOptions = {
    help: false,
    limit: { durationMs: 3000 },
    warmupMs: 1000,
    rounds: 2,
    ops: [...MAP_OPS],
    sizes: [100, 10 * 1024],
    concurrencies: [1, 16, 256],
    getAllKeys: 100,
    keyCount: 1000,
    raw: true,
    out: 'tools/bench/results/latest.json',
    cluster: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (arg.startsWith('--') && eq > 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '-h':
      case '--help':
        o.help = true;
        break;
      case '--duration':
        given.durationS = positive(name, value(), false);
        break;
      case '--ops':
        given.ops = positive(name, value(), true);
        break;
      case '--warmup':
        given.warmupS = Number(value());
        if (!(given.warmupS >= 0)) throw new Error(`--warmup takes a number of seconds, got "${argv[i]}"`);
        break;
      case '--rounds':
        given.rounds = positive(name, value(), true);
        break;
      case '--quick':
        quick = true;
        break;
      case '--op':
        o.ops = list(name, value(), (s) => {
          if (!(MAP_OPS as readonly string[]).includes(s)) throw new Error(`--op takes ${MAP_OPS.join(', ')}, got "${s}"`);
          return s as MapOp;
        });
        break;
      case '--size':
        o.sizes = list(name, value(), (s) => positive(name, s, true));
        break;
      case '--concurrency':
        o.concurrencies = list(name, value(), (s) => positive(name, s, true));
        break;
      case '--getall-keys':
        o.getAllKeys = positive(name, value(), true);
        break;
      case '--keys':
        o.keyCount = positive(name, value(), true);
        break;
      case '--no-raw':
        o.raw = false;
        break;
      case '--out':
        o.out = value();
        break;
      default:
        throw new Error(`Unknown option "${arg}" (see --help)`);
    }
  }
  if (given.durationS !== undefined && given.ops !== undefined) throw new Error('--duration and --ops exclude each other');
  if (given.ops !== undefined) o.limit = { ops: given.ops };
  else o.limit = { durationMs: 1000 * (given.durationS ?? (quick ? 0.5 : 3)) };
  o.warmupMs = 1000 * (given.warmupS ?? (quick ? 0.25 : 1));
  o.rounds = given.rounds ?? (quick ? 1 : 2);
  if (o.ops.includes('getAll') && o.getAllKeys > o.keyCount) throw new Error(`--getall-keys (${o.getAllKeys}) cannot exceed --keys (${o.keyCount})`);
  const members = env.HZ_CLUSTER_MEMBERS?.split(',').map((m) => m.trim()).filter((m) => m !== '');
  if (members && members.length > 0) o.cluster = { members, clusterName: env.HZ_CLUSTER_NAME ?? 'dev' };
  return o;
}
