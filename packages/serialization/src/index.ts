// @hz/serialization: the formats beyond the core's built-in types. Everything is plugged into
// the core's serialization service through one SerializerExtension built from the user's
// `serialization` config; each format is its own module with no top-level work, so a bundle
// holds the formats it uses (see createSerializationExtensionOf).
export { createSerializationExtension } from './create-extension';
export {
  createSerializationExtensionOf,
  type SerializationFormat,
  type SerializationExtension,
  type CustomSerializable,
} from './config';
export { identifiedFormat } from './identified/identified-format';
export { customFormat } from './custom/custom-format';
export { portableFormat, type PortableExtension } from './portable/portable-format';
export { compactFormat, type CompactExtension } from './compact/compact-format';

export { FieldKind } from './field-kind';
export type { GenericRecord } from './generic-record';
export { GenericRecords } from './generic-records';

export {
  FieldType,
  type Portable,
  type VersionedPortable,
  type PortableFactory,
  type PortableReader,
  type PortableWriter,
} from './portable/portable';
export { ClassDefinition, ClassDefinitionBuilder, FieldDefinition } from './portable/class-definition';
export { PortableGenericRecord, portableRecord } from './portable/portable-generic-record';
export { PortableSerializer } from './portable/portable-serializer';

export type { CompactSerializer, CompactReader, CompactWriter, CompactSerializationConfig, CompactClass } from './compact/compact';
export * as Fields from './compact/fields';
export type { Field } from './compact/fields';
export { CompactGenericRecord, compactRecord, type FieldValues } from './compact/compact-generic-record';
export { Schema, FieldDescriptor, schemaFingerprint } from './compact/schema';
export { SchemaService } from './compact/schema-service';
export { CompactStreamSerializer } from './compact/compact-serializer';
