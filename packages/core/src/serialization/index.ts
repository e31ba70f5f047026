// The public API of the core's serialization: Data and partition hashing, the streams, the
// service with the built-in Java types, the typed values and the extension seam.
export { HeapData, DATA_HEADER_SIZE, isData, type Data } from './data';
export { murmur3x86_32, MURMUR_SEED } from './murmur';
export { partitionIdOf, hashToPartitionId } from './partition-id';
export { HazelcastSerializationError } from './errors';
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
  type ObjectDataInput,
  type ObjectDataInput as DataInput,
  type ObjectReader,
} from './object-data-input';
export type { Serializer, SerializerExtension, SerializationService } from './serializer';
export { DefaultSerializationService, describeType, type PartitionAware } from './serialization-service';
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
export { isIdentifiedDataSerializable, writeIdentified, IDENTIFIED_WRITER, type IdentifiedDataSerializable } from './identified';
