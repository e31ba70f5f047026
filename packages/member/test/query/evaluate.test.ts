// Predicates evaluated over stored entries: the examples of the client documentation (seeds),
// every predicate kind, attribute paths, and the pluggable accessors.
import { Char, Float, HazelcastJsonValue, HeapData, Integer, Short, type Data, type DefaultSerializationService } from '@hz/core';
import { Predicates } from '@hz/query';
import { JavaEnum, NON_TERMINAL, QueryEngine, type QueryTarget, type ValueAccessor } from '../../src/query';
import { entriesOf, json, keysMatching, ss, toData } from './support';

const engine = new QueryEngine();
const keys = (predicate: unknown, entries: ReturnType<typeof entriesOf>): unknown[] => keysMatching(engine, predicate, entries);
const values = (predicate: unknown, entries: ReturnType<typeof entriesOf>): unknown[] =>
  engine.filter(engine.decodePredicate(toData(predicate)), entries).map((e) => ss.toObject(e.valueData));

describe('the seeds examples', () => {
  // person_map.put("John", 28), ("Mary", 23), ("Judy", 30)
  const persons = entriesOf(engine, [
    ['John', new Integer(28)],
    ['Mary', new Integer(23)],
    ['Judy', new Integer(30)],
  ]);

  it('sql("__key like M%") selects the values whose keys start with M', () => {
    expect(values(Predicates.sql('__key like M%'), persons)).toEqual([23]);
  });

  it('greaterEqual("this", 27) selects the values of at least 27', () => {
    expect(values(Predicates.greaterEqual('this', 27), persons)).toEqual([28, 30]);
    expect(values(Predicates.sql('this >= 27'), persons)).toEqual([28, 30]);
  });

  it('equal("people[any].name", "Peter") finds the departments with a Peter (JSON)', () => {
    const departments = entriesOf(engine, [
      [1, json({ departmentId: 1, room: 'alpha', people: [{ name: 'Peter', age: 26, salary: 50000 }, { name: 'Jonah', age: 50, salary: 140000 }] })],
      [2, json({ departmentId: 2, room: 'beta', people: [{ name: 'Jonah', age: 30, salary: 60000 }] })],
      [3, json({ departmentId: 3, room: 'gamma', people: [] })],
    ]);
    expect(keys(Predicates.equal('people[any].name', 'Peter'), departments)).toEqual([1]);
    expect(keys(Predicates.greaterThan('people[any].age', 40), departments)).toEqual([1]);
    expect(keys(Predicates.equal('people[0].name', 'Jonah'), departments)).toEqual([2]);
    expect(keys(Predicates.sql("people[any].name = 'Jonah' AND room = beta"), departments)).toEqual([2]);
    // Not-equal holds when no element equals: department 1 has a Peter, the others do not.
    expect(keys(Predicates.notEqual('people[any].name', 'Peter'), departments)).toEqual([2, 3]);
  });

  it('less("age", 21) over JSON values (people under 21)', () => {
    const people = entriesOf(engine, [
      [1, json({ name: 'John', age: 35 })],
      [2, json({ name: 'Jane', age: 24 })],
      [3, json({ name: 'Trey', age: 17 })],
    ]);
    expect(keys(Predicates.lessThan('age', 21), people)).toEqual([3]);
  });

  describe('the employee map and the SQL syntax examples', () => {
    const employees = entriesOf(engine, [
      ['joe', json({ name: 'Joe', age: 45, active: false, salary: 50000 })],
      ['josh', json({ name: 'Josh', age: 25, active: true, salary: 70000.5 })],
      ['joseph', json({ name: 'Joseph', age: 33, active: true, salary: 55000 })],
      ['john', json({ name: 'John', age: 21, active: true, salary: 80000 })],
      ['abc', json({ name: 'abc-123', age: 60, active: false, salary: 10 })],
    ]);
    const sql = (text: string): unknown[] => keys(Predicates.sql(text), employees);

    it.each([
      ['active AND age < 30', ['josh', 'john']],
      ["active = false OR age = 45 OR name = 'Joe'", ['joe', 'abc']],
      ['active AND ( age > 20 OR salary < 60000 )', ['josh', 'joseph', 'john']],
      ['age <= 30', ['josh', 'john']],
      ["name = 'Joe'", ['joe']],
      ['salary != 50000', ['josh', 'joseph', 'john', 'abc']],
      ['age BETWEEN 20 AND 33', ['josh', 'joseph', 'john']],
      ['age NOT BETWEEN 30 AND 40', ['joe', 'josh', 'john', 'abc']],
      ['age IN ( 21, 33, 40 )', ['joseph', 'john']],
      ['age NOT IN ( 60, 45 )', ['josh', 'joseph', 'john']],
      ['active AND ( salary >= 50000 OR ( age NOT BETWEEN 20 AND 30 ) )', ['josh', 'joseph', 'john']],
      ["name LIKE 'Jo%'", ['joe', 'josh', 'joseph', 'john']],
      ["name LIKE 'Jo_'", ['joe']],
      ["name NOT LIKE 'Jo_'", ['josh', 'joseph', 'john', 'abc']],
      ["name LIKE 'J_s%'", ['josh', 'joseph']],
      ["name ILIKE 'jo%'", ['joe', 'josh', 'joseph', 'john']],
      ["name ILIKE 'JO_'", ['joe']],
      ["name REGEX 'abc-.*'", ['abc']],
      ["name NOT REGEX 'abc-.*'", ['joe', 'josh', 'joseph', 'john']],
      ['NOT active', ['joe', 'abc']],
      ['salary > 70000.25', ['josh', 'john']],
    ])('%s', (text, expected) => {
      expect(sql(text)).toEqual(expected);
    });

    it('the predicate API gives the same answers', () => {
      expect(keys(Predicates.and(Predicates.equal('active', true), Predicates.lessThan('age', 30)), employees)).toEqual(['josh', 'john']);
      expect(keys(Predicates.or(Predicates.equal('name', 'Joe'), Predicates.between('age', 59, 61)), employees)).toEqual(['joe', 'abc']);
      expect(keys(Predicates.inPredicate('name', 'John', 'Josh'), employees)).toEqual(['josh', 'john']);
      expect(keys(Predicates.not(Predicates.like('name', 'Jo%')), employees)).toEqual(['abc']);
      expect(keys(Predicates.regex('name', '[a-c]+-\\d{3}'), employees)).toEqual(['abc']);
      expect(keys(Predicates.ilike('name', 'JOS%'), employees)).toEqual(['josh', 'joseph']);
      expect(keys(Predicates.alwaysTrue(), employees)).toHaveLength(5);
      expect(keys(Predicates.alwaysFalse(), employees)).toEqual([]);
      expect(keys(Predicates.greaterEqual('salary', 70000.5), employees)).toEqual(['josh', 'john']);
      expect(keys(Predicates.equal('__key', 'abc'), employees)).toEqual(['abc']);
    });
  });
});

