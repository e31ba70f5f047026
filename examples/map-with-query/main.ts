// A map of plain JavaScript objects (stored as JSON values) queried on the cluster with the
// predicates, aggregators and projections of @hz/query (re-exported by @hz/client).
import { Aggregators, Client, Predicates, Projections } from '@hz/client';
import { findCluster } from '../support/cluster';

interface Employee {
  name: string;
  age: number;
  dept: string;
  salary: number;
}

const say = (line: string): void => console.log(line);
const names = (employees: Iterable<Employee>): string => [...employees].map((e) => e.name).sort().join(', ');

async function main(): Promise<void> {
  const { clusterName, members, dev } = await findCluster(2);

  const client = await Client.newHazelcastClient({
    clusterName,
    network: { clusterMembers: members },
    properties: { 'hazelcast.logging.level': 'WARN' },
  });
  try {
    const employees = await client.getMap<string, Employee>('query-employees');
    await employees.clear();
    const staff: Employee[] = [
      { name: 'Maria', age: 34, dept: 'engineering', salary: 5200 },
      { name: 'Mehmet', age: 27, dept: 'sales', salary: 3900 },
      { name: 'Aiko', age: 41, dept: 'engineering', salary: 6100 },
      { name: 'John', age: 23, dept: 'support', salary: 3100 },
      { name: 'Priya', age: 30, dept: 'engineering', salary: 4800 },
      { name: 'Lars', age: 52, dept: 'sales', salary: 5500 },
      { name: 'Ana', age: 38, dept: 'support', salary: 4000 },
    ];
    await employees.putAll(staff.map((e) => [e.name, e] as const));
    say(`put ${await employees.size()} employees (plain objects, stored as JSON) into the map "query-employees"`);

    // A SQL-like predicate string.
    const sql = await employees.valuesWithPredicate(Predicates.sql('dept = engineering AND age > 30'));
    say(`sql "dept = engineering AND age > 30": ${names(sql)}`);

    // Predicates built in code: between (inclusive) and like, combined with and.
    const between = await employees.valuesWithPredicate(Predicates.between('age', 30, 40));
    say(`between(age, 30, 40): ${names(between)}`);
    const mSales = await employees.valuesWithPredicate(Predicates.and(Predicates.like('name', 'M%'), Predicates.equal('dept', 'sales')));
    say(`and(like(name, "M%"), equal(dept, "sales")): ${names(mSales)}`);

    // Paging: 3 entries a page, ordered by key (without a comparator, entries sort by key; values
    // would sort by value, and JSON values are not comparable); nextPage() moves the predicate on.
    const paging = Predicates.paging<string, Employee>(Predicates.greaterEqual('age', 25), 3);
    for (;;) {
      const page = await employees.entrySetWithPredicate(paging);
      if (page.length === 0) break;
      say(`page ${paging.getPage()} of age >= 25: ${page.map(([key]) => key).join(', ')}`);
      paging.nextPage();
    }

    // Aggregations run on the members: only the result comes back.
    const engineers = await employees.aggregate(Aggregators.count(), Predicates.equal('dept', 'engineering'));
    say(`count(dept = engineering): ${String(engineers)}`);
    const payroll = await employees.aggregate(Aggregators.longSum('salary'));
    say(`longSum(salary): ${String(payroll)}`);

    // A projection returns one attribute of each matching value.
    const supportAges = await employees.project(Projections.singleAttribute<number>('age'), Predicates.equal('dept', 'support'));
    say(`singleAttribute(age) of dept = support: ${[...supportAges].sort((a, b) => a - b).join(', ')}`);
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
