import { IllegalArgumentError } from '@hz/core';
import type { IndexConfig as WireIndexConfig } from '../codec/generated/custom';

/** Kinds of index: SORTED for ranges, HASH for equality, BITMAP for low-cardinality attributes. */
export type IndexType = 'SORTED' | 'HASH' | 'BITMAP';
/** How a bitmap index turns unique keys into bitmap positions. */
export type UniqueKeyTransformation = 'OBJECT' | 'LONG' | 'RAW';

export interface BitmapIndexOptions {
  /** The attribute that identifies entries (default `__key`). */
  uniqueKey?: string;
  /** Default OBJECT. */
  uniqueKeyTransformation?: UniqueKeyTransformation;
}

/** An index of a map (the official client's IndexConfig). */
export interface IndexConfig {
  /** Default: `<map>_<type>_<attribute>_...`. */
  name?: string;
  /** Default SORTED. */
  type?: IndexType;
  /** The attributes indexed (at least one; one only for BITMAP). */
  attributes: string[];
  bitmapIndexOptions?: BitmapIndexOptions;
}

const INDEX_TYPES: Readonly<Record<IndexType, number>> = { SORTED: 0, HASH: 1, BITMAP: 2 };
const TRANSFORMATIONS: Readonly<Record<UniqueKeyTransformation, number>> = { OBJECT: 0, LONG: 1, RAW: 2 };
const MAX_ATTRIBUTES = 255;

function attribute(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new IllegalArgumentError(`${what} must be a string, got ${value === null ? 'null' : typeof value}`);
  const name = value.trim();
  if (name.length === 0) throw new IllegalArgumentError(`${what} cannot be empty`);
  if (name.endsWith('.')) throw new IllegalArgumentError(`${what} cannot end with a dot: "${name}"`);
  // "this.age" and "age" are the same attribute.
  return name.replace(/^this\./, '');
}

function oneOf<T extends string>(table: Readonly<Record<T, number>>, value: unknown, what: string): number {
  if (typeof value === 'string' && Object.prototype.hasOwnProperty.call(table, value)) return table[value as T];
  throw new IllegalArgumentError(`${what} must be one of ${Object.keys(table).join(', ')}, got ${String(value)}`);
}

/** Checks an index config and gives it the form the member takes, as a member would name it. */
export function normalizeIndexConfig(mapName: string, config: IndexConfig): WireIndexConfig {
  if (typeof config !== 'object' || config === null) throw new IllegalArgumentError('The index config must be an object');
  const type = config.type === undefined ? INDEX_TYPES.SORTED : oneOf(INDEX_TYPES, config.type, 'The index type');
  const given: unknown = config.attributes;
  if (!Array.isArray(given) || given.length === 0) throw new IllegalArgumentError('An index must have at least one attribute');
  if (given.length > MAX_ATTRIBUTES) throw new IllegalArgumentError(`An index cannot have more than ${MAX_ATTRIBUTES} attributes`);
  if (type === INDEX_TYPES.BITMAP && given.length > 1) throw new IllegalArgumentError('Composite bitmap indexes are not supported');
  const attributes: string[] = [];
  for (const a of given) {
    const name = attribute(a, 'An index attribute name');
    if (attributes.includes(name)) throw new IllegalArgumentError(`Duplicate index attribute "${name}"`);
    attributes.push(name);
  }
  const options = config.bitmapIndexOptions ?? {};
  const name = typeof config.name === 'string' && config.name.trim().length > 0 ? config.name : null;
  const typeName = Object.keys(INDEX_TYPES)[type].toLowerCase();
  return {
    name: name ?? [mapName, typeName, ...attributes].join('_'),
    type,
    attributes,
    bitmapIndexOptions: {
      uniqueKey: options.uniqueKey === undefined ? '__key' : attribute(options.uniqueKey, 'The bitmap unique key'),
      uniqueKeyTransformation: options.uniqueKeyTransformation === undefined ? 0 : oneOf(TRANSFORMATIONS, options.uniqueKeyTransformation, 'The unique key transformation'),
    },
  };
}
