/*
 * The official Node.js client (hazelcast-client, a dev dependency, used in tests only) as an
 * independent source of expected bytes: its serialization service (SerializationServiceV1),
 * built from its internals with the same serializers and factories as ours. Its Compact
 * serializer asks a schema service for every schema; this one knows every schema it is told of
 * (what the official client's SchemaService does after a successful sendSchema).
 */
import { dirname } from 'node:path';
import type Long from 'long';

export interface OfficialData {
  toBuffer(): Buffer;
}
export interface OfficialSerializationService {
  toData(value: unknown): OfficialData;
  toObject(data: OfficialData): unknown;
}
interface OfficialSchema {
  schemaId: { toString(): string };
  typeName: string;
}

/* eslint-disable @typescript-eslint/no-require-imports */
const { SerializationServiceV1 } = require('hazelcast-client/lib/serialization/SerializationService') as {
  SerializationServiceV1: new (config: object, schemaService: unknown) => OfficialSerializationService;
};
const { SerializationConfigImpl } = require('hazelcast-client/lib/config/SerializationConfig') as {
  SerializationConfigImpl: new () => Record<string, unknown> & { compact: { serializers: unknown[] } };
};
const { HeapData: OfficialHeapData } = require('hazelcast-client/lib/serialization/HeapData') as {
  HeapData: new (buffer: Buffer) => OfficialData;
};
/** The 'long' package the official client bundles (version 4). */
export const OfficialLong = require(require.resolve('long', { paths: [dirname(require.resolve('hazelcast-client'))] })) as typeof Long;
/* eslint-enable @typescript-eslint/no-require-imports */

export interface OfficialOptions {
  isBigEndian?: boolean;
  compactSerializers?: unknown[];
  portableFactories?: Record<number, unknown>;
  portableVersion?: number;
  dataSerializableFactories?: Record<number, unknown>;
  customSerializers?: unknown[];
  globalSerializer?: unknown;
}

/** The official service and the ids of the schemas it was told of. */
export function officialService(options: OfficialOptions = {}): { service: OfficialSerializationService; schemaIds: () => string[] } {
  const config = new SerializationConfigImpl();
  if (options.isBigEndian !== undefined) config.isBigEndian = options.isBigEndian;
  if (options.compactSerializers) config.compact.serializers = options.compactSerializers;
  if (options.portableFactories) config.portableFactories = options.portableFactories;
  if (options.portableVersion !== undefined) config.portableVersion = options.portableVersion;
  if (options.dataSerializableFactories) config.dataSerializableFactories = options.dataSerializableFactories;
  if (options.customSerializers) config.customSerializers = options.customSerializers;
  if (options.globalSerializer) config.globalSerializer = options.globalSerializer;
  const schemas = new Map<string, OfficialSchema>();
  const schemaService = {
    get: (id: { toString(): string }) => schemas.get(id.toString()),
    put: (schema: OfficialSchema) => {
      schemas.set(schema.schemaId.toString(), schema);
      return Promise.resolve();
    },
    putIfAbsent: (schema: OfficialSchema) => void schemas.set(schema.schemaId.toString(), schema),
  };
  const service = new SerializationServiceV1(config, schemaService);
  // toData that sends (here: records) a missing schema and tries again, as the official proxies do.
  const wrapped: OfficialSerializationService = {
    toData(value) {
      for (;;) {
        try {
          return service.toData(value);
        } catch (error) {
          const schema = (error as { schema?: OfficialSchema }).schema;
          if (schema === undefined) throw error;
          schemas.set(schema.schemaId.toString(), schema);
        }
      }
    },
    toObject: (data) => service.toObject(data),
  };
  return { service: wrapped, schemaIds: () => [...schemas.keys()] };
}

/** Our bytes as the official client's Data. */
export function officialData(bytes: Buffer): OfficialData {
  return new OfficialHeapData(bytes);
}