describe('attribute paths', () => {
  const nested = entriesOf(engine, [
    [json({ id: 1, region: 'eu' }), json({ a: { b: { c: 1 } }, arr: [10, 20, 30], tags: ['x', 'y'], missing: null })],
    [json({ id: 2, region: 'us' }), json({ a: { b: { c: 2 } }, arr: [], tags: [] })],
  ]);
  const ids = (predicate: unknown): unknown[] => engine.filter(engine.decodePredicate(toData(predicate)), nested).map((e) => (ss.toObject(e.keyData) as { id: number }).id);

  it('walks nested fields, indexes, [any], __key fields and this.', () => {
    expect(ids(Predicates.equal('a.b.c', 2))).toEqual([2]);
    expect(ids(Predicates.equal('this.a.b.c', 1))).toEqual([1]);
    expect(ids(Predicates.equal('arr[1]', 20))).toEqual([1]);
    expect(ids(Predicates.equal('arr[5]', null))).toEqual([1, 2]);
    expect(ids(Predicates.greaterThan('arr[any]', 25))).toEqual([1]);
    expect(ids(Predicates.equal('__key.region', 'us'))).toEqual([2]);
    expect(ids(Predicates.sql('__key.id > 1'))).toEqual([2]);
    expect(ids(Predicates.inPredicate('tags[any]', 'y', 'z'))).toEqual([1]);
  });

  it('treats missing attributes and JSON null as null; objects and arrays compare false', () => {
    expect(ids(Predicates.equal('missing', null))).toEqual([1, 2]);
    expect(ids(Predicates.equal('nothing.at.all', null))).toEqual([1, 2]);
    expect(ids(Predicates.notEqual('missing', null))).toEqual([]);
    expect(ids(Predicates.equal('a', 'x'))).toEqual([]);
    expect(ids(Predicates.greaterThan('a.b', 0))).toEqual([]);
    expect(ids(Predicates.equal('arr', 1))).toEqual([]);
    // An empty [any] target counts as one null.
    expect(ids(Predicates.equal('arr[any]', null))).toEqual([2]);
  });

  it('rejects malformed paths', () => {
    expect(() => ids(Predicates.equal('arr[x]', 1))).toThrow(/Wrong attribute path/);
    expect(() => ids(Predicates.equal('a..b', 1))).toThrow(/Wrong attribute path/);
  });
});

