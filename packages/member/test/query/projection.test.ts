// Projections over stored entries, results read back as a client reads them.
import { Integer, type Projection } from '@hz/core';
import { MapEntry, Predicates, Projections } from '@hz/query';
import { QueryEngine } from '../../src/query';
import { clientService, entriesOf, json, toData } from './support';

const engine = new QueryEngine();
const client = clientService();

const people = entriesOf(engine, [
  ['ann', json({ name: 'Ann', age: 29, address: { city: 'Oslo' }, tags: ['a', 'b'] })],
  ['bob', json({ name: 'Bob', age: 41 })],
]);

function run(projection: Projection<unknown>, entries = people, predicate?: unknown): unknown[] {
  const node = engine.decodeProjection(toData(projection));
  return engine.project(node, entries, predicate === undefined ? undefined : engine.decodePredicate(toData(predicate))).map((d) => client.toObject(d));
}

describe('projections', () => {
  it('singleAttribute: one value per entry, null when missing', () => {
    expect(run(Projections.singleAttribute('name'))).toEqual(['Ann', 'Bob']);
    expect(run(Projections.singleAttribute('address.city'))).toEqual(['Oslo', null]);
    expect(run(Projections.singleAttribute('__key'))).toEqual(['ann', 'bob']);
    expect(run(Projections.singleAttribute('tags[1]'))).toEqual(['b', null]);
    expect(run(Projections.singleAttribute('name'), people, Predicates.greaterThan('age', 30))).toEqual(['Bob']);
  });

  it('keeps Java types: a JSON whole number is a Long, an Integer stays an Integer', () => {
    const ages = run(Projections.singleAttribute('age'));
    expect(ages.map(String)).toEqual(['29', '41']);
    const ints = entriesOf(engine, [['x', new Integer(5)]]);
    const data = engine.project(engine.decodeProjection(toData(Projections.singleAttribute('this'))), ints)[0];
    expect(data?.getType()).toBe(-7);
  });

  it('returns a JSON sub-document as a JSON value', () => {
    const [address] = run(Projections.singleAttribute('address'));
    expect(address).toEqual({ city: 'Oslo' });
  });

  it('multiAttribute: an Object[] per entry, in the order of the paths', () => {
    const rows = run(Projections.multiAttribute('name', 'address.city', '__key'));
    expect(rows).toEqual([
      ['Ann', 'Oslo', 'ann'],
      ['Bob', null, 'bob'],
    ]);
    const data = engine.project(engine.decodeProjection(toData(Projections.multiAttribute('name'))), people)[0];
    expect(data?.getType()).toBe(-28);
  });

  it('identity: the entry itself', () => {
    const [first] = run(Projections.identity()) as Array<MapEntry<string, { name: string }>>;
    expect(first).toBeInstanceOf(MapEntry);
    expect([first.key, first.value.name]).toEqual(['ann', 'Ann']);
  });
});
