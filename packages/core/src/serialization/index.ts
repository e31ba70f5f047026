// The 64-bit integer class of the 'long' package that every Long value of the client is an
// instance of, for packages built on the core (they declare no dependency of their own on it).
export { default as Long } from 'long';
// The public API of the core's serialization: Data and partition hashing, the streams, the
// service with the built-in Java types, the typed values and the extension seam.
export { HeapData, DATA_HEADER_SIZE, isData, type Data } from './data';
export { murmur3x86_32, MURMUR_SEED } from './murmur';
export { partitionIdOf, hashToPartitionId } from './partition-id';
export { HazelcastSerializationError } from './errors';
export { SerializationNeedsRoundTripError, SchemaNotReplicatedError, SchemaNotFoundError } from './round-trip';
export { TypeId, typeIdName } from './type-ids';
export {
  ByteArrayObjectDataOutput,
  isLong,
  type LongValue,
  type ObjectDataOutput,
  type ObjectDataOutput as DataOutput,
  type PositionalObjectDataOutput,
  type ObjectWriter,
} from './object-data-output';
export {
  ByteArrayObjectDataInput,
  MAX_SHARED_PIN,
  type ObjectDataInput,
  type ObjectDataInput as DataInput,
  type ObjectReader,
} from './object-data-input';
export type { Serializer, SerializerExtension, SerializationContext, SerializationService } from './serializer';
export { DefaultSerializationService, type PartitionAware } from './serialization-service';
export { describeType } from './describe-type';
export {
  resolveSerializationConfig,
  type SerializationConfig,
  type ResolvedSerializationConfig,
  type DefaultNumberType,
} from './serialization-config';
export { HazelcastJsonValue, JsonStringDeserializationPolicy } from './json';
export { BigDecimal } from './big-decimal';
export { bigIntToBytes, bigIntFromBytes } from './builtin-serializers';
export { LocalDate, LocalTime, LocalDateTime, OffsetDateTime } from './date-time';
export { Byte, Short, Integer, Float, Double, Char, BooleanArray, StringArray, JavaClass, LinkedList } from './java-types';
export {
  isIdentifiedDataSerializable,
  writeIdentified,
  identifiedSerializer,
  IDENTIFIED_WRITER,
  type IdentifiedDataSerializable,
  type IdentifiedDataSerializableFactory,
} from './identified';