describe('predicates on built-in Java values', () => {
  const numbers = entriesOf(engine, [
    ['i', new Integer(5)],
    ['d', 5.5],
    ['s', new Short(7)],
    ['f', new Float(0.1)],
    ['str', 'hello'],
    ['list', ['one', 'two']],
    ['ints', [new Integer(1), new Integer(2)]],
  ]);
  const scalars = numbers.slice(0, 5);

  it('compares numbers of different Java types by value', () => {
    expect(keys(Predicates.greaterThan('this', 5), numbers.slice(0, 4))).toEqual(['d', 's']);
    expect(keys(Predicates.equal('this', new Integer(7)), scalars)).toEqual(['s']);
    expect(keys(Predicates.between('this', new Short(5), new Float(6)), numbers.slice(0, 4))).toEqual(['i', 'd']);
  });

  it('walks lists with [any] and rejects a collection without it', () => {
    expect(keys(Predicates.equal('this[any]', 'two'), numbers.slice(5, 6))).toEqual(['list']);
    expect(keys(Predicates.equal('this[1]', 2), numbers.slice(6))).toEqual(['ints']);
    expect(keys(Predicates.greaterThan('this[any]', '1'), numbers.slice(6))).toEqual(['ints']);
    expect(() => keys(Predicates.equal('this', 1), numbers.slice(5))).toThrow(/array or a collection/);
    // As on the member, a value of another type in the list fails the conversion.
    expect(() => keys(Predicates.equal('this[any]', 'x'), numbers.slice(6))).toThrow(/For input string/);
  });

  it('instanceOf by Java class and supertypes', () => {
    expect(keys(Predicates.instanceOf('java.lang.Integer'), numbers)).toEqual(['i']);
    expect(keys(Predicates.instanceOf('java.lang.Number'), numbers)).toEqual(['i', 'd', 's', 'f']);
    expect(keys(Predicates.instanceOf('java.lang.String'), numbers)).toEqual(['str']);
    expect(keys(Predicates.instanceOf('java.util.List'), numbers)).toEqual(['list', 'ints']);
    expect(keys(Predicates.instanceOf('com.hazelcast.core.HazelcastJsonValue'), entriesOf(engine, [['j', json({})]]))).toEqual(['j']);
  });

  it('like and regex need strings (ClassCastException otherwise)', () => {
    expect(() => keys(Predicates.like('this', '5%'), numbers.slice(0, 1))).toThrow(expect.objectContaining({ className: 'java.lang.ClassCastException' }));
    expect(keys(Predicates.like('this', 'h_l%'), numbers.slice(4, 5))).toEqual(['str']);
  });
});

