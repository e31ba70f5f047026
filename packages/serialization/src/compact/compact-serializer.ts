import {
  HazelcastSerializationError,
  SchemaNotFoundError,
  describeType,
  SchemaNotReplicatedError,
  TypeId,
  type ObjectDataInput,
  type ObjectDataOutput,
  type PositionalObjectDataOutput,
  type Serializer,
} from '@hz/core';
import { FieldKind } from '../field-kind';
import type { RecordValues } from '../generic-record';
import { positional } from '../values';
import type { CompactReader, CompactSerializer, CompactWriter } from './compact';
import { CompactGenericRecord } from './compact-generic-record';
import { DefaultCompactReader, type NestedCompactReader } from './compact-reader';
import { DefaultCompactWriter, SchemaWriter, type NestedCompactWriter } from './compact-writer';
import type { Schema } from './schema';
import type { SchemaService } from './schema-service';

/** A Compact serializer with its type name and class resolved (from either form). */
export interface CompactRegistration {
  readonly typeName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any constructor
  readonly clazz: Function;
  readonly serializer: CompactSerializer<unknown>;
  /** The schema of the class, from the first value written. */
  schema?: Schema;
}

// The writer and reader method of each Compact field kind, indexed by kind id.
const KIND_METHODS: ReadonlyArray<string | undefined> = [
  undefined,
  'Boolean',
  'ArrayOfBoolean',
  'Int8',
  'ArrayOfInt8',
  undefined,
  undefined,
  'Int16',
  'ArrayOfInt16',
  'Int32',
  'ArrayOfInt32',
  'Int64',
  'ArrayOfInt64',
  'Float32',
  'ArrayOfFloat32',
  'Float64',
  'ArrayOfFloat64',
  'String',
  'ArrayOfString',
  'Decimal',
  'ArrayOfDecimal',
  'Time',
  'ArrayOfTime',
  'Date',
  'ArrayOfDate',
  'Timestamp',
  'ArrayOfTimestamp',
  'TimestampWithTimezone',
  'ArrayOfTimestampWithTimezone',
  'Compact',
  'ArrayOfCompact',
  undefined,
  undefined,
  'NullableBoolean',
  'ArrayOfNullableBoolean',
  'NullableInt8',
  'ArrayOfNullableInt8',
  'NullableInt16',
  'ArrayOfNullableInt16',
  'NullableInt32',
  'ArrayOfNullableInt32',
  'NullableInt64',
  'ArrayOfNullableInt64',
  'NullableFloat32',
  'ArrayOfNullableFloat32',
  'NullableFloat64',
  'ArrayOfNullableFloat64',
];

type DynamicWriter = { [method: string]: (fieldName: string, value: unknown) => void };
type DynamicReader = { [method: string]: (fieldName: string) => unknown };

/** Writes one field of a kind with the CompactWriter method of that kind. */
export function writeCompactField(writer: CompactWriter, kind: FieldKind, fieldName: string, value: unknown): void {
  (writer as unknown as DynamicWriter)[`write${KIND_METHODS[kind]}`](fieldName, value);
}

/** Reads one field of a kind with the CompactReader method of that kind. */
export function readCompactField(reader: CompactReader, kind: FieldKind, fieldName: string): unknown {
  return (reader as unknown as DynamicReader)[`read${KIND_METHODS[kind]}`](fieldName);
}

/**
 * The Compact serializer (type id -55): the 64-bit schema id, then the body (the official
 * client's `CompactStreamSerializer`). Values of registered classes are written with their
 * serializer; Compact GenericRecords by their schema. Data is read with the serializer
 * registered for its type name, else as a {@link CompactGenericRecord}.
 *
 * The cluster must know a schema before data that uses it: writing a value whose schema (or a
 * nested value's) was not sent yet throws a SchemaNotReplicatedError, reading data of an
 * unknown schema a SchemaNotFoundError; their `recover()` makes the round trip.
 */
export class CompactStreamSerializer implements Serializer, NestedCompactWriter, NestedCompactReader {
  readonly id = TypeId.COMPACT;
  private readonly byClass = new Map<unknown, CompactRegistration>();
  private readonly byTypeName = new Map<string, CompactRegistration>();
  // Schemas not on the cluster met while writing one top-level value.
  private missing: Schema[] | undefined;

