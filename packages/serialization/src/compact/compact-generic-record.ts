import { HazelcastSerializationError } from '@hz/core';
import type { FieldKind } from '../field-kind';
import { AbstractGenericRecord, normalizeValue, type GenericRecord, type RecordValues } from '../generic-record';
import type { Field } from './fields';
import { FieldDescriptor, Schema, isCompactKind } from './schema';

/**
 * A Compact value without its class: its schema and field values (the official client's
 * `CompactGenericRecordImpl`). Reading data of a type no serializer is registered for gives
 * one; {@link compactRecord} (`GenericRecords.compact`) builds one to write.
 */
export class CompactGenericRecord extends AbstractGenericRecord {
  /** @internal */
  readonly recordFormat = 'compact' as const;

  /** @internal Use {@link compactRecord} (checks the values) or the reader (trusted values). */
  constructor(
    readonly schema: Schema,
    values: RecordValues,
  ) {
    super(values);
  }

  getTypeName(): string {
    return this.schema.typeName;
  }

  protected kindOf(fieldName: string): FieldKind | undefined {
    return this.schema.getField(fieldName)?.kind;
  }

  protected names(): readonly string[] {
    return this.schema.fields.map((f) => f.fieldName);
  }

  protected describe(): string {
    return `Compact GenericRecord of type ${this.schema.typeName}`;
  }

  clone(fieldsToUpdate: RecordValues = {}): GenericRecord {
    const values: RecordValues = { ...this.values };
    for (const [name, value] of Object.entries(fieldsToUpdate)) {
      const field = this.schema.getField(name);
      if (field === undefined) throw new HazelcastSerializationError(`${this.describe()} has no field named "${name}"`);
      values[name] = normalizeValue(name, field.kind, value, isCompactRecord);
    }
    return new CompactGenericRecord(this.schema, values);
  }
}

function isCompactRecord(value: unknown): boolean {
  return value instanceof CompactGenericRecord;
}

/** The values a record of these fields takes, by field name. */
export type FieldValues<F extends { [name: string]: Field<unknown> }> = {
  [P in keyof F]: F[P] extends Field<infer T> ? T : unknown;
};

/**
 * A Compact GenericRecord to write without a class (the official client's
 * `GenericRecords.compact`): the type name, each field's kind (from `Fields`) and a value for
 * every field. Nested records (GENERIC_RECORD fields) are Compact GenericRecords.
 */
export function compactRecord<F extends { [name: string]: Field<unknown> }>(typeName: string, fields: F, values: FieldValues<F>): GenericRecord {
  if (typeof typeName !== 'string' || typeName.length === 0) throw new HazelcastSerializationError('A Compact GenericRecord needs a type name');
  if (typeof fields !== 'object' || fields === null) throw new HazelcastSerializationError(`The Compact GenericRecord ${typeName} needs its fields`);
  const given = (values ?? {}) as RecordValues;
  for (const name of Object.keys(given)) {
    if (!Object.prototype.hasOwnProperty.call(fields, name)) {
      throw new HazelcastSerializationError(`The Compact GenericRecord ${typeName} has no field "${name}" (a value without a field)`);
    }
  }
  const descriptors: FieldDescriptor[] = [];
  const normalized: RecordValues = {};
  for (const [name, field] of Object.entries(fields)) {
    const kind = (field as Field<unknown> | undefined)?.kind;
    if (!isCompactKind(kind)) throw new HazelcastSerializationError(`The field "${name}" of the Compact GenericRecord ${typeName} has no Compact field kind`);
    descriptors.push(new FieldDescriptor(name, kind));
    normalized[name] = normalizeValue(name, kind, given[name], isCompactRecord);
  }
  return new CompactGenericRecord(new Schema(typeName, descriptors), normalized);
}
