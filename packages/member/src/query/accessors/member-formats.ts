// The value formats the member reads to query them, beyond JSON and the built-in types:
// Portable (type id -1), Compact (-55) and IdentifiedDataSerializable (-2). One instance per
// cluster holds what they need: the Compact schemas clients sent (the member's schema
// registry), the Portable class definitions learned from the data, and the IDS factories
// registered on the member; `install` plugs their accessors into a query engine.
import {
  DefaultSerializationService,
  HazelcastSerializationError,
  SchemaNotFoundError,
  TypeId,
  type Data,
  type IdentifiedDataSerializableFactory,
  type Serializer,
  type SerializerExtension,
} from '@hz/core';
import { CompactGenericRecord, CompactStreamSerializer, PortableGenericRecord, PortableSerializer, SchemaService } from '@hz/serialization';
import { ErrorCode, MemberError } from '../../dispatch/errors';
import type { AccessorRegistry, QueryTarget, TargetResolver } from '../accessor';
import { QueryEngine, defaultAccessors, type QueryEngineOptions } from '../query-engine';
import { GENERIC_RECORD_ACCESSOR } from './generic-record-accessor';
import { IdentifiedReaders } from './identified-accessor';

export interface MemberValueFormatsOptions {
  /**
   * Where Compact schemas are looked up: the cluster's schema registry (MemberSchemaService's
   * `registry`); an empty one of its own otherwise.
   */
  readonly schemas?: SchemaService;
  /** IdentifiedDataSerializable factories by factory id (more with registerDataSerializableFactory). */
  readonly dataSerializableFactories?: { readonly [factoryId: number]: IdentifiedDataSerializableFactory };
}

/** A failure to read a stored value, as the member reports it (HazelcastSerializationException with Java's message). */
function asMemberError(error: unknown): unknown {
  if (error instanceof SchemaNotFoundError) {
    return new MemberError(ErrorCode.HAZELCAST_SERIALIZATION, `The schema can not be found with id ${error.schemaId}`);
  }
  if (error instanceof HazelcastSerializationError) return new MemberError(ErrorCode.HAZELCAST_SERIALIZATION, error.message);
  return error;
}

/**
 * Portable, Compact and IdentifiedDataSerializable for the member's query engine.
 *
 * - Portable values are read as GenericRecords whatever their factory: the member needs no
 *   class, the class definition is read from the bytes (and kept, per factory, class and version).
 * - Compact values are read as GenericRecords with the schema from `schemas`; data of a schema
 *   the cluster does not know fails with the member's HazelcastSerializationException
 *   ("The schema can not be found with id ...").
 * - IdentifiedDataSerializable values are read with the factory registered for their factory
 *   id ({@link registerDataSerializableFactory}) and walked as objects; without one the query
 *   fails as on a member ("No DataSerializerFactory registered for namespace: ...").
 */
export class MemberValueFormats {
  readonly schemas: SchemaService;
  readonly portable: PortableSerializer;
  readonly compact: CompactStreamSerializer;
  readonly identified = new IdentifiedReaders();
  /**
   * The built-in types plus these formats: reads what clients store and writes query results
   * (a nested record a projection returns is written back in its format).
   */
  readonly serializationService: DefaultSerializationService;

  constructor(options: MemberValueFormatsOptions = {}) {
    this.schemas = options.schemas ?? new SchemaService();
    this.portable = new PortableSerializer(new Map(), 0);
    this.compact = new CompactStreamSerializer([], this.schemas);
    const portable = this.portable as unknown as Serializer;
    const compact = this.compact as Serializer;
    const identified = this.identified.serializer as Serializer;
    const extension: SerializerExtension = {
      name: '@hz/member value formats',
      formatSerializerFor: (value) => (value instanceof PortableGenericRecord ? portable : value instanceof CompactGenericRecord ? compact : undefined),
      serializerForTypeId: (typeId) =>
        typeId === TypeId.PORTABLE ? portable : typeId === TypeId.COMPACT ? compact : typeId === TypeId.IDENTIFIED_DATA_SERIALIZABLE ? identified : undefined,
    };
    this.serializationService = new DefaultSerializationService(undefined, [extension]);
    for (const [factoryId, factory] of Object.entries(options.dataSerializableFactories ?? {})) {
      this.registerDataSerializableFactory(Number(factoryId), factory);
    }
  }

  /**
   * Registers the factory the member reads IdentifiedDataSerializable values of a factory id
   * with (the same function a client's `serialization.dataSerializableFactories[factoryId]`
   * is): `(classId) => new Employee()`; its `readData` reads the value's fields.
   */
  registerDataSerializableFactory(factoryId: number, factory: IdentifiedDataSerializableFactory): this {
    this.identified.register(factoryId, factory);
    return this;
  }

  /** Plugs the Portable, Compact and IDS accessors into a registry. */
  install(accessors: AccessorRegistry): AccessorRegistry {
    return accessors
      .register(TypeId.PORTABLE, this.portableTarget)
      .register(TypeId.COMPACT, this.compactTarget)
      .register(TypeId.IDENTIFIED_DATA_SERIALIZABLE, this.identifiedTarget);
  }

  /** A query engine that reads these formats (and JSON and the built-in types). */
  createQueryEngine(options: Omit<QueryEngineOptions, 'serializationService'> = {}): QueryEngine {
    return new QueryEngine({ ...options, serializationService: this.serializationService, accessors: this.install(options.accessors ?? defaultAccessors()) });
  }

  /** Reads a stored value with one of the formats' serializers. */
  private read(data: Data, serializer: Serializer): unknown {
    const input = this.serializationService.createObjectDataInput(data.toBuffer(), 8);
    try {
      return serializer.read(input);
    } catch (error) {
      throw asMemberError(error);
    }
  }

  readonly portableTarget: TargetResolver = (data): QueryTarget => ({ accessor: GENERIC_RECORD_ACCESSOR, root: this.read(data, this.portable as unknown as Serializer) });

  readonly compactTarget: TargetResolver = (data): QueryTarget => ({ accessor: GENERIC_RECORD_ACCESSOR, root: this.read(data, this.compact) });

  readonly identifiedTarget: TargetResolver = (data): QueryTarget => ({
    accessor: this.identified.accessor,
    root: this.read(data, this.identified.serializer as Serializer),
  });
}
