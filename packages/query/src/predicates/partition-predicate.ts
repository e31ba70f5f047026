// Partition predicates: run the target predicate only on the partitions that own the given keys.
// The map proxy sends the request to the partition of the key (see partitionKeysOf), the whole
// predicate serialized; a paging target goes into the PagingPredicateHolder with the keys (see
// pagingHolderParts).
import { isPagingPredicate, type ObjectDataInput, type ObjectDataOutput, type PagingPredicate, type Predicate } from '@hz/core';
import { HASH_SET_TYPE_ID, PREDICATE_FACTORY_ID, PredicateClassId } from '../ids';
import type { PagingPredicateHolderParts, ToData } from './paging-predicate';
import { PagingPredicateImpl } from './paging-predicate';
import { checkPredicate } from './predicate-classes';

function checkTarget(target: Predicate): Predicate {
  return checkPredicate(target, 'The target of a partition predicate');
}

/** `Predicates.partition(partitionKey, target)` (Java `PartitionPredicateImpl`, class 16). */
export class PartitionPredicateImpl implements Predicate {
  readonly factoryId = PREDICATE_FACTORY_ID;
  readonly classId = PredicateClassId.PARTITION;

  constructor(
    private partitionKey: unknown,
    private target: Predicate,
  ) {
    if (partitionKey == null) throw new TypeError('The partition key must not be null');
    checkTarget(target);
  }

  /** The key whose partition the query runs on. */
  getPartitionKey(): unknown {
    return this.partitionKey;
  }

  getPartitionKeys(): unknown[] {
    return [this.partitionKey];
  }

  getTarget(): Predicate {
    return this.target;
  }

  writeData(output: ObjectDataOutput): void {
    output.writeObject(this.partitionKey);
    output.writeObject(this.target);
  }

  readData(input: ObjectDataInput): void {
    this.partitionKey = input.readObject();
    this.target = input.readObject<Predicate>();
  }
}

/**
 * `Predicates.multiPartition(partitionKeys, target)` (Java `MultiPartitionPredicateImpl`, class
 * 21, members 5.2 and later): the keys go as a `java.util.HashSet`.
 */
export class MultiPartitionPredicateImpl implements Predicate {
  readonly factoryId = PREDICATE_FACTORY_ID;
  readonly classId = PredicateClassId.MULTI_PARTITION;
  private partitionKeys: unknown[];

  constructor(
    partitionKeys: Iterable<unknown>,
    private target: Predicate,
  ) {
    this.partitionKeys = [...new Set(partitionKeys)];
    if (this.partitionKeys.length === 0) throw new TypeError('The partition keys must not be empty');
    if (this.partitionKeys.some((k) => k == null)) throw new TypeError('A partition key must not be null');
    checkTarget(target);
  }

  /** One of the keys: the proxy sends the request to its partition, the member fans out. */
  getPartitionKey(): unknown {
    return this.partitionKeys[0];
  }

  getPartitionKeys(): unknown[] {
    return [...this.partitionKeys];
  }

  getTarget(): Predicate {
    return this.target;
  }

  writeData(output: ObjectDataOutput): void {
    // A HashSet as Java's serializer writes it: its type id, the count, then each element.
    output.writeInt(HASH_SET_TYPE_ID);
    output.writeInt(this.partitionKeys.length);
    for (const key of this.partitionKeys) output.writeObject(key);
    output.writeObject(this.target);
  }

  readData(input: ObjectDataInput): void {
    const typeId = input.readInt();
    if (typeId !== HASH_SET_TYPE_ID) throw new TypeError(`Expected a HashSet (type id ${HASH_SET_TYPE_ID}) of partition keys, got type id ${typeId}`);
    const count = input.readInt();
    this.partitionKeys = [];
    for (let i = 0; i < count; i++) this.partitionKeys.push(input.readObject());
    this.target = input.readObject<Predicate>();
  }
}

/** A predicate restricted to partitions: a single-key or a multi-key partition predicate. */
export type PartitionPredicate = PartitionPredicateImpl | MultiPartitionPredicateImpl;

/** Whether a predicate restricts the query to the partitions of some keys. */
export function isPartitionPredicate(predicate: Predicate): predicate is PartitionPredicate {
  return predicate instanceof PartitionPredicateImpl || predicate instanceof MultiPartitionPredicateImpl;
}

/**
 * For a map proxy: the partition keys a predicate restricts the query to (send the request to
 * the partition of the first one), or null for a query on every partition.
 */
export function partitionKeysOf(predicate: Predicate): unknown[] | null {
  return isPartitionPredicate(predicate) ? predicate.getPartitionKeys() : null;
}

/**
 * For a map proxy: the paging predicate of a query, whether given directly or as the target
 * of a partition predicate; null when the query does not page.
 */
export function pagingPredicateOf(predicate: Predicate): PagingPredicate | null {
  if (isPagingPredicate(predicate)) return predicate;
  if (isPartitionPredicate(predicate)) {
    const target = predicate.getTarget();
    if (isPagingPredicate(target)) return target;
  }
  return null;
}

/**
 * For a map proxy: the `PagingPredicateHolder` fields of a paging query (Java's
 * `PagingPredicateHolder.of`): the paging predicate itself, or a partition predicate whose
 * target is one (its keys then go in `partitionKeysData`).
 */
export function pagingHolderParts(predicate: Predicate, toData: ToData): PagingPredicateHolderParts {
  const keys = partitionKeysOf(predicate);
  const paging = pagingPredicateOf(predicate);
  if (!(paging instanceof PagingPredicateImpl)) throw new TypeError('Not a paging predicate (nor a partition predicate with a paging target)');
  return paging.toHolderParts(toData, keys);
}
