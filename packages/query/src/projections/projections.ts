// The `Projections` functions (the Java and Python clients' projections; the official Node.js
// client has none). Results are read with the serialization service: a multi-attribute
// projection gives an array per entry, the identity projection a MapEntry.
import type { Projection } from '@hz/core';
import type { MapEntry } from '../results/query-results';
import { IdentityProjection, MultiAttributeProjection, SingleAttributeProjection } from './projection-classes';

/** The value of one attribute of each entry (`name`, `address.city`, `__key`, `this`). */
export function singleAttribute<R = unknown>(attributePath: string): Projection<R> {
  return new SingleAttributeProjection<R>(attributePath);
}

/** The values of several attributes of each entry, in the order given. */
export function multiAttribute(...attributePaths: string[]): Projection<unknown[]> {
  return new MultiAttributeProjection(attributePaths);
}

/** Each entry itself. */
export function identity<K = unknown, V = unknown>(): Projection<MapEntry<K, V>> {
  return new IdentityProjection<MapEntry<K, V>>();
}
