// The seeds' Employee Map Query Example end to end: Portable employees put by @hz/client, queried
// on the cluster (the development member reads them without any Java class or factory: class
// definitions come from the bytes) with predicates, SQL, aggregations, projections and paging.
import { Aggregators, Client, Predicates, Projections, type ClientConfig, type IMap } from '@hz/client';
import { startTestCluster, type TestCluster } from '../support/cluster';
import { EMPLOYEES, PortableAddress, PortableEmployee, clientConfig, sorted, uniqueName } from './model';

describe('e2e: Portable employee queries', () => {
  let cluster: TestCluster;
  let client: Client;
  let employees: IMap<string, PortableEmployee>;

  const names = (values: Iterable<PortableEmployee>): string[] => sorted([...values].map((e) => e.name));

  beforeAll(async () => {
    cluster = await startTestCluster({ members: 2 });
    client = await Client.newHazelcastClient(clientConfig(cluster, 'e2e-portable') as ClientConfig);
    employees = await client.getMap<string, PortableEmployee>(uniqueName('employee'));
    for (const [key, name, age, active, salary, city] of EMPLOYEES) {
      await employees.put(key, new PortableEmployee(name, age, active, salary, city === null ? null : new PortableAddress(city)));
    }
  });

  afterAll(async () => {
    await client?.shutdown();
    await cluster?.shutdown();
  });

  it('reads the values back as the class (the factory is the client\'s)', async () => {
    const joe = await employees.get('e1');
    expect(joe).toBeInstanceOf(PortableEmployee);
    expect(joe).toEqual(new PortableEmployee('Joe', 28, true, 50000, new PortableAddress('Oslo')));
  });

  it("runs the seeds' predicates: and/equal/less, sql('active AND age < 30'), greaterEqual", async () => {
    expect(names(await employees.valuesWithPredicate(Predicates.and(Predicates.equal('active', true), Predicates.lessThan('age', 30))))).toEqual(['Joe', 'Mary']);
    expect(names(await employees.valuesWithPredicate(Predicates.sql('active AND age < 30')))).toEqual(['Joe', 'Mary']);
    expect(names(await employees.valuesWithPredicate(Predicates.greaterEqual('age', 27)))).toEqual(['Joe', 'Josh', 'Peter']);
    expect(sorted(await employees.keySetWithPredicate(Predicates.greaterEqual('age', 27)))).toEqual(['e1', 'e2', 'e4']);
  });

  it("runs the seeds' SQL syntax: OR, parentheses, BETWEEN, IN, LIKE, ILIKE, REGEX, !=", async () => {
    const sql = async (text: string): Promise<string[]> => names(await employees.valuesWithPredicate(Predicates.sql(text)));
    expect(await sql("active = false OR age = 45 OR name = 'Joe'")).toEqual(['Joe', 'Josh']);
    expect(await sql('active AND ( age > 30 OR salary < 45000 )')).toEqual(['Mary', 'Peter']);
    expect(await sql('age BETWEEN 20 AND 33')).toEqual(['Joe', 'Mary', 'Peter']);
    expect(await sql('age NOT BETWEEN 30 AND 40')).toEqual(['Joe', 'Josh', 'Mary']);
    expect(await sql('age IN ( 23, 33, 40 )')).toEqual(['Mary', 'Peter']);
    expect(await sql("name LIKE 'Jo%'")).toEqual(['Joe', 'Josh']);
    expect(await sql("name LIKE 'Jo_'")).toEqual(['Joe']);
    expect(await sql("name NOT LIKE 'Jo_'")).toEqual(['Josh', 'Mary', 'Peter']);
    expect(await sql("name ILIKE 'jO%'")).toEqual(['Joe', 'Josh']);
    expect(await sql("name REGEX 'P.*r'")).toEqual(['Peter']);
    expect(await sql('salary != 50000')).toEqual(['Josh', 'Mary', 'Peter']);
  });

  it('queries nested Portable fields and converts given values to the field types', async () => {
    expect(names(await employees.valuesWithPredicate(Predicates.equal('address.city', 'Oslo')))).toEqual(['Joe', 'Peter']);
    expect(names(await employees.valuesWithPredicate(Predicates.equal('age', '23')))).toEqual(['Mary']);
    expect(names(await employees.valuesWithPredicate(Predicates.greaterThan('salary', 60000)))).toEqual(['Josh', 'Peter']);
    const entries = await employees.entrySetWithPredicate(Predicates.sql("address.city = 'Rome'"));
    expect(entries.map(([k, v]) => [k, v.name])).toEqual([['e2', 'Josh']]);
  });

  it('aggregates (count, average) and projects (singleAttribute) over the Portable values', async () => {
    expect((await employees.aggregate(Aggregators.count())).toNumber()).toBe(4);
    expect((await employees.aggregateWithPredicate(Aggregators.count(), Predicates.sql('active'))).toNumber()).toBe(3);
    expect(await employees.aggregate(Aggregators.integerAvg('age'))).toBe(32.25);
    expect(await employees.aggregate(Aggregators.numberAvg('age'), Predicates.sql('active'))).toBe(28);
    expect(await employees.aggregate(Aggregators.doubleAvg('salary'))).toBe(62500);
    expect(sorted(await employees.project(Projections.singleAttribute<string>('name')))).toEqual(['Joe', 'Josh', 'Mary', 'Peter']);
    expect(sorted(await employees.project(Projections.singleAttribute<number>('age'), Predicates.sql('active')))).toEqual([23, 28, 33]);
    expect(sorted((await employees.project(Projections.singleAttribute<string | null>('address.city'))).map(String))).toEqual(['Oslo', 'Oslo', 'Rome', 'null']);
  });

  it('pages through the query results', async () => {
    const paging = Predicates.paging(Predicates.sql('age > 20'), 3);
    const first = await employees.keySetWithPredicate(paging);
    expect(first).toEqual(['e1', 'e2', 'e3']);
    paging.nextPage();
    expect(await employees.keySetWithPredicate(paging)).toEqual(['e4']);
    const activePages = Predicates.paging(Predicates.equal('active', true), 2);
    expect((await employees.entrySetWithPredicate(activePages)).map(([k, v]) => `${k}:${v.name}`)).toEqual(['e1:Joe', 'e3:Mary']);
  });
});
