// The official `hazelcast-client` and @hz/client share Compact and Portable data through the
// development member: a Compact value one client puts is read by the other (its schema travels
// through the member's schema service: Client.sendSchema, then Client.fetchSchema), and a
// Portable value the official client puts is found by a predicate @hz/client sends.
import { Aggregators, Client, Predicates, Projections, type ClientConfig } from '@hz/client';
import { itDev, startTestCluster, type TestCluster } from '../support/cluster';
import {
  CompactAddress,
  CompactEmployee,
  PortableAddress,
  PortableEmployee,
  clientConfig,
  compactAddressSerializer,
  compactEmployeeSerializer,
  portableFactories,
  sorted,
  uniqueName,
} from './model';

interface OfficialList<T> {
  toArray(): T[];
}
interface OfficialMap<K, V> {
  put(key: K, value: V): Promise<V | null>;
  get(key: K): Promise<V | null>;
  valuesWithPredicate(predicate: unknown): Promise<OfficialList<V>>;
  keySetWithPredicate(predicate: unknown): Promise<K[]>;
  aggregateWithPredicate<R>(aggregator: unknown, predicate: unknown): Promise<R>;
}
interface OfficialClient {
  getMap<K, V>(name: string): Promise<OfficialMap<K, V>>;
  shutdown(): Promise<void>;
}
interface Official {
  Client: { newHazelcastClient(config: object): Promise<OfficialClient> };
  Predicates: {
    sql(text: string): unknown;
    greaterEqual(attribute: string, value: unknown): unknown;
    equal(attribute: string, value: unknown): unknown;
  };
  Aggregators: { count(attribute?: string): unknown };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const official = require('hazelcast-client') as Official;

describe('e2e: the official client and @hz/client through the development member', () => {
  let cluster: TestCluster;
  let theirs: OfficialClient;
  let ours: Client;

  beforeAll(async () => {
    cluster = await startTestCluster({ members: 2 });
    const serialization = { portableFactories, compact: { serializers: [compactAddressSerializer, compactEmployeeSerializer] } };
    theirs = await official.Client.newHazelcastClient(clientConfig(cluster, 'e2e-official', serialization));
    ours = await Client.newHazelcastClient(clientConfig(cluster, 'e2e-ours', serialization) as ClientConfig);
  });

  afterAll(async () => {
    await theirs?.shutdown();
    await ours?.shutdown();
    await cluster?.shutdown();
  });

  it('reads with @hz/client a Compact value the official client put, and queries it', async () => {
    const name = uniqueName('compact-from-official');
    const map = await theirs.getMap<string, CompactEmployee>(name);
    await map.put('joe', new CompactEmployee('Joe', 28, true, 50000, new CompactAddress('Oslo'), ['java']));
    await map.put('ann', new CompactEmployee('Ann', 41, false, 70000, null, []));

    // Our client has never seen these schemas: it fetches them from the member.
    const mine = await ours.getMap<string, CompactEmployee>(name);
    expect(await mine.get('joe')).toEqual(new CompactEmployee('Joe', 28, true, 50000, new CompactAddress('Oslo'), ['java']));
    expect((await mine.valuesWithPredicate(Predicates.sql('active AND age < 30'))).toArray()).toEqual([
      new CompactEmployee('Joe', 28, true, 50000, new CompactAddress('Oslo'), ['java']),
    ]);
    expect(await mine.keySetWithPredicate(Predicates.equal('address.city', 'Oslo'))).toEqual(['joe']);
    expect(await mine.aggregate(Aggregators.integerAvg('age'))).toBe(34.5);
    expect(sorted(await mine.project(Projections.singleAttribute<string>('name')))).toEqual(['Ann', 'Joe']);
  });

  it('reads with the official client a Compact value @hz/client put, and queries it', async () => {
    const name = uniqueName('compact-from-ours');
    const mine = await ours.getMap<string, CompactEmployee>(name);
    await mine.put('mia', new CompactEmployee('Mia', 29, true, 52000, new CompactAddress('Bergen'), ['go', 'ts']));
    await mine.put('max', new CompactEmployee('Max', 19, true, 20000, null, []));

    const map = await theirs.getMap<string, CompactEmployee>(name);
    expect(await map.get('mia')).toEqual(new CompactEmployee('Mia', 29, true, 52000, new CompactAddress('Bergen'), ['go', 'ts']));
    const adults = await map.valuesWithPredicate(official.Predicates.greaterEqual('age', 21));
    expect(adults.toArray().map((e) => e.name)).toEqual(['Mia']);
    expect(sorted(await map.keySetWithPredicate(official.Predicates.sql('active')))).toEqual(['max', 'mia']);
  });

  itDev('shares one schema registry: both clients computed the same schema ids', async () => {
    const typeNames = cluster.dev!.clientService.schemas.all().map((s) => s.typeName);
    expect(sorted(typeNames)).toEqual(['Address', 'Employee']);
  });

  it('finds with a predicate of @hz/client a Portable value the official client put', async () => {
    const name = uniqueName('portable-from-official');
    const map = await theirs.getMap<string, PortableEmployee>(name);
    await map.put('e1', new PortableEmployee('Joe', 28, true, 50000, new PortableAddress('Oslo')));
    await map.put('e2', new PortableEmployee('Josh', 45, false, 70000, new PortableAddress('Rome')));
    await map.put('e3', new PortableEmployee('Mary', 23, true, 40000, null));

    const mine = await ours.getMap<string, PortableEmployee>(name);
    const young = await mine.valuesWithPredicate(Predicates.sql('active AND age < 30'));
    expect(sorted(young.toArray().map((e) => e.name))).toEqual(['Joe', 'Mary']);
    expect(young.toArray().every((e) => e instanceof PortableEmployee)).toBe(true);
    expect(await mine.keySetWithPredicate(Predicates.equal('address.city', 'Rome'))).toEqual(['e2']);
    expect((await mine.aggregate(Aggregators.count(), Predicates.greaterEqual('age', 27))).toNumber()).toBe(2);

    // And the other way round: the official client's predicate over what it put, and over ours.
    expect(sorted(await map.keySetWithPredicate(official.Predicates.sql("name LIKE 'Jo%'")))).toEqual(['e1', 'e2']);
    await mine.put('e4', new PortableEmployee('Peter', 33, true, 90000, new PortableAddress('Oslo')));
    expect(sorted(await map.keySetWithPredicate(official.Predicates.equal('address.city', 'Oslo')))).toEqual(['e1', 'e4']);
  });
});
