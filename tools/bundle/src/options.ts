export const USAGE = `Usage: pnpm bundle [options]

  --runs N     fresh processes per bundle to time loading (default 15)
  --calls N    cold calls of each handler against a member (default 3; 0 to skip)
  --out FILE   JSON results (default tools/bundle/results/latest.json)
  -h, --help   this text

The cold calls start a development member in this process, unless HZ_CLUSTER_MEMBERS (and
HZ_CLUSTER_NAME) point at a running cluster.
`;

export interface BundleOptions {
  runs: number;
  calls: number;
  out: string;
}

/** Parses the command line; null for --help; throws on an unknown option or a bad value. */
export function parseOptions(argv: readonly string[]): BundleOptions | null {
  const o: BundleOptions = { runs: 15, calls: 3, out: 'tools/bundle/results/latest.json' };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split('=', 2);
    const value = (): string => inline ?? argv[++i] ?? '';
    const count = (min: number): number => {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < min) throw new Error(`${name} takes an integer of at least ${min}, got "${v}"`);
      return Number(v);
    };
    if (name === '-h' || name === '--help') return null;
    else if (name === '--runs') o.runs = count(1);
    else if (name === '--calls') o.calls = count(0);
    else if (name === '--out') o.out = value();
    else throw new Error(`Unknown option "${argv[i]}" (see --help)`);
  }
  return o;
}
