// Getting started: connect, put and get one map entry, shut down. The quick start of the
// repository README, runnable: against the cluster in HZ_CLUSTER_MEMBERS, or against an
// in-process development member (@hz/member) when none is given.
import { Client } from '@hz/client';
import { findCluster } from '../support/cluster';

const say = (line: string): void => console.log(line);

async function main(): Promise<void> {
  const { clusterName, members, dev } = await findCluster(1);

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
