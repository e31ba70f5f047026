import { identifiedSerializer, isIdentifiedDataSerializable, type IdentifiedDataSerializableFactory, type SerializerExtension } from '@hz/core';
import { factoryMap, type SerializationFormat } from '../config';

/**
 * IdentifiedDataSerializable (type id -2): the core writes any such value; this format gives it
 * the user's factories (`serialization.dataSerializableFactories`, by factory id) to read them
 * with. Reading a factory id or class id no factory knows is a HazelcastSerializationError that
 * names both.
 */
export const identifiedFormat: SerializationFormat = {
  name: 'IdentifiedDataSerializable',
  options: ['dataSerializableFactories'],
  rank: 2,
  create(config): SerializerExtension {
    const factories = factoryMap<IdentifiedDataSerializableFactory>('dataSerializableFactories', config.dataSerializableFactories);
    // Also offered as the value's format, so that a value both IDS and Portable is written as IDS.
    const serializer = identifiedSerializer(factories);
    return {
      name: 'IdentifiedDataSerializable',
      dataSerializableFactories: factories,
      formatSerializerFor: (value) => (isIdentifiedDataSerializable(value) ? serializer : undefined),
    };
  },
};
