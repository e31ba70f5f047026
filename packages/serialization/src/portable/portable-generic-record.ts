import { HazelcastSerializationError } from '@hz/core';
import { FieldKind } from '../field-kind';
import { AbstractGenericRecord, normalizeValue, type GenericRecord, type RecordValues } from '../generic-record';
import type { ClassDefinition } from './class-definition';
import { FieldType } from './portable';

// Java FieldTypeToFieldKind, indexed by FieldType id.
const KIND_OF_TYPE: readonly FieldKind[] = [
  FieldKind.PORTABLE,
  FieldKind.INT8,
  FieldKind.BOOLEAN,
  FieldKind.CHAR,
  FieldKind.INT16,
  FieldKind.INT32,
  FieldKind.INT64,
  FieldKind.FLOAT32,
  FieldKind.FLOAT64,
  FieldKind.STRING,
  FieldKind.ARRAY_OF_PORTABLE,
  FieldKind.ARRAY_OF_INT8,
  FieldKind.ARRAY_OF_BOOLEAN,
  FieldKind.ARRAY_OF_CHAR,
  FieldKind.ARRAY_OF_INT16,
  FieldKind.ARRAY_OF_INT32,
  FieldKind.ARRAY_OF_INT64,
  FieldKind.ARRAY_OF_FLOAT32,
  FieldKind.ARRAY_OF_FLOAT64,
  FieldKind.ARRAY_OF_STRING,
  FieldKind.DECIMAL,
  FieldKind.ARRAY_OF_DECIMAL,
  FieldKind.TIME,
  FieldKind.ARRAY_OF_TIME,
  FieldKind.DATE,
  FieldKind.ARRAY_OF_DATE,
  FieldKind.TIMESTAMP,
  FieldKind.ARRAY_OF_TIMESTAMP,
  FieldKind.TIMESTAMP_WITH_TIMEZONE,
  FieldKind.ARRAY_OF_TIMESTAMP_WITH_TIMEZONE,
];

/** The GenericRecord field kind of a Portable field type. */
export function fieldKindOfType(type: FieldType): FieldKind {
  return KIND_OF_TYPE[type];
}

/**
 * A Portable value without its class: its class definition and its field values (Java
 * `PortableGenericRecord`). Reading a Portable whose factory id has no factory gives one;
 * {@link portableRecord} builds one to write. Every field of the class definition has a value.
 */
export class PortableGenericRecord extends AbstractGenericRecord {
  /** @internal */
  readonly recordFormat = 'portable' as const;

  /** @internal Use {@link portableRecord} (checks the values) or the reader (trusted values). */
  constructor(
    readonly classDefinition: ClassDefinition,
    values: RecordValues,
  ) {
    super(values);
  }

  getClassDefinition(): ClassDefinition {
    return this.classDefinition;
  }

  protected kindOf(fieldName: string): FieldKind | undefined {
    const field = this.classDefinition.getField(fieldName);
    return field === undefined ? undefined : KIND_OF_TYPE[field.type];
  }

  protected names(): readonly string[] {
    return this.classDefinition.getFieldNames();
  }

  protected describe(): string {
    const cd = this.classDefinition;
    return `Portable GenericRecord (factoryId ${cd.factoryId}, classId ${cd.classId}, version ${cd.version})`;
  }

  clone(fieldsToUpdate: RecordValues = {}): GenericRecord {
    for (const name of Object.keys(fieldsToUpdate)) {
      if (!this.classDefinition.hasField(name)) throw new HazelcastSerializationError(`${this.describe()} has no field named "${name}"`);
    }
    return portableRecord(this.classDefinition, { ...this.values, ...fieldsToUpdate });
  }
}

function isPortableRecord(value: unknown): boolean {
  return value instanceof PortableGenericRecord;
}

/**
 * A Portable GenericRecord of a class definition, to write without a class: a value for every
 * field (null for nested Portables, arrays and objects that are absent). Nested Portable fields
 * take Portable GenericRecords of the field's class.
 */
export function portableRecord(classDefinition: ClassDefinition, values: RecordValues): GenericRecord {
  if (typeof values !== 'object' || values === null) throw new HazelcastSerializationError('A Portable GenericRecord needs an object of field values');
  for (const name of Object.keys(values)) {
    if (!classDefinition.hasField(name)) {
      throw new HazelcastSerializationError(`The class definition ${classDefinition.factoryId}/${classDefinition.classId} has no field named "${name}"`);
    }
  }
  const normalized: RecordValues = {};
  for (const field of classDefinition.fields) {
    const value = normalizeValue(field.name, KIND_OF_TYPE[field.type], values[field.name], isPortableRecord);
    if (field.type === FieldType.PORTABLE || field.type === FieldType.PORTABLE_ARRAY) {
      const items = (Array.isArray(value) ? value : [value]) as Array<PortableGenericRecord | null>;
      for (const item of items) {
        if (item !== null && (item.classDefinition.factoryId !== field.factoryId || item.classDefinition.classId !== field.classId)) {
          throw new HazelcastSerializationError(
            `The Portable field "${field.name}" holds class ${field.factoryId}/${field.classId}, not ${item.classDefinition.factoryId}/${item.classDefinition.classId}`,
          );
        }
      }
    }
    normalized[field.name] = value;
  }
  return new PortableGenericRecord(classDefinition, normalized);
}
