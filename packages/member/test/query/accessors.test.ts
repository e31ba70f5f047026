// The query engine over Portable, Compact and IdentifiedDataSerializable values (the accessors
// of src/query/accessors): values serialized as a client serializes them, predicates,
// aggregators and projections decoded as the member decodes them, results read back as a
// client reads them.
import {
  DefaultSerializationService,
  HeapData,
  LocalDate,
  SchemaNotReplicatedError,
  type Aggregator,
  type Data,
  type IdentifiedDataSerializable,
  type ObjectDataInput,
  type ObjectDataOutput,
  type Projection,
  type Serializer,
} from '@hz/core';
import Long from 'long';
import { Aggregators, CanonicalizingHashSet, Predicates, Projections, queryResultsExtension } from '@hz/query';
import {
  ClassDefinitionBuilder,
  FieldDescriptor,
  GenericRecords,
  Schema,
  createSerializationExtension,
  type CompactExtension,
  type CompactReader,
  type CompactSerializer,
  type CompactWriter,
  type Portable,
  type PortableReader,
  type PortableWriter,
  type VersionedPortable,
} from '@hz/serialization';
import { ErrorCode, MemberError } from '../../src';
import type { QueryEngine, QueryEntry } from '../../src/query';
import { MemberValueFormats } from '../../src/query/accessors';

// --- Portable ---

class Address implements Portable {
  readonly factoryId = 1000;
  readonly classId = 101;
  constructor(
    public city = '',
    public zip = 0,
  ) {}
  writePortable(w: PortableWriter): void {
    w.writeString('city', this.city);
    w.writeInt('zip', this.zip);
  }
  readPortable(r: PortableReader): void {
    this.city = r.readString('city') ?? '';
    this.zip = r.readInt('zip');
  }
}

class Employee implements Portable {
  readonly factoryId = 1000;
  readonly classId = 100;
  constructor(
    public name = '',
    public age = 0,
    public active = false,
    public salary = 0,
    public address: Address | null = null,
    public skills: string[] = [],
    public scores: number[] = [],
    public previous: Address[] = [],
    public id = 0,
    public rating = 0,
    public hired: LocalDate | null = null,
  ) {}
  writePortable(w: PortableWriter): void {
    w.writeString('name', this.name);
    w.writeInt('age', this.age);
    w.writeBoolean('active', this.active);
    w.writeDouble('salary', this.salary);
    if (this.address === null) w.writeNullPortable('address', 1000, 101);
    else w.writePortable('address', this.address);
    w.writeStringArray('skills', this.skills);
    w.writeIntArray('scores', this.scores);
    w.writePortableArray('previous', this.previous);
    w.writeLong('id', this.id);
    w.writeFloat('rating', this.rating);
    w.writeDate('hired', this.hired);
  }
  readPortable(r: PortableReader): void {
    this.name = r.readString('name') ?? '';
    this.age = r.readInt('age');
    this.active = r.readBoolean('active');
    this.salary = r.readDouble('salary');
    this.address = r.readPortable('address') as Address | null;
    this.skills = (r.readStringArray('skills') ?? []) as string[];
    this.scores = r.readIntArray('scores') ?? [];
    this.previous = (r.readPortableArray('previous') ?? []) as Address[];
    this.id = r.readLong('id').toNumber();
    this.rating = r.readFloat('rating');
    this.hired = r.readDate('hired');
  }
}

// --- Compact ---

