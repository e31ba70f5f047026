// Compact values end to end: @hz/client sends the Employee and Address schemas to the cluster
// (Client.sendSchema) before the data, the development member queries the values with those
// schemas, a client that does not know a schema fetches it (Client.fetchSchema), and a client
// on a new cluster sends them all again (Client.sendAllSchemas).
import { Aggregators, Client, Predicates, Projections, type ClientConfig, type IMap } from '@hz/client';
import { startCluster } from '@hz/member';
import { eventually, itDev, startTestCluster, type TestCluster } from '../support/cluster';
import { CompactAddress, CompactEmployee, EMPLOYEES, clientConfig, sorted, uniqueName } from './model';

describe('e2e: Compact employee queries', () => {
  let cluster: TestCluster;
  let client: Client;
  let mapName: string;
  let employees: IMap<string, CompactEmployee>;

  const names = (values: Iterable<CompactEmployee>): string[] => sorted([...values].map((e) => e.name));

  beforeAll(async () => {
    cluster = await startTestCluster({ members: 2 });
    client = await Client.newHazelcastClient(clientConfig(cluster, 'e2e-compact') as ClientConfig);
    mapName = uniqueName('compact-employee');
    employees = await client.getMap<string, CompactEmployee>(mapName);
    for (const [key, name, age, active, salary, city] of EMPLOYEES) {
      const skills = name.startsWith('J') ? ['java', 'sql'] : ['go'];
      await employees.put(key, new CompactEmployee(name, age, active, salary, city === null ? null : new CompactAddress(city), skills));
    }
  });

  afterAll(async () => {
    await client?.shutdown();
    await cluster?.shutdown();
  });

  itDev('sent the schemas to the cluster before the data', async () => {
    const typeNames = cluster.dev!.clientService.schemas.all().map((s) => s.typeName);
    expect(sorted(typeNames)).toEqual(['Address', 'Employee']);
  });

  it('reads the values back as the class', async () => {
    expect(await employees.get('e4')).toEqual(new CompactEmployee('Peter', 33, true, 90000, new CompactAddress('Oslo'), ['go']));
  });

  it("runs the seeds' predicates over Compact values", async () => {
    expect(names(await employees.valuesWithPredicate(Predicates.sql('active AND age < 30')))).toEqual(['Joe', 'Mary']);
    expect(names(await employees.valuesWithPredicate(Predicates.and(Predicates.equal('active', true), Predicates.lessThan('age', 30))))).toEqual(['Joe', 'Mary']);
    expect(names(await employees.valuesWithPredicate(Predicates.greaterEqual('age', 27)))).toEqual(['Joe', 'Josh', 'Peter']);
    expect(names(await employees.valuesWithPredicate(Predicates.sql("name LIKE 'Jo%' AND salary > 60000")))).toEqual(['Josh']);
    expect(names(await employees.valuesWithPredicate(Predicates.equal('address.city', 'Oslo')))).toEqual(['Joe', 'Peter']);
    expect(names(await employees.valuesWithPredicate(Predicates.equal('skills[any]', 'go')))).toEqual(['Mary', 'Peter']);
    expect(names(await employees.valuesWithPredicate(Predicates.sql("age = '45'")))).toEqual(['Josh']);
  });

  it('aggregates (count, average) and projects (singleAttribute) over Compact values', async () => {
    expect((await employees.aggregate(Aggregators.count())).toNumber()).toBe(4);
    expect(await employees.aggregate(Aggregators.integerAvg('age'))).toBe(32.25);
    expect(await employees.aggregateWithPredicate(Aggregators.doubleAvg('salary'), Predicates.sql('active'))).toBe(60000);
    expect(sorted(await employees.project(Projections.singleAttribute<string>('name'), Predicates.greaterThan('age', 30)))).toEqual(['Josh', 'Peter']);
    // A nested Compact value comes back as Compact data, read with the client's serializer.
    const cities = await employees.project(Projections.singleAttribute<CompactAddress | null>('address'), Predicates.equal('name', 'Josh'));
    expect(cities).toEqual([new CompactAddress('Rome')]);
  });

  it('pages through Compact values', async () => {
    const paging = Predicates.paging(Predicates.sql('active'), 2);
    expect(await employees.keySetWithPredicate(paging)).toEqual(['e1', 'e3']);
    paging.nextPage();
    expect(await employees.keySetWithPredicate(paging)).toEqual(['e4']);
  });

  it('lets a client that never wrote the type read it: it fetches the schema from the cluster', async () => {
    // No Compact serializers: the values read as GenericRecords, after Client.fetchSchema.
    const reader = await Client.newHazelcastClient(clientConfig(cluster, 'e2e-compact-reader', {}) as ClientConfig);
    try {
      const map = await reader.getMap<string, { getString(f: string): string; getInt32(f: string): number }>(mapName);
      const mary = await map.get('e3');
      expect([mary?.getString('name'), mary?.getInt32('age')]).toEqual(['Mary', 23]);
      // Joe's nested Address needs the Address schema: fetched too.
      const joe = await map.get('e1');
      expect(joe?.getString('name')).toBe('Joe');
      const young = await map.valuesWithPredicate(Predicates.lessThan('age', 30));
      expect(sorted(young.toArray().map((r) => r.getString('name')))).toEqual(['Joe', 'Mary']);
    } finally {
      await reader.shutdown();
    }
  });

  it('decodes query results whose schemas the client has not seen yet (lazy lists included)', async () => {
    const reader = await Client.newHazelcastClient(clientConfig(cluster, 'e2e-compact-lazy-reader', {}) as ClientConfig);
    try {
      const map = await reader.getMap<string, { getString(f: string): string }>(mapName);
      // No get() first: the values and their nested Address arrive inside a query result.
      const young = await map.valuesWithPredicate(Predicates.lessThan('age', 30));
      expect(sorted(young.toArray().map((r) => r.getString('name')))).toEqual(['Joe', 'Mary']);
      const entries = await map.entrySetWithPredicate(Predicates.lessThan('age', 30));
      expect(sorted(entries.map(([, r]) => r.getString('name')))).toEqual(['Joe', 'Mary']);
    } finally {
      await reader.shutdown();
    }
  });

  itDev('keeps the schemas when members die: a new client still reads and queries the values', async () => {
    const dev = cluster.dev!;
    await dev.startMember();
    await dev.killMember(0);
    const reader = await Client.newHazelcastClient(clientConfig({ ...cluster, addresses: dev.addresses() }, 'e2e-compact-after-kill', {}) as ClientConfig);
    try {
      const map = await reader.getMap<string, { getString(f: string): string }>(mapName);
      expect((await map.get('e1'))?.getString('name')).toBe('Joe');
      expect((await map.aggregate(Aggregators.count(), Predicates.sql('active'))).toNumber()).toBe(3);
    } finally {
      await reader.shutdown();
    }
  });
});

