// Factory and class ids of Hazelcast's built-in query objects (the Java member's
// PredicateDataSerializerHook, AggregatorDataSerializerHook, ProjectionDataSerializerHook and
// the map hook's entry). They are the wire contract: the member picks the class to read by them.

/** Factory id of predicates (`FactoryIdHelper.PREDICATE_DS_FACTORY_ID`). */
export const PREDICATE_FACTORY_ID = -20;

/** Class ids of the predicates. */
export const PredicateClassId = {
  SQL: 0,
  AND: 1,
  BETWEEN: 2,
  EQUAL: 3,
  GREATER_LESS: 4,
  LIKE: 5,
  ILIKE: 6,
  IN: 7,
  INSTANCE_OF: 8,
  NOT_EQUAL: 9,
  NOT: 10,
  OR: 11,
  REGEX: 12,
  FALSE: 13,
  TRUE: 14,
  PAGING: 15,
  PARTITION: 16,
  MULTI_PARTITION: 21,
} as const;

/** Factory id of aggregators (`FactoryIdHelper.AGGREGATOR_DS_FACTORY_ID`). */
export const AGGREGATOR_FACTORY_ID = -29;

/** Class ids of the aggregators, and of the set the distinct aggregator returns. */
export const AggregatorClassId = {
  BIG_DECIMAL_AVG: 0,
  BIG_DECIMAL_SUM: 1,
  BIG_INTEGER_AVG: 2,
  BIG_INTEGER_SUM: 3,
  COUNT: 4,
  DISTINCT: 5,
  DOUBLE_AVG: 6,
  DOUBLE_SUM: 7,
  FIXED_SUM: 8,
  FLOATING_POINT_SUM: 9,
  INTEGER_AVG: 10,
  INTEGER_SUM: 11,
  LONG_AVG: 12,
  LONG_SUM: 13,
  MAX: 14,
  MIN: 15,
  NUMBER_AVG: 16,
  MAX_BY: 17,
  MIN_BY: 18,
  CANONICALIZING_SET: 19,
} as const;

/** Factory id of projections (`FactoryIdHelper.PROJECTION_DS_FACTORY_ID`). */
export const PROJECTION_FACTORY_ID = -30;

/** Class ids of the projections. */
export const ProjectionClassId = {
  SINGLE_ATTRIBUTE: 0,
  MULTI_ATTRIBUTE: 1,
  IDENTITY: 2,
} as const;

/**
 * The map entries a member returns from maxBy/minBy aggregations and the identity projection:
 * `LazyMapEntry` of the map hook (`FactoryIdHelper.MAP_DS_FACTORY_ID`, `LAZY_MAP_ENTRY`).
 */
export const MAP_FACTORY_ID = -4;
export const LAZY_MAP_ENTRY_CLASS_ID = 120;

/** Serializer type id of `java.util.HashSet` (the partition keys of a multi-partition predicate). */
export const HASH_SET_TYPE_ID = -37;
/** Serializer type id of `Object[]` (the result of a multi-attribute projection). */
export const OBJECT_ARRAY_TYPE_ID = -28;