class CAddress {
  constructor(
    public city: string,
    public zip: number,
  ) {}
}
class CEmployee {
  constructor(
    public name: string,
    public age: number,
    public active: boolean,
    public salary: number,
    public address: CAddress | null,
    public skills: string[],
    public previous: CAddress[],
    public bonus: number | null,
    public id: bigint,
    public level: number,
  ) {}
}
const cAddressSerializer: CompactSerializer<CAddress> = {
  typeName: 'Address',
  class: CAddress,
  read: (r: CompactReader) => new CAddress(r.readString('city') ?? '', r.readInt32('zip')),
  write: (w: CompactWriter, a: CAddress) => {
    w.writeString('city', a.city);
    w.writeInt32('zip', a.zip);
  },
};
const cEmployeeSerializer: CompactSerializer<CEmployee> = {
  typeName: 'Employee',
  class: CEmployee,
  read: (r: CompactReader) =>
    new CEmployee(
      r.readString('name') ?? '',
      r.readInt32('age'),
      r.readBoolean('active'),
      r.readFloat64('salary'),
      r.readCompact<CAddress>('address'),
      (r.readArrayOfString('skills') ?? []) as string[],
      (r.readArrayOfCompact<CAddress>('previous') ?? []) as CAddress[],
      r.readNullableInt32('bonus'),
      BigInt(r.readInt64('id').toString()),
      r.readInt8('level'),
    ),
  write: (w: CompactWriter, e: CEmployee) => {
    w.writeString('name', e.name);
    w.writeInt32('age', e.age);
    w.writeBoolean('active', e.active);
    w.writeFloat64('salary', e.salary);
    w.writeCompact('address', e.address);
    w.writeArrayOfString('skills', e.skills);
    w.writeArrayOfCompact('previous', e.previous);
    w.writeNullableInt32('bonus', e.bonus);
    w.writeInt64('id', e.id);
    w.writeInt8('level', e.level);
  },
} as CompactSerializer<CEmployee>;

// --- IdentifiedDataSerializable ---

class IdsAddress implements IdentifiedDataSerializable {
  readonly factoryId = 2000;
  readonly classId = 2;
  constructor(public city = '') {}
  writeData(out: ObjectDataOutput): void {
    out.writeString(this.city);
  }
  readData(input: ObjectDataInput): void {
    this.city = input.readString() ?? '';
  }
}

class IdsEmployee implements IdentifiedDataSerializable {
  readonly factoryId = 2000;
  readonly classId = 1;
  constructor(
    public name = '',
    public age = 0,
    public active = false,
    public salary = 0,
    public rating = 0,
    public id = Long.ZERO,
    public scores: number[] = [],
    public tags: Array<string | null> = [],
    public address: IdsAddress | null = null,
    public grade = 'A',
  ) {}
  writeData(out: ObjectDataOutput): void {
    out.writeString(this.name);
    out.writeInt(this.age);
    out.writeBoolean(this.active);
    out.writeDouble(this.salary);
    out.writeFloat(this.rating);
    out.writeLong(this.id);
    out.writeIntArray(this.scores);
    out.writeStringArray(this.tags);
    out.writeObject(this.address);
    out.writeChar(this.grade);
  }
  readData(input: ObjectDataInput): void {
    this.name = input.readString() ?? '';
    this.age = input.readInt();
    this.active = input.readBoolean();
    this.salary = input.readDouble();
    this.rating = input.readFloat();
    this.id = input.readLong();
    this.scores = input.readIntArray() ?? [];
    this.tags = input.readStringArray() ?? [];
    this.address = input.readObject<IdsAddress | null>();
    this.grade = input.readChar();
  }
}
const idsFactory = (classId: number): IdentifiedDataSerializable | undefined =>
  classId === 1 ? new IdsEmployee() : classId === 2 ? new IdsAddress() : undefined;

// --- a client's serialization ---

const objectArray: Serializer = {
  id: -28,
  read(input) {
    const count = input.readInt();
    const items: unknown[] = [];
    for (let i = 0; i < count; i++) items.push(input.readObject());
    return items;
  },
  write() {
    throw new Error('read only');
  },
};

const clientConfig = {
  portableFactories: { 1000: (classId: number) => (classId === 100 ? new Employee() : classId === 101 ? new Address() : undefined) },
  dataSerializableFactories: { 2000: idsFactory },
  compact: { serializers: [cAddressSerializer, cEmployeeSerializer] as Array<CompactSerializer<unknown>> },
};
const extension = createSerializationExtension(clientConfig);
const client = new DefaultSerializationService(clientConfig, [
  extension,
  queryResultsExtension(),
  { serializerForTypeId: (typeId) => (typeId === -28 ? objectArray : undefined) },
]);
const clientCompact = extension.parts.get('Compact') as CompactExtension;

