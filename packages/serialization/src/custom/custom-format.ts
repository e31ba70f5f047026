import { HazelcastSerializationError, describeType, type Serializer, type SerializerExtension } from '@hz/core';
import { checkSerializer, invalid, type SerializationFormat } from '../config';

/**
 * Custom serializers (`serialization.customSerializers`, each with its own positive type id)
 * and the global serializer (`serialization.globalSerializer`). A value chooses its custom
 * serializer by its `hzCustomId` (as in the official client); the global serializer takes
 * every object that no other serializer takes, before the JSON fallback.
 */
export const customFormat: SerializationFormat = {
  name: 'custom',
  options: ['customSerializers', 'globalSerializer'],
  rank: 4,
  create(config): SerializerExtension {
    const byId = new Map<number, Serializer>();
    const list: unknown = config.customSerializers ?? [];
    if (!Array.isArray(list)) invalid('customSerializers', `must be an array of serializers, got ${typeof list}`);
    list.forEach((value, i) => {
      const serializer = checkSerializer(`customSerializers[${i}]`, value);
      if (byId.has(serializer.id)) invalid(`customSerializers[${i}].id`, `${serializer.id} is the id of another custom serializer`);
      byId.set(serializer.id, serializer);
    });
    let globalSerializer: Serializer | undefined;
    if (config.globalSerializer != null) {
      globalSerializer = checkSerializer('globalSerializer', config.globalSerializer);
      if (byId.has(globalSerializer.id)) invalid('globalSerializer.id', `${globalSerializer.id} is the id of a custom serializer`);
    }
    return {
      name: 'custom',
      globalSerializer,
      customSerializerFor(value) {
        const id = (value as { hzCustomId?: unknown }).hzCustomId;
        if (id === undefined) return undefined;
        const serializer = typeof id === 'number' ? byId.get(id) : undefined;
        if (serializer === undefined) {
          throw new HazelcastSerializationError(
            `There is no custom serializer with id ${String(id)} (serialization.customSerializers) for a value of type ${describeType(value)} that declares hzCustomId = ${String(id)}`,
            { typeId: typeof id === 'number' ? id : undefined },
          );
        }
        return serializer;
      },
      serializerForTypeId: (typeId) => byId.get(typeId),
    };
  },
};
