import {
  InvalidConfigurationError,
  type IdentifiedDataSerializableFactory,
  type SerializationConfig,
  type Serializer,
  type SerializerExtension,
} from '@hz/core';
import type { CompactSerializationConfig } from './compact/compact';
import type { ClassDefinition } from './portable/class-definition';
import type { PortableFactory } from './portable/portable';

/** A value a custom serializer writes: it names the serializer by id (the official client's interface). */
export interface CustomSerializable {
  /** The id of a serializer in `serialization.customSerializers`. */
  hzCustomId: number;
}

// The options of the official client's `serialization` config object that this package reads,
// added to the core's SerializationConfig (which has the ones the core reads).
declare module '@hz/core' {
  interface SerializationConfig {
    /** IdentifiedDataSerializable factories by factory id. */
    dataSerializableFactories?: { [factoryId: number]: IdentifiedDataSerializableFactory };
    /** Portable factories by factory id. A Portable of a factory id without one reads as a GenericRecord. */
    portableFactories?: { [factoryId: number]: PortableFactory };
    /** The version of Portable classes that have no `version` of their own; default 0. */
    portableVersion?: number;
    /** Portable class definitions known up front (needed to write null nested Portables and empty Portable arrays). */
    classDefinitions?: readonly ClassDefinition[];
    /** Serializers for values with an `hzCustomId` (see CustomSerializable), by their positive `id`. */
    customSerializers?: ReadonlyArray<Serializer<unknown>>;
    /** The serializer of every object no other serializer takes (before the JSON fallback). */
    globalSerializer?: Serializer<unknown>;
    /** Compact serializers. */
    compact?: CompactSerializationConfig;
  }
}

/** Throws an InvalidConfigurationError naming the option. */
export function invalid(option: string, message: string): never {
  throw new InvalidConfigurationError(`Invalid configuration: serialization.${option} ${message}`);
}

/** The config object, or an empty one; throws when it is not an object. */
export function configObject(config: SerializationConfig | null | undefined): SerializationConfig {
  if (config == null) return {};
  if (typeof config !== 'object' || Array.isArray(config)) {
    throw new InvalidConfigurationError(`Invalid configuration: serialization must be an object, got ${Array.isArray(config) ? 'an array' : typeof config}`);
  }
  return config;
}