/**
 * Serializes like a client; a Compact value's schemas are "sent": marked replicated on the
 * client and put in `formats`' registry (what Client.sendSchema does with the cluster's).
 */
function toData(value: unknown, formats?: MemberValueFormats): Data {
  for (;;) {
    try {
      const data = client.toData(value);
      if (data === null) throw new Error('null');
      return data;
    } catch (error) {
      if (!(error instanceof SchemaNotReplicatedError)) throw error;
      for (const schema of clientCompact.schemas.all()) {
        if (!error.schemaIds.includes(schema.idString())) continue;
        clientCompact.schemas.putReplicated(schema);
        formats?.schemas.putReplicated(new Schema(schema.typeName, schema.fields.map((f) => new FieldDescriptor(f.fieldName, f.kind))));
      }
    }
  }
}

function run(engine: QueryEngine, entries: QueryEntry[]) {
  return {
    keys: (predicate: unknown): unknown[] =>
      engine
        .filter(engine.decodePredicate(toData(predicate)), entries)
        .map((e) => client.toObject(e.keyData))
        .sort(),
    aggregate: (aggregator: Aggregator<unknown>, predicate?: unknown): unknown =>
      client.toObject(
        engine.aggregate(engine.decodeAggregator(toData(aggregator)), entries, predicate === undefined ? undefined : engine.decodePredicate(toData(predicate))),
      ),
    projectData: (projection: Projection<unknown>): Array<Data | null> => engine.project(engine.decodeProjection(toData(projection)), entries),
    project: (projection: Projection<unknown>): unknown[] =>
      engine.project(engine.decodeProjection(toData(projection)), entries).map((d) => client.toObject(d)),
  };
}

const long = (value: unknown): string => (Long.isLong(value) ? value.toString() : `not a Long: ${String(value)}`);

