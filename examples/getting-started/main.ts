// Getting started: connect, put and get one map entry, shut down. The quick start of the
// repository README, runnable: against the cluster in HZ_CLUSTER_MEMBERS, or against an
// in-process development member (@hz/member) when none is given.
import { Client } from '@hz/client';
import { startCluster, type Cluster } from '@hz/member';

const say = (line: string): void => console.log(line);

async function main(): Promise<void> {
  // Where to connect: HZ_CLUSTER_MEMBERS (comma separated host:port), else an in-process member.
  let dev: Cluster | null = null;
  let members = process.env.HZ_CLUSTER_MEMBERS?.split(',').map((m) => m.trim());
  let clusterName = process.env.HZ_CLUSTER_NAME ?? 'dev';
  if (!members) {
    dev = await startCluster({ members: 1, port: 0, logLevel: 'warn' });
    members = dev.addresses();
    clusterName = dev.name;
    say(`started an in-process development cluster "${clusterName}" with members at ${members.join(', ')}`);
  } else {
    say(`using the cluster "${clusterName}" at ${members.join(', ')}`);
  }

  // The quick start.
  const client = await Client.newHazelcastClient({
    clusterName,
    network: { clusterMembers: members },
    properties: { 'hazelcast.logging.level': 'WARN' },
  });
  try {
    say(`connected as ${client.getName()} to ${client.getCluster().getMembers().length} member(s)`);
    const map = await client.getMap<string, string>('capitals');
    await map.put('tr', 'Ankara');
    say('put("tr", "Ankara") into the map "capitals"');
    say(`get("tr"): ${await map.get('tr')}`);
  } finally {
    await client.shutdown();
    say('client shut down');
    await dev?.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
