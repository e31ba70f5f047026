// Query accessors of the formats beyond JSON and the built-in types: Portable, Compact and
// IdentifiedDataSerializable values (MemberValueFormats), installed into the member's query
// engine by the map service's adapter (services/map/query-engine-adapter.ts).
export { MemberValueFormats, type MemberValueFormatsOptions } from './member-formats';
export { GENERIC_RECORD_ACCESSOR, isGenericRecord, recordField } from './generic-record-accessor';
export { IdentifiedReaders } from './identified-accessor';
export { ArrayNode } from './array-node';