  constructor(
    registrations: readonly CompactRegistration[],
    readonly schemas: SchemaService,
  ) {
    for (const registration of registrations) {
      this.byClass.set(registration.clazz, registration);
      this.byTypeName.set(registration.typeName, registration);
    }
  }

  /** Whether this serializer writes the value: a Compact GenericRecord or an instance of a registered class. */
  handles(value: object): boolean {
    return value instanceof CompactGenericRecord || this.byClass.has(value.constructor);
  }

  write(out: ObjectDataOutput, value: unknown): void {
    const outermost = this.missing === undefined;
    if (outermost) this.missing = [];
    let missing: Schema[];
    try {
      this.writeNested(positional(out), value);
    } finally {
      missing = this.missing!;
      if (outermost) this.missing = undefined;
    }
    if (outermost && missing.length > 0) {
      const names = missing.map((s) => s.typeName);
      throw new SchemaNotReplicatedError(
        `The Compact schema(s) of ${names.join(', ')} must be sent to the cluster before data that uses them (call recover(), or use toDataAsync)`,
        missing.map((s) => s.idString()),
        names,
        () => this.schemas.replicate(missing),
      );
    }
  }

  /** The schema id and body, no type id (a top-level value or a nested one). */
  writeNested(out: PositionalObjectDataOutput, value: unknown): void {
    let schema: Schema;
    let registration: CompactRegistration | undefined;
    if (value instanceof CompactGenericRecord) {
      schema = this.schemas.intern(value.schema);
    } else {
      registration = this.byClass.get((value as object | null)?.constructor);
      if (registration === undefined) {
        throw new HazelcastSerializationError(`There is no Compact serializer for a value of class ${describeType(value)} (serialization.compact.serializers)`, {
          typeId: TypeId.COMPACT,
        });
      }
      schema = registration.schema ??= this.schemaOf(registration, value);
    }
    if (!schema.replicated && this.missing !== undefined && !this.missing.includes(schema)) this.missing.push(schema);
    if (out.isBigEndian()) {
      out.writeInt(schema.idHigh);
      out.writeInt(schema.idLow);
    } else {
      out.writeInt(schema.idLow);
      out.writeInt(schema.idHigh);
    }
    const writer = new DefaultCompactWriter(this, out, schema);
    if (registration !== undefined) {
      registration.serializer.write(writer, value);
    } else {
      const record = value as CompactGenericRecord;
      for (const field of schema.fields) writeCompactField(writer, field.kind, field.fieldName, record.valueOf(field.fieldName));
    }
    writer.end();
  }

  itemTypeOf(value: unknown): unknown {
    return value instanceof CompactGenericRecord ? this.schemas.intern(value.schema) : (value as object | null)?.constructor;
  }

  read(input: ObjectDataInput): unknown {
    return this.readNested(input, false);
  }

  readNested(input: ObjectDataInput, asRecord: boolean): unknown {
    let high: number;
    let low: number;
    if (input.isBigEndian()) {
      high = input.readInt();
      low = input.readInt();
    } else {
      low = input.readInt();
      high = input.readInt();
    }
    const schema = this.schemas.get(high, low);
    if (schema === undefined) {
      const id = (BigInt(high) * 0x1_0000_0000n + BigInt(low >>> 0)).toString();
      throw new SchemaNotFoundError(
        `The Compact schema with id ${id} is not known to this client: it must be fetched from the cluster (call recover(), or use toObjectAsync)`,
        id,
        () => this.schemas.fetch(high, low),
      );
    }
    const registration = asRecord ? undefined : this.byTypeName.get(schema.typeName);
    const reader = new DefaultCompactReader(this, input, schema, registration === undefined);
    if (registration !== undefined) return registration.serializer.read(reader);
    const values: RecordValues = {};
    for (const field of schema.fields) values[field.fieldName] = readCompactField(reader, field.kind, field.fieldName);
    return new CompactGenericRecord(schema, values);
  }

  /** The schema of a class, from the fields its serializer writes for one value. */
  private schemaOf(registration: CompactRegistration, value: unknown): Schema {
    const writer = new SchemaWriter(registration.typeName);
    registration.serializer.write(writer, value);
    return this.schemas.intern(writer.build());
  }
}