describe('e2e: Compact schemas on a new cluster', () => {
  itDev('a client that reconnects to another cluster sends it every schema again (Client.sendAllSchemas)', async () => {
    const first = await startTestCluster({ members: 1 });
    const port = Number(first.addresses[0].split(':')[1]);
    const client = await Client.newHazelcastClient({
      ...(clientConfig(first, 'e2e-compact-new-cluster') as ClientConfig),
      connectionStrategy: { connectionRetry: { clusterConnectTimeoutMillis: 20000, initialBackoffMillis: 50, maxBackoffMillis: 200 } },
    } as ClientConfig);
    let second: Awaited<ReturnType<typeof startCluster>> | undefined;
    try {
      const name = uniqueName('compact-new-cluster');
      const before = await client.getMap<string, CompactEmployee>(name);
      await before.put('a', new CompactEmployee('Ann', 30, true, 1000, new CompactAddress('Oslo')));
      await first.shutdown();
      // Another cluster (another cluster id) where the first one was: it has no data and no schemas.
      second = await startCluster({ port, logLevel: 'silent' });
      expect(second.addresses()).toEqual(first.addresses);
      const target = second;
      await eventually(() => expect(target.clientService.schemas.all().map((s) => s.typeName).sort()).toEqual(['Address', 'Employee']), 15000);
      const after = await client.getMap<string, CompactEmployee>(name);
      await after.put('b', new CompactEmployee('Bob', 40, false, 2000));
      expect((await after.valuesWithPredicate(Predicates.greaterThan('age', 35))).toArray()).toEqual([new CompactEmployee('Bob', 40, false, 2000)]);
      expect((await after.aggregate(Aggregators.count(), Predicates.equal('address.city', 'Oslo'))).toNumber()).toBe(0);
    } finally {
      await client.shutdown();
      await first.shutdown();
      await second?.shutdown();
    }
  }, 30000);
});
