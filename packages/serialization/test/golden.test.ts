/*
 * Conformance with the Java member's serializer (shared/serialization): every Portable,
 * IdentifiedDataSerializable and Custom entry, and the ArrayList/LinkedList entries that nest
 * them, read with this package (configured with index.json's registrations) and compared with
 * the entry's value exactly, then written from the value and compared byte for byte, in both
 * byte orders. The member-side IDS entries (predicates, aggregators, projections) are read and
 * written through the IDS factories with test-only objects that follow their recorded fields.
 */
import { DefaultSerializationService, HeapData } from '@hz/core';
import { createSerializationExtension } from '../src';
import { entryBytes, loadGolden, show, type GoldenEntry } from '../../core/test/serialization/support/golden';
import { expectObject, fromNode, goldenConfig, memberSideNodes } from './support/golden-classes';

const { index, binary } = loadGolden();

const FORMAT_TYPES = new Set(['Portable', 'IdentifiedDataSerializable', 'Custom']);

function nests(entry: GoldenEntry): boolean {
  const walk = (node: GoldenEntry['value']): boolean =>
    FORMAT_TYPES.has(node.type) || ((node.type === 'ArrayList' || node.type === 'LinkedList') && (node.value as GoldenEntry['value'][]).some(walk));
  return walk(entry.value);
}

const formatEntries = index.entries.filter((e) => FORMAT_TYPES.has(e.value.type) && e.clientDeserializes);
const memberSideEntries = index.entries.filter((e) => !e.clientDeserializes);
const listEntries = index.entries.filter((e) => (e.value.type === 'ArrayList' || e.value.type === 'LinkedList') && nests(e));

const results = { read: new Set<string>(), written: new Set<string>() };
// An entry may be skipped only when its Java type cannot be expressed; none is.
const skipped: Array<{ name: string; reason: string }> = [];

function expectSameBytes(actual: Buffer, expected: Buffer, name: string): void {
  if (actual.equals(expected)) return;
  let at = 0;
  while (at < Math.min(actual.length, expected.length) && actual[at] === expected[at]) at++;
  throw new Error(
    `${name}: written bytes differ at offset ${at} (lengths ${actual.length} / ${expected.length}): ` +
      `got ${actual.subarray(at, at + 16).toString('hex')}, expected ${expected.subarray(at, at + 16).toString('hex')}`,
  );
}

function runEntry(entry: GoldenEntry): void {
  const expected: GoldenEntry['value'][] = [];
  const config = goldenConfig(index, entry.byteOrder === 'BIG_ENDIAN', expected);
  const service = new DefaultSerializationService(config, [createSerializationExtension(config)]);
  const bytes = entryBytes(binary, entry)!;

  // Read, and check that reading consumed the whole Data.
  expected.push(...memberSideNodes(entry.value));
  expectObject(service.toObject(new HeapData(bytes)), entry.value, entry.name);
  expected.push(...memberSideNodes(entry.value));
  const input = service.createObjectDataInput(bytes, 8);
  const value = service.serializerForTypeId(bytes.readInt32BE(4)).read(input);
  expect(input.available()).toBe(0);
  expect(expected).toEqual([]);
  expectObject(value, entry.value, entry.name);
  results.read.add(entry.name);

  // Write from the value (a fresh service: class definitions are learned from the objects).
  const writer = new DefaultSerializationService(config, [createSerializationExtension(config)]);
  expectSameBytes(writer.toData(fromNode(entry.value))!.toBuffer(), bytes, entry.name);
  // And what was read writes back the same bytes (not for lists: reading gives plain numbers and
  // arrays, which do not say that 56789 was an Integer or that the list was a LinkedList).
  if (entry.value.type !== 'ArrayList' && entry.value.type !== 'LinkedList') {
    expectSameBytes(service.toData(value)!.toBuffer(), bytes, `${entry.name} (re-written)`);
  }
  results.written.add(entry.name);
}

describe('golden vectors: Portable, IdentifiedDataSerializable and Custom', () => {
  it('cover the expected entries', () => {
    expect(formatEntries.map((e) => e.object)).toEqual(
      expect.arrayContaining(['AnInnerPortable', 'APortable', 'AnIdentifiedDataSerializable', 'CustomStreamSerializable', 'CustomByteArraySerializable']),
    );
    expect(formatEntries).toHaveLength(10);
    expect(memberSideEntries).toHaveLength(66);
    expect(listEntries.map((e) => e.object)).toEqual(['ArrayList', 'ArrayList', 'LinkedList', 'LinkedList']);
  });

  it.each(formatEntries.map((e) => [e.name, e] as const))('%s reads and writes exactly', (_, entry) => runEntry(entry));
  it.each(listEntries.map((e) => [e.name, e] as const))('%s (nests every format) reads and writes exactly', (_, entry) => runEntry(entry));
  it.each(memberSideEntries.map((e) => [e.name, e] as const))('%s reads and writes exactly through the IDS factories', (_, entry) => runEntry(entry));

  it('are checked by a comparison that rejects near misses', () => {
    const entry = formatEntries.find((e) => e.object === 'APortable')!;
    const expected: GoldenEntry['value'][] = [];
    const config = goldenConfig(index, true, expected);
    const service = new DefaultSerializationService(config, [createSerializationExtension(config)]);
    const read = service.toObject<{ fields: Record<string, unknown>; raw: Record<string, unknown> }>(new HeapData(entryBytes(binary, entry)!))!;
    read.fields.s = (read.fields.s as number) + 1;
    expect(() => expectObject(read, entry.value, entry.name)).toThrow(/\.s/);
  });
});

afterAll(() => {
  const count = (entries: GoldenEntry[], set: Set<string>) => entries.filter((e) => set.has(e.name)).length;
  const names = (entries: GoldenEntry[]) => [...new Set(entries.map((e) => e.object))].join(', ');
  const lines = [
    `Golden serialization vectors (@hz/serialization): ${index.entries.length} entries in shared/serialization`,
    `  Portable/IDS/Custom: ${formatEntries.length} entries (${names(formatEntries)}); read ${count(formatEntries, results.read)}, written ${count(formatEntries, results.written)}`,
    `  lists nesting them: ${listEntries.length} entries (${names(listEntries)}); read ${count(listEntries, results.read)}, written ${count(listEntries, results.written)}`,
    `  member-side IDS (predicates/aggregators/projections, test-only objects through the IDS factories): ${memberSideEntries.length} entries; read ${count(memberSideEntries, results.read)}, written ${count(memberSideEntries, results.written)}`,
    `  skipped ${skipped.length}${skipped.map((s) => `\n    ${s.name}: ${s.reason}`).join('')}`,
    `  (the other ${index.entries.length - formatEntries.length - listEntries.length - memberSideEntries.length} entries are built-in types: the core's golden test)`,
  ];
  console.log(lines.join('\n'));
  void show;
});
