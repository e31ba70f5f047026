// The main job: a map with a listener and predicate queries, and a queue, against the cluster
// in HZ_CLUSTER_MEMBERS, or against an in-process development member when none is given.
import { Aggregators, Client, Predicates } from '@hz/client';
import { findCluster } from '../support/cluster';

interface Employee {
  name: string;
  age: number;
  dept: string;
}

const say = (line: string): void => console.log(line);

async function main(): Promise<void> {
  const { clusterName, members, dev } = await findCluster(2);

  const client = await Client.newHazelcastClient({
    clusterName,
    network: { clusterMembers: members },
    properties: { 'hazelcast.logging.level': 'WARN' },
  });
  try {
    say(`connected as ${client.getName()} to ${client.getCluster().getMembers().length} member(s)`);

    const employees = await client.getMap<string, Employee>('employees');
    await employees.clear();
    const listenerId = await employees.addEntryListener({ added: (e) => say(`  listener: added ${String(e.key)}`) }, undefined, true);
    const staff: Employee[] = [
      { name: 'Maria', age: 34, dept: 'engineering' },
      { name: 'Mehmet', age: 27, dept: 'sales' },
      { name: 'Aiko', age: 41, dept: 'engineering' },
      { name: 'John', age: 23, dept: 'support' },
    ];
    say('putting four employees into the map "employees"');
    for (const e of staff) await employees.put(e.name, e);
    say(`map size: ${await employees.size()}`);
    say(`get("Aiko"): ${JSON.stringify(await employees.get('Aiko'))}`);

    const senior = (await employees.valuesWithPredicate(Predicates.sql('age >= 30'))).toArray();
    say(`query "age >= 30": ${senior.map((e) => e.name).sort().join(', ')}`);
    const mKeys = await employees.keySetWithPredicate(Predicates.like('__key', 'M%'));
    say(`query "__key like M%": ${[...mKeys].sort().join(', ')}`);
    const engineers = await employees.aggregate(Aggregators.count(), Predicates.equal('dept', 'engineering'));
    say(`count of engineering: ${String(engineers)}`);
    await employees.removeEntryListener(listenerId);

    const jobs = await client.getQueue<string>('jobs');
    say('offering three jobs to the queue "jobs"');
    for (const job of ['resize-images', 'send-invoices', 'rebuild-index']) await jobs.offer(job);
    say(`queue size: ${await jobs.size()}`);
    for (let job = await jobs.poll(); job !== null; job = await jobs.poll()) say(`  polled ${job}`);
    say('done');
  } finally {
    await client.shutdown();
    await dev?.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
