// Where the examples connect: the cluster in HZ_CLUSTER_MEMBERS (comma-separated host:port, with
// HZ_CLUSTER_NAME), or else an in-process development cluster started here.
import { startCluster, type Cluster } from '@hz/member';

export interface ExampleCluster {
  clusterName: string;
  members: string[];
  /** The in-process cluster, to shut down at the end; null for a real cluster. */
  dev: Cluster | null;
}

/** Finds the cluster to use, starting `memberCount` in-process members when none is given. */
export async function findCluster(memberCount: number): Promise<ExampleCluster> {
  const given = process.env.HZ_CLUSTER_MEMBERS?.split(',').map((m) => m.trim());
  if (given) {
    const clusterName = process.env.HZ_CLUSTER_NAME ?? 'dev';
    console.log(`using the cluster "${clusterName}" at ${given.join(', ')}`);
    return { clusterName, members: given, dev: null };
  }
  const dev = await startCluster({ members: memberCount, port: 0, logLevel: 'warn' });
  console.log(`started an in-process development cluster "${dev.name}" with members at ${dev.addresses().join(', ')}`);
  return { clusterName: dev.name, members: dev.addresses(), dev };
}
