import { readFileSync } from 'node:fs';
import { startCluster, type Cluster } from '../cluster/cluster';
import type { ClusterOptions } from '../config';
import type { LogLevel } from '../logging';

export interface CliOptions {
  help: boolean;
  cluster: ClusterOptions;
}

const USAGE = `Usage: hz-member [options]

Starts Hazelcast development members (a test tool, not a production server).

  --members N            members to start (default 1)
  --port P               port of the first member, the others take the next free ones;
                         0 for ephemeral ports (default 5701)
  --host H               address to listen on (default 127.0.0.1)
  --cluster-name NAME    cluster name clients must use (default dev)
  --partition-count N    partitions (default 271)
  --version V            Hazelcast version to report (default 5.5.0)
  --username U           username clients must send (with --password)
  --password P           password clients must send (with --username)
  --token T              token accepted from custom-credentials authentication
  --tls-key FILE         PEM private key: turns TLS on (with --tls-cert)
  --tls-cert FILE        PEM certificate
  --tls-ca FILE          PEM CA certificates for client certificates
  --tls-mutual           require a client certificate signed by --tls-ca
  --heartbeat-timeout MS close clients silent for this long (default 60000)
  --log-level L          silent, error, warn, info or debug (default info)
  -h, --help             this text
`;

const LEVELS: readonly LogLevel[] = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'];

/** Parses the command line; throws on an unknown option or a bad value. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const o: ClusterOptions = {};
  const tls: { key?: string; cert?: string; ca?: string; mutual?: boolean } = {};
  let help = false;
  const int = (name: string, v: string): number => {
    if (!/^\d+$/.test(v)) throw new Error(`${name} takes a non-negative integer, got "${v}"`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '-h':
      case '--help':
        help = true;
        break;
      case '--members':
        o.members = int(name, value());
        break;
      case '--port':
        o.port = int(name, value());
        break;
      case '--host':
        o.host = value();
        break;
      case '--cluster-name':
        o.clusterName = value();
        break;
      case '--partition-count':
        o.partitionCount = int(name, value());
        break;
      case '--version':
        o.version = value();
        break;
      case '--username':
        o.credentials = { username: value(), password: o.credentials?.password ?? '' };
        break;
      case '--password':
        o.credentials = { username: o.credentials?.username ?? '', password: value() };
        break;
      case '--token':
        o.token = value();
        break;
      case '--tls-key':
        tls.key = value();
        break;
      case '--tls-cert':
        tls.cert = value();
        break;
      case '--tls-ca':
        tls.ca = value();
        break;
      case '--tls-mutual':
        tls.mutual = true;
        break;
      case '--heartbeat-timeout':
        o.heartbeatTimeoutMs = int(name, value());
        break;
      case '--log-level': {
        const level = value() as LogLevel;
        if (!LEVELS.includes(level)) throw new Error(`--log-level takes one of ${LEVELS.join(', ')}, got "${level}"`);
        o.logLevel = level;
        break;
      }
      default:
        throw new Error(`Unknown option "${arg}"`);
    }
  }
  if (tls.key !== undefined || tls.cert !== undefined) {
    if (tls.key === undefined || tls.cert === undefined) throw new Error('--tls-key and --tls-cert go together');
    o.tls = {
      key: readFileSync(tls.key),
      cert: readFileSync(tls.cert),
      ca: tls.ca === undefined ? undefined : readFileSync(tls.ca),
      requireClientCert: tls.mutual === true,
    };
  } else if (tls.mutual === true || tls.ca !== undefined) {
    throw new Error('--tls-ca and --tls-mutual need --tls-key and --tls-cert');
  }
  return { help, cluster: o };
}

/**
 * Runs the CLI: starts the members, prints their addresses, and shuts down on SIGINT or
 * SIGTERM. Resolves to the running cluster (null after --help).
 */
export async function runCli(
  argv: readonly string[],
  io: { out?: (line: string) => void; handleSignals?: boolean } = {},
): Promise<Cluster | null> {
  const out = io.out ?? ((l: string) => void process.stdout.write(l + '\n'));
  const { help, cluster: options } = parseCliArgs(argv);
  if (help) {
    out(USAGE);
    return null;
  }
  const cluster = await startCluster(options);
  out(`Hazelcast development cluster "${cluster.name}" (id ${cluster.id.toString()}, version ${cluster.options.version}) is up.`);
  out('This is a test tool, not a production server.');
  for (const m of cluster.members) out(`Member ${m.uuidString} at ${m.addressString}${cluster.options.tls === null ? '' : ' (TLS)'}`);
  out(`Members: ${cluster.addresses().join(',')}`);
  if (io.handleSignals === false) return cluster;
  const stop = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    void cluster.shutdown().then(() => out('Cluster shut down.'));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return cluster;
}
