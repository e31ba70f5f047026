import { HazelcastSerializationError } from './errors';
import { JsonStringDeserializationPolicy } from './json';

/** The Java type a plain JavaScript number is written as (the official client's option values). */
export type DefaultNumberType = 'double' | 'short' | 'integer' | 'float' | 'long' | 'byte';

/**
 * The part of the official client's `serialization` config object that the core reads. The
 * other options of that object (dataSerializableFactories, portableFactories, portableVersion,
 * customSerializers, globalSerializer, compact) belong to @hz/serialization, which may add them
 * to this interface by declaration merging and turns them into a {@link SerializerExtension}.
 */
export interface SerializationConfig {
  /**
   * The Java type of a plain number: 'double' (default), 'float', 'long', 'integer', 'short' or
   * 'byte' (case-insensitive, as in the official client). An integer type rejects a number that
   * is not an integer in its range; 'long' accepts safe integers. Typed wrappers (`new
   * Integer(5)`) override it for one value.
   */
  defaultNumberType?: DefaultNumberType;
  /** Byte order of payloads: big-endian (default) or little-endian. Data headers are big-endian either way. */
  isBigEndian?: boolean;
  /** What reading a JSON value gives; default `EAGER` (a parsed JavaScript value). */
  jsonStringDeserializationPolicy?: JsonStringDeserializationPolicy;
}

/** {@link SerializationConfig} with every option set. */
export interface ResolvedSerializationConfig {
  readonly defaultNumberType: DefaultNumberType;
  readonly isBigEndian: boolean;
  readonly jsonStringDeserializationPolicy: JsonStringDeserializationPolicy;
}

const NUMBER_TYPES: readonly string[] = ['double', 'short', 'integer', 'float', 'long', 'byte'];

/** Applies the defaults and checks the values (they may come from untyped JSON). */
export function resolveSerializationConfig(config: SerializationConfig = {}): ResolvedSerializationConfig {
  const numberType = String(config.defaultNumberType ?? 'double').toLowerCase();
  if (!NUMBER_TYPES.includes(numberType)) {
    throw new HazelcastSerializationError(
      `Invalid serialization config: defaultNumberType must be one of ${NUMBER_TYPES.join(', ')}, got "${String(config.defaultNumberType)}"`,
    );
  }
  const isBigEndian = config.isBigEndian ?? true;
  if (typeof isBigEndian !== 'boolean') {
    throw new HazelcastSerializationError(`Invalid serialization config: isBigEndian must be a boolean, got ${String(isBigEndian)}`);
  }
  const policy = String(config.jsonStringDeserializationPolicy ?? JsonStringDeserializationPolicy.EAGER).toUpperCase();
  if (policy !== JsonStringDeserializationPolicy.EAGER && policy !== JsonStringDeserializationPolicy.NO_DESERIALIZATION) {
    throw new HazelcastSerializationError(
      `Invalid serialization config: jsonStringDeserializationPolicy must be EAGER or NO_DESERIALIZATION, got "${String(config.jsonStringDeserializationPolicy)}"`,
    );
  }
  return { defaultNumberType: numberType as DefaultNumberType, isBigEndian, jsonStringDeserializationPolicy: policy };
}
