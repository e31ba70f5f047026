import { type SerializerExtension } from '@hz/core';
import { factoryMap, invalid, type SerializationFormat } from '../config';
import { ClassDefinition } from './class-definition';
import { isPortable, type PortableFactory } from './portable';
import { PortableGenericRecord } from './portable-generic-record';
import { PortableSerializer } from './portable-serializer';

/** The Portable part of the extension, with the serializer (its class definition context) for whoever needs it. */
export interface PortableExtension extends SerializerExtension {
  readonly serializer: PortableSerializer;
}

/**
 * Portable (type id -1): `serialization.portableFactories` (by factory id),
 * `serialization.portableVersion` (default 0) and `serialization.classDefinitions`.
 */
export const portableFormat: SerializationFormat = {
  name: 'Portable',
  options: ['portableFactories', 'portableVersion', 'classDefinitions'],
  rank: 3,
  create(config): PortableExtension {
    const factories = factoryMap<PortableFactory>('portableFactories', config.portableFactories);
    const version: unknown = config.portableVersion ?? 0;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0 || version > 0x7fffffff) {
      invalid('portableVersion', `must be a non-negative integer, got ${String(version)}`);
    }
    const serializer = new PortableSerializer(factories, version);
    const definitions: unknown = config.classDefinitions ?? [];
    if (!Array.isArray(definitions)) invalid('classDefinitions', `must be an array of ClassDefinition, got ${typeof definitions}`);
    definitions.forEach((definition, i) => {
      if (!(definition instanceof ClassDefinition)) invalid(`classDefinitions[${i}]`, 'must be a ClassDefinition (new ClassDefinitionBuilder(...).build())');
      try {
        serializer.context.register(definition);
      } catch (error) {
        invalid(`classDefinitions[${i}]`, `conflicts with another class definition: ${(error as Error).message}`);
      }
    });
    return {
      name: 'Portable',
      serializer,
      formatSerializerFor: (value) => (isPortable(value) || value instanceof PortableGenericRecord ? serializer : undefined),
      serializerForTypeId: (typeId) => (typeId === serializer.id ? serializer : undefined),
    };
  },
};