function memberError(f: () => unknown): MemberError {
  try {
    f();
  } catch (e) {
    if (e instanceof MemberError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('query accessors: Portable values', () => {
  // The member has no Portable factory: values are GenericRecords, class definitions learned from the bytes.
  const formats = new MemberValueFormats();
  const engine = formats.createQueryEngine();
  const people: Array<[string, Employee]> = [
    ['ann', new Employee('Ann', 27, true, 60000, new Address('Oslo', 150), ['java', 'go'], [10, 95], [new Address('Rome', 1)], 1, 4.5, new LocalDate(2020, 1, 15))],
    ['bob', new Employee('Bob', 35, true, 45000, new Address('Bergen', 5000), ['ts'], [70], [], 2, 3.25, null)],
    ['joe', new Employee('Joe', 22, false, 30000, null, [], [], [new Address('Rome', 2), new Address('Paris', 3)], 3, 2, null)],
    ['mia', new Employee('Mia', 29, true, 52000, new Address('Oslo', 151), ['java'], [99, 100], [], 4, 5, null)],
  ];
  const entries = people.map(([k, v]) => engine.entry(toData(k), toData(v)));
  const q = run(engine, entries);

  it("runs the seeds' Employee queries", () => {
    expect(q.keys(Predicates.sql('active AND age < 30'))).toEqual(['ann', 'mia']);
    expect(q.keys(Predicates.and(Predicates.equal('active', true), Predicates.lessThan('age', 30)))).toEqual(['ann', 'mia']);
    expect(q.keys(Predicates.greaterEqual('age', 27))).toEqual(['ann', 'bob', 'mia']);
    expect(q.keys(Predicates.sql('age BETWEEN 20 AND 28'))).toEqual(['ann', 'joe']);
    expect(q.keys(Predicates.sql('age IN (22, 35, 40)'))).toEqual(['bob', 'joe']);
    expect(q.keys(Predicates.sql("name LIKE 'Jo%'"))).toEqual(['joe']);
    expect(q.keys(Predicates.sql("name ILIKE 'a%'"))).toEqual(['ann']);
    expect(q.keys(Predicates.sql("active = false OR age = 35 OR name = 'Mia'"))).toEqual(['bob', 'joe', 'mia']);
    expect(q.keys(Predicates.sql('active AND ( age > 30 OR salary < 55000 )'))).toEqual(['bob', 'mia']);
    expect(q.keys(Predicates.regex('name', '^[AM].*'))).toEqual(['ann', 'mia']);
    expect(q.keys(Predicates.notEqual('name', 'Ann'))).toEqual(['bob', 'joe', 'mia']);
    expect(q.keys(Predicates.sql('__key like m%'))).toEqual(['mia']);
  });

  it('converts what the predicate gives to the field types (Integer, Double, Long, Float, Boolean, LocalDate)', () => {
    expect(q.keys(Predicates.equal('age', '27'))).toEqual(['ann']);
    expect(q.keys(Predicates.equal('age', 27.0))).toEqual(['ann']);
    expect(q.keys(Predicates.greaterThan('salary', 50000))).toEqual(['ann', 'mia']);
    expect(q.keys(Predicates.equal('id', 3))).toEqual(['joe']);
    expect(q.keys(Predicates.sql('id >= 3'))).toEqual(['joe', 'mia']);
    expect(q.keys(Predicates.sql('rating > 3.3'))).toEqual(['ann', 'mia']);
    expect(q.keys(Predicates.equal('rating', '3.25'))).toEqual(['bob']);
    expect(q.keys(Predicates.equal('active', 'false'))).toEqual(['joe']);
    expect(q.keys(Predicates.equal('hired', '2020-01-15'))).toEqual(['ann']);
  });

  it('walks nested Portables and arrays: a.b, arr[any], arr[i], portables[any].field', () => {
    expect(q.keys(Predicates.equal('address.city', 'Oslo'))).toEqual(['ann', 'mia']);
    expect(q.keys(Predicates.sql('address.zip > 1000'))).toEqual(['bob']);
    expect(q.keys(Predicates.equal('skills[any]', 'java'))).toEqual(['ann', 'mia']);
    expect(q.keys(Predicates.greaterThan('scores[any]', 96))).toEqual(['mia']);
    expect(q.keys(Predicates.equal('scores[0]', 10))).toEqual(['ann']);
    expect(q.keys(Predicates.equal('previous[any].city', 'Rome'))).toEqual(['ann', 'joe']);
    expect(q.keys(Predicates.equal('previous[1].city', 'Paris'))).toEqual(['joe']);
    // A field the class does not have, or a null nested Portable, is null.
    expect(q.keys(Predicates.equal('nope', null))).toEqual(['ann', 'bob', 'joe', 'mia']);
    expect(q.keys(Predicates.equal('address.city', null))).toEqual(['joe']);
    expect(q.keys(Predicates.greaterThan('nope', 1))).toEqual([]);
  });

  it('fails as the member does on an array without [any], and on a nested Portable compared as a value', () => {
    expect(memberError(() => q.keys(Predicates.equal('skills', 'java'))).code).toBe(ErrorCode.ILLEGAL_ARGUMENT);
    expect(memberError(() => q.keys(Predicates.equal('address', 'x'))).code).toBe(ErrorCode.QUERY);
  });

  it('aggregates: count, averages, sums, min/max, distinct, over [any] paths', () => {
    expect(long(q.aggregate(Aggregators.count()))).toBe('4');
    expect(long(q.aggregate(Aggregators.count(), Predicates.sql('active')))).toBe('3');
    expect(q.aggregate(Aggregators.integerAvg('age'))).toBe(28.25);
    expect(q.aggregate(Aggregators.numberAvg('age'))).toBe(28.25);
    expect(long(q.aggregate(Aggregators.integerSum('age')))).toBe('113');
    expect(long(q.aggregate(Aggregators.longSum('id')))).toBe('10');
    expect(q.aggregate(Aggregators.doubleSum('salary'))).toBe(187000);
    expect(q.aggregate(Aggregators.max('age'))).toBe(35);
    expect(q.aggregate(Aggregators.min('name'))).toBe('Ann');
    // Empty arrays under [any] are skipped, as null targets.
    expect(long(q.aggregate(Aggregators.count('previous[any].city')))).toBe('3');
    const cities = q.aggregate(Aggregators.distinct('address.city')) as CanonicalizingHashSet<unknown>;
    expect([...cities].map(String).sort()).toEqual(['Bergen', 'Oslo', 'null']);
    // A non-numeric field is a ClassCastException, as on a member.
    expect(memberError(() => q.aggregate(Aggregators.integerSum('name'))).code).toBe(ErrorCode.CLASS_CAST);
  });

  it('projects fields with their Java types, nested Portables and arrays as a client reads them', () => {
    expect(q.project(Projections.singleAttribute('name'))).toEqual(['Ann', 'Bob', 'Joe', 'Mia']);
    const ages = q.projectData(Projections.singleAttribute('age'));
    expect(ages.map((d) => d?.getType())).toEqual([-7, -7, -7, -7]); // Integer
    expect(q.projectData(Projections.singleAttribute('rating'))[0]?.getType()).toBe(-9); // Float
    expect(q.projectData(Projections.singleAttribute('id'))[0]?.getType()).toBe(-8); // Long
    const [address] = q.project(Projections.singleAttribute('address'));
    expect(address).toBeInstanceOf(Address);
    expect(address).toEqual(new Address('Oslo', 150));
    expect(q.project(Projections.singleAttribute('scores'))[0]).toEqual([10, 95]);
    expect(q.projectData(Projections.singleAttribute('scores'))[0]?.getType()).toBe(-16); // int[]
    expect(q.project(Projections.multiAttribute('name', 'address.city', 'previous[1].city'))[2]).toEqual(['Joe', null, 'Paris']);
  });

  it('reads every version of a class: a field older data lacks is null', () => {
    class EmployeeV2 extends Employee implements VersionedPortable {
      readonly version = 2;
      constructor(
        name: string,
        public team: string,
      ) {
        // (A class definition is learned from the first value written: no empty Portable array in it.)
        super(name, 40, false, 0, new Address('X', 1), [], [], [new Address('Y', 2)]);
      }
      override writePortable(w: PortableWriter): void {
        super.writePortable(w);
        w.writeString('team', this.team);
      }
    }
    const mixed = [engine.entry(toData('old'), toData(new Employee('Old', 50))), engine.entry(toData('new'), toData(new EmployeeV2('New', 'core')))];
    const m = run(engine, mixed);
    expect(m.keys(Predicates.equal('team', 'core'))).toEqual(['new']);
    expect(m.keys(Predicates.greaterThan('age', 45))).toEqual(['old']);
    expect(m.project(Projections.singleAttribute('team'))).toEqual([null, 'core']);
  });

  it('reads Portable GenericRecords a client wrote, of a factory nobody registered', () => {
    const cd = new ClassDefinitionBuilder(3000, 1).addStringField('name').addIntField('age').build();
    const records = [engine.entry(toData('r1'), toData(GenericRecords.portable(cd, { name: 'Rec', age: 61 }))), engine.entry(toData('r2'), toData(GenericRecords.portable(cd, { name: 'Cor', age: 16 })))];
    const r = run(engine, records);
    expect(r.keys(Predicates.sql('age > 60'))).toEqual(['r1']);
    expect(r.projectData(Projections.singleAttribute('age'))[1]?.getType()).toBe(-7);
  });
});

describe('query accessors: Compact values', () => {
  const formats = new MemberValueFormats();
  const engine = formats.createQueryEngine();
  const people: Array<[string, CEmployee]> = [
    ['ann', new CEmployee('Ann', 27, true, 60000, new CAddress('Oslo', 150), ['java', 'go'], [new CAddress('Rome', 1)], 100, 1n, 3)],
    ['bob', new CEmployee('Bob', 35, true, 45000, new CAddress('Bergen', 5000), ['ts'], [], null, 2n, 5)],
    ['joe', new CEmployee('Joe', 22, false, 30000, null, [], [new CAddress('Rome', 2), new CAddress('Paris', 3)], 50, 3n, 1)],
  ];
  const entries = people.map(([k, v]) => engine.entry(toData(k), toData(v, formats)));
  const q = run(engine, entries);

  it('runs predicates with the schema from the registry, converting to the field kinds', () => {
    expect(q.keys(Predicates.sql('active AND age < 30'))).toEqual(['ann']);
    expect(q.keys(Predicates.greaterEqual('age', 27))).toEqual(['ann', 'bob']);
    expect(q.keys(Predicates.equal('age', '22'))).toEqual(['joe']);
    expect(q.keys(Predicates.sql('id > 1 AND level < 5'))).toEqual(['joe']);
    expect(q.keys(Predicates.equal('level', 5))).toEqual(['bob']);
    expect(q.keys(Predicates.sql('bonus >= 60'))).toEqual(['ann']);
    expect(q.keys(Predicates.equal('bonus', null))).toEqual(['bob']);
    expect(q.keys(Predicates.equal('address.city', 'Oslo'))).toEqual(['ann']);
    expect(q.keys(Predicates.equal('skills[any]', 'ts'))).toEqual(['bob']);
    expect(q.keys(Predicates.equal('previous[any].city', 'Rome'))).toEqual(['ann', 'joe']);
    expect(q.keys(Predicates.sql('previous[any].zip > 2'))).toEqual(['joe']);
  });

  it('aggregates and projects', () => {
    expect(long(q.aggregate(Aggregators.count()))).toBe('3');
    expect(q.aggregate(Aggregators.integerAvg('age'))).toBe(28);
    expect(long(q.aggregate(Aggregators.longSum('id')))).toBe('6');
    expect(long(q.aggregate(Aggregators.integerSum('bonus'), Predicates.notEqual('bonus', null)))).toBe('150');
    expect(q.project(Projections.singleAttribute('name'))).toEqual(['Ann', 'Bob', 'Joe']);
    expect(q.projectData(Projections.singleAttribute('age')).map((d) => d?.getType())).toEqual([-7, -7, -7]);
    expect(q.projectData(Projections.singleAttribute('level'))[0]?.getType()).toBe(-3); // Byte
    // A nested Compact comes back as Compact data the client reads with its serializer.
    const [address] = q.project(Projections.singleAttribute('address'));
    expect(address).toBeInstanceOf(CAddress);
    expect(address).toEqual(new CAddress('Oslo', 150));
  });

  it('fails as a member does on data of a schema the cluster does not know', () => {
    const other = new MemberValueFormats(); // an empty registry
    const stranger = other.createQueryEngine();
    const entry = stranger.entry(toData('ann'), entries[0].valueData);
    const error = memberError(() => stranger.evaluate(stranger.decodePredicate(toData(Predicates.equal('age', 27))), entry));
    expect(error.code).toBe(ErrorCode.HAZELCAST_SERIALIZATION);
    expect(error.className).toBe('com.hazelcast.nio.serialization.HazelcastSerializationException');
    expect(error.message).toMatch(/^The schema can not be found with id -?\d+$/);
  });
});

describe('query accessors: IdentifiedDataSerializable values', () => {
  const formats = new MemberValueFormats().registerDataSerializableFactory(2000, idsFactory);
  const engine = formats.createQueryEngine();
  const people: Array<[string, IdsEmployee]> = [
    ['ann', new IdsEmployee('Ann', 27, true, 60000, 4.5, Long.fromNumber(1), [10, 95], ['a'], new IdsAddress('Oslo'), 'A')],
    ['bob', new IdsEmployee('Bob', 35, true, 45000, 3.25, Long.fromNumber(2), [70], [], new IdsAddress('Bergen'), 'B')],
    ['joe', new IdsEmployee('Joe', 22, false, 30000, 2, Long.fromNumber(3), [], ['x', null], null, 'C')],
  ];
  const entries = people.map(([k, v]) => engine.entry(toData(k), toData(v)));
  const q = run(engine, entries);

  it('reads values with the factory registered on the member and queries their properties', () => {
    expect(q.keys(Predicates.sql('active AND age < 30'))).toEqual(['ann']);
    expect(q.keys(Predicates.greaterEqual('age', '27'))).toEqual(['ann', 'bob']);
    expect(q.keys(Predicates.equal('address.city', 'Bergen'))).toEqual(['bob']);
    expect(q.keys(Predicates.greaterThan('scores[any]', 90))).toEqual(['ann']);
    expect(q.keys(Predicates.equal('tags[any]', 'x'))).toEqual(['joe']);
    expect(q.keys(Predicates.equal('id', 2))).toEqual(['bob']);
    expect(q.keys(Predicates.equal('grade', 'C'))).toEqual(['joe']);
    expect(q.keys(Predicates.sql('rating > 3.3'))).toEqual(['ann']);
  });

  it('gives numbers the Java type of the read that produced them', () => {
    expect(q.projectData(Projections.singleAttribute('age'))[0]?.getType()).toBe(-7); // readInt: Integer
    expect(q.projectData(Projections.singleAttribute('rating'))[0]?.getType()).toBe(-9); // readFloat: Float
    expect(q.projectData(Projections.singleAttribute('salary'))[0]?.getType()).toBe(-10); // readDouble: Double
    expect(q.projectData(Projections.singleAttribute('id'))[0]?.getType()).toBe(-8); // readLong: Long
    expect(q.projectData(Projections.singleAttribute('grade'))[0]?.getType()).toBe(-5); // readChar: Character
    expect(q.projectData(Projections.singleAttribute('scores'))[0]?.getType()).toBe(-16); // readIntArray: int[]
    expect(long(q.aggregate(Aggregators.integerSum('age')))).toBe('84');
    expect(q.aggregate(Aggregators.integerAvg('age'))).toBe(28);
    expect(q.aggregate(Aggregators.max('rating'))).toBe(4.5);
    const [address] = q.project(Projections.singleAttribute('address'));
    expect(address).toBeInstanceOf(IdsAddress);
  });

  it('takes the type of a property two reads of different types gave from other values of the class', () => {
    // age 0 (readInt) and salary 0 (readDouble): this value alone cannot tell them apart.
    const zero = engine.entry(toData('zero'), toData(new IdsEmployee('Zed', 0, false, 0, 0)));
    const z = run(engine, [...entries, zero]);
    const types = z.projectData(Projections.singleAttribute('age')).map((d) => d?.getType());
    expect(types).toEqual([-7, -7, -7, -7]);
    expect(z.projectData(Projections.singleAttribute('salary'))[3]?.getType()).toBe(-10);
    expect(z.keys(Predicates.equal('age', 0))).toEqual(['zero']);
  });

  it('fails as a member does without a factory for the factory id', () => {
    const bare = new MemberValueFormats().createQueryEngine();
    const entry = bare.entry(toData('ann'), entries[0].valueData);
    const error = memberError(() => bare.evaluate(bare.decodePredicate(toData(Predicates.equal('age', 27))), entry));
    expect(error.code).toBe(ErrorCode.HAZELCAST_SERIALIZATION);
    expect(error.message).toBe('No DataSerializerFactory registered for namespace: 2000');
  });
});

describe('query accessors: the default engine', () => {
  it('still reads JSON and built-in values', () => {
    const engine = new MemberValueFormats().createQueryEngine();
    const entries = [engine.entry(toData('a'), new HeapData(toData(5).toBuffer()))];
    expect(run(engine, entries).keys(Predicates.greaterEqual('this', 5))).toEqual(['a']);
  });
});
