// The seeds' other query examples end to end with @hz/client: `__key like M%` and `this >= 27`
// over Integer values, JSON values with nested attributes and `people[any].name`, and
// IdentifiedDataSerializable values read on the development member with a factory registered
// there.
import { Aggregators, Client, HazelcastJsonValue, Integer, Predicates, Projections, type ClientConfig } from '@hz/client';
import { itDev, startTestCluster, type TestCluster } from '../support/cluster';
import { IDS_FACTORY_ID, IdsEmployee, clientConfig, idsFactory, sorted, uniqueName } from './model';

/** A JSON value as read back: parsed (the default, eager policy) or a HazelcastJsonValue. */
function parsed(value: unknown): Record<string, unknown> {
  return (value instanceof HazelcastJsonValue ? JSON.parse(value.toString()) : value) as Record<string, unknown>;
}

describe('e2e: queries over built-in, JSON and IdentifiedDataSerializable values', () => {
  let cluster: TestCluster;
  let client: Client;

  beforeAll(async () => {
    cluster = await startTestCluster({ members: 2 });
    client = await Client.newHazelcastClient(clientConfig(cluster, 'e2e-json') as ClientConfig);
  });

  afterAll(async () => {
    await client?.shutdown();
    await cluster?.shutdown();
  });

  it("runs the seeds' __key and this examples over Integer values", async () => {
    const persons = await client.getMap<string, Integer>(uniqueName('persons'));
    await persons.put('John', new Integer(28));
    await persons.put('Mary', new Integer(23));
    await persons.put('Judy', new Integer(30));

    const byKey = await persons.valuesWithPredicate(Predicates.sql('__key like M%'));
    expect(byKey.toArray()).toEqual([23]);

    const byValue = await persons.valuesWithPredicate(Predicates.greaterEqual('this', 27));
    expect(sorted(byValue.toArray())).toEqual([28, 30]);
    expect(sorted(await persons.keySetWithPredicate(Predicates.sql('this >= 27')))).toEqual(['John', 'Judy']);
    // The string of an SQL predicate is converted to the Integer it is compared with.
    expect(await persons.keySetWithPredicate(Predicates.equal('this', '23'))).toEqual(['Mary']);
    expect((await persons.aggregate(Aggregators.integerSum())).toNumber()).toBe(81);
    expect(await persons.aggregate(Aggregators.integerAvg(), Predicates.sql('__key like J%'))).toBe(29);
  });

  it("queries JSON values: the seeds' people[any].name, nested attributes, numbers as long or double", async () => {
    const departments = await client.getMap<number, HazelcastJsonValue>(uniqueName('departments'));
    await departments.put(
      1,
      new HazelcastJsonValue(
        JSON.stringify({
          departmentId: 1,
          room: 'alpha',
          people: [
            { name: 'Peter', age: 26, salary: 50000 },
            { name: 'Jonah', age: 50, salary: 140000 },
          ],
        }),
      ),
    );
    await departments.put(2, new HazelcastJsonValue(JSON.stringify({ departmentId: 2, room: 'beta', people: [{ name: 'Ann', age: 31, salary: 60000.5 }] })));
    await departments.put(3, new HazelcastJsonValue(JSON.stringify({ departmentId: 3, room: 'gamma', people: [] })));

    const withPeter = await departments.valuesWithPredicate(Predicates.equal('people[any].name', 'Peter'));
    expect(withPeter.toArray().map((v) => parsed(v).room)).toEqual(['alpha']);
    expect(sorted(await departments.keySetWithPredicate(Predicates.greaterThan('people[any].age', 30)))).toEqual([1, 2]);
    expect(await departments.keySetWithPredicate(Predicates.sql("room = 'beta'"))).toEqual([2]);
    expect(await departments.keySetWithPredicate(Predicates.sql('people[any].salary > 60000 AND departmentId < 2'))).toEqual([1]);
    expect((await departments.aggregate(Aggregators.count('people[any].name'))).toNumber()).toBe(3);
    expect(sorted(await departments.project(Projections.singleAttribute<string>('room'), Predicates.lessThan('departmentId', 3)))).toEqual(['alpha', 'beta']);
    // The seeds' less('age', 21) over flat JSON documents.
    const people = await client.getMap<number, HazelcastJsonValue>(uniqueName('json-values'));
    await people.put(1, new HazelcastJsonValue('{ "name": "John", "age": 35 }'));
    await people.put(2, new HazelcastJsonValue('{ "name": "Jane", "age": 24 }'));
    await people.put(3, new HazelcastJsonValue(JSON.stringify({ name: 'Trey', age: 17 })));
    expect((await people.valuesWithPredicate(Predicates.lessThan('age', 21))).toArray().map((v) => parsed(v).name)).toEqual(['Trey']);
  });

  itDev('queries IdentifiedDataSerializable values with the factory registered on the member', async () => {
    cluster.dev!.clientService.formats.registerDataSerializableFactory(IDS_FACTORY_ID, idsFactory);
    const staff = await client.getMap<string, IdsEmployee>(uniqueName('ids-employee'));
    await staff.put('a', new IdsEmployee('Ann', 27, true));
    await staff.put('b', new IdsEmployee('Bob', 35, true));
    await staff.put('c', new IdsEmployee('Cid', 22, false));
    const young = await staff.valuesWithPredicate(Predicates.sql('active AND age < 30'));
    expect(young.toArray()).toEqual([new IdsEmployee('Ann', 27, true)]);
    expect(sorted(await staff.keySetWithPredicate(Predicates.greaterEqual('age', '27')))).toEqual(['a', 'b']);
    expect(await staff.aggregate(Aggregators.integerAvg('age'))).toBe(28);
    expect((await staff.aggregate(Aggregators.integerSum('age'))).toNumber()).toBe(84);
    expect(sorted(await staff.project(Projections.singleAttribute<string>('name'), Predicates.sql('active')))).toEqual(['Ann', 'Bob']);
  });

  itDev('fails IdentifiedDataSerializable queries as a member does when it has no factory', async () => {
    const other = await client.getMap<string, { factoryId: number }>(uniqueName('ids-unknown'));
    class Unknown {
      readonly factoryId = 4242;
      readonly classId = 1;
      writeData(out: { writeInt(v: number): void }): void {
        out.writeInt(1);
      }
      readData(): void {}
    }
    await other.put('x', new Unknown() as unknown as { factoryId: number });
    await expect(other.keySetWithPredicate(Predicates.equal('a', 1))).rejects.toThrow('No DataSerializerFactory registered for namespace: 4242');
  });
});
