import {
  BigDecimal,
  BooleanArray,
  Byte,
  Char,
  Double,
  Float,
  HazelcastJsonValue,
  Integer,
  JavaClass,
  LinkedList,
  LocalDate,
  LocalDateTime,
  LocalTime,
  Long,
  OffsetDateTime,
  Short,
  StringArray,
  UUID,
  type SerializerExtension,
} from '@hz/core';
import { invalid, type SerializationFormat } from '../config';
import type { CompactSerializer } from './compact';
import { CompactStreamSerializer, type CompactRegistration } from './compact-serializer';
import { SchemaService } from './schema-service';

/** The Compact part of the extension, with its schema registry and serializer for whoever needs them (a member, tests). */
export interface CompactExtension extends SerializerExtension {
  readonly schemas: SchemaService;
  readonly serializer: CompactStreamSerializer;
}

// Classes the built-in serializers own: a Compact serializer may not take them over (as in the
// official client). Listed when a config is checked, not at module load.
function builtinClasses(): readonly unknown[] {
  return [
    Object, Array, Number, String, Boolean, BigInt, Symbol, Function, Date, Map, Set, Promise, Error, RegExp, Buffer, ArrayBuffer, DataView,
    Uint8Array, Int8Array, Uint16Array, Int16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array,
    Long, BigDecimal, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, UUID, HazelcastJsonValue,
    Byte, Short, Integer, Float, Double, Char, BooleanArray, StringArray, JavaClass, LinkedList,
  ];
}

/** Resolves a serializer of either form, checking it; `option` names it in errors. */
function registrationOf(option: string, value: unknown): CompactRegistration {
  if (typeof value !== 'object' || value === null) invalid(option, `must be a Compact serializer object, got ${value === null ? 'null' : typeof value}`);
  const s = value as Partial<Record<'typeName' | 'class' | 'getTypeName' | 'getClass' | 'read' | 'write', unknown>>;
  let typeName: unknown;
  let clazz: unknown;
  if (typeof s.getTypeName === 'function' || typeof s.getClass === 'function') {
    if (typeof s.getTypeName !== 'function') invalid(`${option}.getTypeName`, 'must be a function returning the type name (it has getClass)');
    if (typeof s.getClass !== 'function') invalid(`${option}.getClass`, 'must be a function returning the class (it has getTypeName)');
    typeName = (s.getTypeName as () => unknown).call(value);
    clazz = (s.getClass as () => unknown).call(value);
  } else {
    typeName = s.typeName;
    clazz = s.class;
  }
  if (typeof typeName !== 'string' || typeName.length === 0) invalid(`${option}.typeName`, `must be a non-empty string, got ${typeof typeName === 'string' ? '""' : typeof typeName}`);
  if (typeof clazz !== 'function') invalid(`${option}.class`, `must be the class whose instances it writes, got ${typeof clazz}`);
  if (builtinClasses().includes(clazz)) {
    invalid(`${option}.class`, `cannot be ${(clazz as { name: string }).name}: a built-in serializer writes it (Compact serializers are for your own classes)`);
  }
  if (typeof s.read !== 'function') invalid(`${option}.read`, 'must be a function (reader) => value');
  if (typeof s.write !== 'function') invalid(`${option}.write`, 'must be a function (writer, value) => void');
  return { typeName, clazz, serializer: value as CompactSerializer<unknown> };
}

/**
 * Compact (type id -55): `serialization.compact.serializers`, one per class, with the type name
 * the cluster and other clients know it by. Schemas go to the cluster through the client
 * (attach), before any data that uses them.
 */
export const compactFormat: SerializationFormat = {
  name: 'Compact',
  options: ['compact'],
  rank: 1,
  create(config): CompactExtension {
    const compact: unknown = config.compact ?? {};
    if (typeof compact !== 'object' || compact === null || Array.isArray(compact)) invalid('compact', `must be an object { serializers }, got ${typeof compact}`);
    const list: unknown = (compact as { serializers?: unknown }).serializers ?? [];
    if (!Array.isArray(list)) invalid('compact.serializers', `must be an array of Compact serializers, got ${typeof list}`);
    const registrations = list.map((value, i) => registrationOf(`compact.serializers[${i}]`, value));
    registrations.forEach((r, i) => {
      const sameName = registrations.findIndex((o) => o.typeName === r.typeName);
      if (sameName !== i) invalid(`compact.serializers[${i}].typeName`, `"${r.typeName}" is also the type name of compact.serializers[${sameName}]`);
      const sameClass = registrations.findIndex((o) => o.clazz === r.clazz);
      if (sameClass !== i) invalid(`compact.serializers[${i}].class`, `${r.clazz.name} also has compact.serializers[${sameClass}]`);
    });
    const schemas = new SchemaService();
    const serializer = new CompactStreamSerializer(registrations, schemas);
    return {
      name: 'Compact',
      schemas,
      serializer,
      formatSerializerFor: (value) => (serializer.handles(value) ? serializer : undefined),
      serializerForTypeId: (typeId) => (typeId === serializer.id ? serializer : undefined),
      attach: (context) => schemas.attach(context),
      sendStateToCluster: () => schemas.sendAll(),
    };
  },
};