/** A factory map option (`{ [factoryId]: (classId) => object }`) as a Map; checks ids and functions. */
export function factoryMap<F>(option: string, value: unknown): Map<number, F> {
  const factories = new Map<number, F>();
  if (value == null) return factories;
  if (typeof value !== 'object' || Array.isArray(value)) invalid(option, `must be an object of factories by factory id, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  for (const [key, factory] of Object.entries(value as object)) {
    const factoryId = Number(key);
    if (!Number.isInteger(factoryId) || factoryId < -0x80000000 || factoryId > 0x7fffffff || String(factoryId) !== key.trim()) {
      invalid(`${option}["${key}"]`, 'is not a factory id: the keys must be 32-bit integers');
    }
    if (typeof factory !== 'function') invalid(`${option}[${key}]`, `must be a function (classId) => object, got ${typeof factory}`);
    factories.set(factoryId, factory as F);
  }
  return factories;
}

/** Checks a serializer option: an object with an integer id (positive for user serializers), read and write. */
export function checkSerializer(option: string, value: unknown): Serializer<unknown> {
  if (typeof value !== 'object' || value === null) invalid(option, `must be a serializer object { id, read, write }, got ${value === null ? 'null' : typeof value}`);
  const serializer = value as Partial<Serializer<unknown>>;
  if (typeof serializer.id !== 'number' || !Number.isInteger(serializer.id) || serializer.id < 1 || serializer.id > 0x7fffffff) {
    invalid(`${option}.id`, `must be a positive 32-bit integer (negative type ids are Hazelcast's own), got ${String(serializer.id)}`);
  }
  if (typeof serializer.read !== 'function') invalid(`${option}.read`, 'must be a function (input) => value');
  if (typeof serializer.write !== 'function') invalid(`${option}.write`, 'must be a function (output, value) => void');
  return serializer as Serializer<unknown>;
}

/**
 * One serialization format of this package: which options it reads, its rank in the order a
 * serializer is chosen, and how to build its part of the extension from the config.
 */
export interface SerializationFormat {
  /** Names it in messages: 'Compact', 'IdentifiedDataSerializable', 'Portable', 'custom'. */
  readonly name: string;
  /** The `serialization` options it reads. */
  readonly options: readonly string[];
  /** Smaller first when a value could use several formats (Compact, IDS, Portable, then custom). */
  readonly rank: number;
  /** Checks the options (InvalidConfigurationError) and builds the format's serializers. */
  create(config: SerializationConfig): SerializerExtension;
}

/** The extension built from the config; gives access to the parts that need it (a member, tests). */
export interface SerializationExtension extends SerializerExtension {
  readonly name: string;
  /** The part of each format, by format name. */
  readonly parts: ReadonlyMap<string, SerializerExtension>;
}

/**
 * Builds the extension of the formats given from the user's `serialization` config: one
 * {@link SerializerExtension} to hand to the core's serialization service (the client does).
 * Only the formats given are bundled, so `createSerializationExtensionOf(config,
 * [identifiedFormat, customFormat])` leaves Portable and Compact out of a bundle; an option of a
 * format not given is an error that names it.
 */
export function createSerializationExtensionOf(config: SerializationConfig | null | undefined, formats: readonly SerializationFormat[]): SerializationExtension {
  const options = configObject(config);
  const sorted = [...formats].sort((a, b) => a.rank - b.rank);
  for (const key of Object.keys(options)) {
    const value = (options as Record<string, unknown>)[key];
    if (value == null || sorted.some((f) => f.options.includes(key))) continue;
    const owner = FORMAT_OF_OPTION[key];
    if (owner !== undefined) {
      throw new InvalidConfigurationError(
        `Invalid configuration: serialization.${key} is set but the ${owner} format is not included in this serialization extension`,
      );
    }
  }
  const parts = new Map(sorted.map((format) => [format.name, format.create(options)] as const));
  return combine(parts);
}

const FORMAT_OF_OPTION: Readonly<Record<string, string>> = {
  dataSerializableFactories: 'IdentifiedDataSerializable',
  portableFactories: 'Portable',
  portableVersion: 'Portable',
  classDefinitions: 'Portable',
  compact: 'Compact',
  customSerializers: 'custom',
  globalSerializer: 'custom',
};

/** One extension that asks each part in turn. */
function combine(parts: ReadonlyMap<string, SerializerExtension>): SerializationExtension {
  const list = [...parts.values()];
  const formatParts = list.filter((p) => p.formatSerializerFor !== undefined);
  const customParts = list.filter((p) => p.customSerializerFor !== undefined);
  const typeIdParts = list.filter((p) => p.serializerForTypeId !== undefined);
  const factories = new Map<number, IdentifiedDataSerializableFactory>();
  for (const part of list) for (const [id, factory] of part.dataSerializableFactories ?? []) factories.set(id, factory);
  const globalSerializer = list.find((p) => p.globalSerializer !== undefined)?.globalSerializer;
  return {
    name: '@hz/serialization',
    parts,
    dataSerializableFactories: factories,
    globalSerializer,
    formatSerializerFor(value) {
      for (const part of formatParts) {
        const found = part.formatSerializerFor!(value);
        if (found !== undefined) return found;
      }
      return undefined;
    },
    customSerializerFor(value) {
      for (const part of customParts) {
        const found = part.customSerializerFor!(value);
        if (found !== undefined) return found;
      }
      return undefined;
    },
    serializerForTypeId(typeId) {
      for (const part of typeIdParts) {
        const found = part.serializerForTypeId!(typeId);
        if (found !== undefined) return found;
      }
      return undefined;
    },
    attach(context) {
      for (const part of list) part.attach?.(context);
    },
    async sendStateToCluster() {
      await Promise.all(list.map((part) => part.sendStateToCluster?.()));
    },
  };
}