describe('pluggable accessors', () => {
  // A user format under a custom type id (as an IDS or Portable accessor would be plugged in):
  // Employee = name (String), age (int), active (boolean), salary (double), status (enum name).
  const EMPLOYEE_TYPE_ID = 1000;

  function employee(name: string, age: number, active: boolean, salary: number, status: string): Data {
    const output = ss.createObjectDataOutput();
    output.writeIntBE(0);
    output.writeIntBE(EMPLOYEE_TYPE_ID);
    output.writeString(name);
    output.writeInt(age);
    output.writeBoolean(active);
    output.writeDouble(salary);
    output.writeString(status);
    return new HeapData(output.toBuffer());
  }

  const accessor: ValueAccessor<Record<string, unknown>> = {
    field: (node, name) => (node[name] === undefined ? undefined : (node[name] as Record<string, unknown>)),
    elements: () => undefined,
    value: (node) => (node instanceof Integer || node instanceof JavaEnum || typeof node !== 'object' ? node : NON_TERMINAL),
    classNames: () => ['com.example.Employee', 'java.lang.Object'],
  };

  function employeeTarget(data: Data, service: DefaultSerializationService): QueryTarget {
    const input = service.createObjectDataInput(data.toBuffer(), 8);
    const root = {
      name: input.readString(),
      age: new Integer(input.readInt()),
      active: input.readBoolean(),
      salary: input.readDouble(),
      status: new JavaEnum(input.readString() ?? '', 'com.example.Status'),
    };
    return { accessor: accessor as ValueAccessor, root };
  }

  const custom = new QueryEngine();
  custom.accessors.register(EMPLOYEE_TYPE_ID, employeeTarget);
  const staff = [
    custom.entry(toData(1), employee('Ann', 29, true, 1000.5, 'ACTIVE')),
    custom.entry(toData(2), employee('Bob', 41, false, 2000, 'RETIRED')),
  ];
  const ids = (predicate: unknown): unknown[] => custom.filter(custom.decodePredicate(toData(predicate)), staff).map((e) => ss.toObject(e.keyData));

  it('are registered by type id and walked by the engine', () => {
    expect(ids(Predicates.sql('active AND age < 30'))).toEqual([1]);
    expect(ids(Predicates.greaterThan('salary', '1500'))).toEqual([2]);
    expect(ids(Predicates.instanceOf('com.example.Employee'))).toEqual([1, 2]);
  });

  it('compare enums by name, a qualified name too', () => {
    expect(ids(Predicates.equal('status', 'RETIRED'))).toEqual([2]);
    expect(ids(Predicates.equal('status', 'com.example.Status.ACTIVE'))).toEqual([1]);
    expect(ids(Predicates.sql('status IN (ACTIVE, UNKNOWN)'))).toEqual([1]);
  });

  it('an unknown format fails with the reason', () => {
    const unknown = engine.entry(toData(1), employee('Cy', 1, true, 1, 'X'));
    expect(() => engine.evaluate(engine.decodePredicate(toData(Predicates.equal('age', 1))), unknown)).toThrow(/type id 1000/);
  });

  it('chars compare with one-character strings', () => {
    const chars = entriesOf(engine, [['c', new Char('x')]]);
    expect(keys(Predicates.equal('this', 'x'), chars)).toEqual(['c']);
    expect(() => keys(Predicates.equal('this', 'xy'), chars)).toThrow(/Cannot convert/);
  });
});

describe('JSON values', () => {
  it('keep every digit of a long, read "." numbers as doubles, and decode escapes', () => {
    const docs = [
      engine.entry(toData(1), toData(new HazelcastJsonValue('{"id": 9007199254740993, "x": 1.0, "s": "a\\"b\\u00e9"}'))),
    ];
    expect(keys(Predicates.sql('id = 9007199254740993'), docs)).toEqual([1]);
    expect(keys(Predicates.equal('id', 9007199254740992), docs)).toEqual([]);
    expect(keys(Predicates.equal('x', 1), docs)).toEqual([1]);
    expect(keys(Predicates.equal('s', 'a"bé'), docs)).toEqual([1]);
  });

  it('a malformed document matches nothing but null', () => {
    const broken = [engine.entry(toData(1), toData(new HazelcastJsonValue('{"a": ')))];
    expect(keys(Predicates.equal('a', 1), broken)).toEqual([]);
    expect(keys(Predicates.equal('a', null), broken)).toEqual([1]);
  });
});

describe('user predicates', () => {
  it('are decoded by a registered reader and evaluated by it', () => {
    class EvenKeys {
      readonly factoryId = 42;
      readonly classId = 7;
      writeData(output: { writeInt(v: number): void }): void {
        output.writeInt(2);
      }
      readData(): void {}
    }
    const custom = new QueryEngine({
      customPredicates: new Map([
        [
          '42/7',
          (input) => {
            const divisor = input.readInt();
            return { kind: 'custom', factoryId: 42, classId: 7, test: (entry) => (ss.toObject<number>(entry.keyData) ?? 1) % divisor === 0 };
          },
        ],
      ]),
    });
    const entries = entriesOf(custom, [
      [1, 'a'],
      [2, 'b'],
      [4, 'c'],
    ]);
    expect(keysMatching(custom, Predicates.and(new EvenKeys(), Predicates.notEqual('this', 'c')), entries)).toEqual([2]);
    expect(() => keysMatching(engine, new EvenKeys(), entries)).toThrow(/No predicate reader for factoryId 42, classId 7/);
  });
});
