// Where integration tests get their cluster: an in-process @hz/member cluster by default, or a
// real cluster given by HZ_CLUSTER_MEMBERS=host:port,... (and HZ_CLUSTER_NAME).
import { startCluster, type Cluster, type ClusterOptions } from '@hz/member';

export interface TestCluster {
  clusterName: string;
  /** "host:port" of each member. */
  addresses: string[];
  /** The development cluster, or null against a real cluster. */
  dev: Cluster | null;
  shutdown(): Promise<void>;
}

/** The members of a real cluster to test against, if any. */
export const REAL_CLUSTER = process.env.HZ_CLUSTER_MEMBERS
  ? { members: process.env.HZ_CLUSTER_MEMBERS.split(',').map((m) => m.trim()), clusterName: process.env.HZ_CLUSTER_NAME ?? 'dev' }
  : null;

/** Starts a development cluster, or points at the real one when HZ_CLUSTER_MEMBERS is set. */
export async function startTestCluster(options: ClusterOptions = {}): Promise<TestCluster> {
  if (REAL_CLUSTER) {
    return { clusterName: REAL_CLUSTER.clusterName, addresses: REAL_CLUSTER.members, dev: null, shutdown: async () => undefined };
  }
  const dev = await startCluster({ port: 0, logLevel: 'silent', ...options });
  return { clusterName: dev.name, addresses: dev.addresses(), dev, shutdown: () => dev.shutdown() };
}

const announced = new Set<string>();

/**
 * `it` for tests that need the development member (to kill members, inject faults or inspect
 * what the member saw): against a real cluster they are skipped, and the reason is printed.
 */
export function itDev(name: string, fn: () => Promise<void>, timeout?: number): void {
  if (!REAL_CLUSTER) {
    it(name, fn, timeout);
    return;
  }
  if (!announced.has(name)) {
    announced.add(name);
    process.stdout.write(`skipped "${name}": it needs the development member (HZ_CLUSTER_MEMBERS points at a real cluster)\n`);
  }
  it.skip(name, fn);
}

/** Waits until `check` passes (it throws until then), polling; fails after `timeoutMs`. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000, intervalMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
