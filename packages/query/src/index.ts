// @hz/query: predicates (every built-in kind, paging, partition), aggregators and projections,
// each an IdentifiedDataSerializable the core serializes as the Java member expects; plus what a
// map proxy needs to run paged and partition-restricted queries.
export * as Predicates from './predicates/predicates';
export * as Aggregators from './aggregators/aggregators';
export * as Projections from './projections/projections';

export { IterationType, isPagingPredicate, type Predicate, type Aggregator, type Projection, type PagingPredicate, type Comparator } from './types';

export {
  PREDICATE_FACTORY_ID,
  PredicateClassId,
  AGGREGATOR_FACTORY_ID,
  AggregatorClassId,
  PROJECTION_FACTORY_ID,
  ProjectionClassId,
  MAP_FACTORY_ID,
  LAZY_MAP_ENTRY_CLASS_ID,
  HASH_SET_TYPE_ID,
  OBJECT_ARRAY_TYPE_ID,
} from './ids';

export {
  SqlPredicate,
  AndPredicate,
  OrPredicate,
  NotPredicate,
  EqualPredicate,
  NotEqualPredicate,
  GreaterLessPredicate,
  BetweenPredicate,
  InPredicate,
  LikePredicate,
  ILikePredicate,
  RegexPredicate,
  InstanceOfPredicate,
  TruePredicate,
  FalsePredicate,
} from './predicates/predicate-classes';
export { PagingPredicateImpl, type PagingPredicateHolderParts, type AnchorDataListHolder, type ToData, type ToObject } from './predicates/paging-predicate';
export {
  PartitionPredicateImpl,
  MultiPartitionPredicateImpl,
  isPartitionPredicate,
  partitionKeysOf,
  pagingPredicateOf,
  pagingHolderParts,
  type PartitionPredicate,
} from './predicates/partition-predicate';

export {
  AbstractAggregator,
  CountAggregator,
  DistinctValuesAggregator,
  BigDecimalAverageAggregator,
  BigDecimalSumAggregator,
  BigIntegerAverageAggregator,
  BigIntegerSumAggregator,
  DoubleAverageAggregator,
  DoubleSumAggregator,
  FixedSumAggregator,
  FloatingPointSumAggregator,
  IntegerAverageAggregator,
  IntegerSumAggregator,
  LongAverageAggregator,
  LongSumAggregator,
  NumberAverageAggregator,
  MaxAggregator,
  MinAggregator,
  MaxByAggregator,
  MinByAggregator,
} from './aggregators/aggregator-classes';

export { SingleAttributeProjection, MultiAttributeProjection, IdentityProjection } from './projections/projection-classes';

export { CanonicalizingHashSet, MapEntry, queryDataSerializableFactories, queryResultsExtension, type QueryResultFactory } from './results/query-results';
