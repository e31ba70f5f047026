import { HazelcastSerializationError, Long } from '@hz/core';
import { FieldKind, fieldKindName } from '../field-kind';

/** Bytes a fixed-size kind takes in the fixed-size section; VARIABLE_SIZE for the others (BOOLEAN is a bit). */
export const VARIABLE_SIZE = -1;

/** Fixed size of a kind in bytes (0 for BOOLEAN, which takes a bit), or VARIABLE_SIZE. */
export function kindSize(kind: FieldKind): number {
  switch (kind) {
    case FieldKind.BOOLEAN:
      return 0;
    case FieldKind.INT8:
      return 1;
    case FieldKind.INT16:
      return 2;
    case FieldKind.INT32:
    case FieldKind.FLOAT32:
      return 4;
    case FieldKind.INT64:
    case FieldKind.FLOAT64:
      return 8;
    default:
      return VARIABLE_SIZE;
  }
}

/** Whether Compact has the kind: everything but NOT_AVAILABLE, CHAR, ARRAY_OF_CHAR, PORTABLE and ARRAY_OF_PORTABLE. */
export function isCompactKind(kind: unknown): kind is FieldKind {
  return (
    typeof kind === 'number' &&
    Number.isInteger(kind) &&
    kind >= FieldKind.BOOLEAN &&
    kind <= FieldKind.ARRAY_OF_NULLABLE_FLOAT64 &&
    kind !== FieldKind.CHAR &&
    kind !== FieldKind.ARRAY_OF_CHAR &&
    kind !== FieldKind.PORTABLE &&
    kind !== FieldKind.ARRAY_OF_PORTABLE
  );
}

/** A field of a Compact schema and where its value is (Java `FieldDescriptor`). */
export class FieldDescriptor {
  /** Fixed-size fields: the byte offset in the fixed-size section. */
  offset = -1;
  /** BOOLEAN fields: the bit in the byte at {@link offset}. */
  bitOffset = -1;
  /** Variable-size fields: the slot in the offset table. */
  index = -1;

  constructor(
    readonly fieldName: string,
    readonly kind: FieldKind,
  ) {}
}

const INIT = 0xc15d213aa4d7a795n;
let table: bigint[] | undefined;

// The Rabin fingerprint table, built on first use (nothing runs when the module loads).
function fingerprintTable(): bigint[] {
  if (table !== undefined) return table;
  table = new Array<bigint>(256);
  for (let i = 0; i < 256; i++) {
    let fp = BigInt(i);
    for (let j = 0; j < 8; j++) fp = (fp >> 1n) ^ (INIT & -(fp & 1n));
    table[i] = fp;
  }
  return table;
}

function fingerprintByte(fp: bigint, byte: number, fpTable: bigint[]): bigint {
  return (fp >> 8n) ^ fpTable[Number((fp ^ BigInt(byte)) & 0xffn)];
}

function fingerprintInt(fp: bigint, value: number, fpTable: bigint[]): bigint {
  fp = fingerprintByte(fp, value & 0xff, fpTable);
  fp = fingerprintByte(fp, (value >>> 8) & 0xff, fpTable);
  fp = fingerprintByte(fp, (value >>> 16) & 0xff, fpTable);
  return fingerprintByte(fp, (value >>> 24) & 0xff, fpTable);
}

function fingerprintString(fp: bigint, value: string, fpTable: bigint[]): bigint {
  const bytes = Buffer.from(value, 'utf8');
  fp = fingerprintInt(fp, bytes.length, fpTable);
  for (const byte of bytes) fp = fingerprintByte(fp, byte, fpTable);
  return fp;
}

/**
 * The schema id of a Compact type, exactly as Java computes it (`RabinFingerprint.fingerprint64`):
 * the 64-bit Rabin fingerprint of the type name, the field count, then each field's name and
 * kind id, fields sorted by name; strings as their UTF-8 byte length (an int) and bytes, ints
 * as 4 bytes from the lowest.
 */
export function schemaFingerprint(typeName: string, fields: ReadonlyArray<{ fieldName: string; kind: number }>): bigint {
  const fpTable = fingerprintTable();
  let fp = fingerprintString(INIT, typeName, fpTable);
  fp = fingerprintInt(fp, fields.length, fpTable);
  for (const field of fields) {
    fp = fingerprintString(fp, field.fieldName, fpTable);
    fp = fingerprintInt(fp, field.kind, fpTable);
  }
  return BigInt.asIntN(64, fp);
}

function byName(a: FieldDescriptor, b: FieldDescriptor): number {
  // Java's TreeMap order: UTF-16 code units.
  return a.fieldName < b.fieldName ? -1 : a.fieldName > b.fieldName ? 1 : 0;
}

/**
 * The fields of a Compact type and their layout (Java `Schema`): fixed-size fields first, by
 * size (largest first) then name, with booleans packed as bits after them; variable-size
 * fields by name, each with a slot in the offset table. Its id is {@link schemaFingerprint}.
 */
export class Schema {
  readonly fields: readonly FieldDescriptor[];
  readonly fixedSizeFieldsLength: number;
  /** Where the booleans' bytes start in the fixed-size section (they end it). */
  readonly booleanStart: number;
  readonly numberVarSizeFields: number;
  /** High and low 32 bits of the 64-bit schema id. */
  readonly idHigh: number;
  readonly idLow: number;
  /** @internal Known to be on the cluster (sent by this client, or fetched from it). */
  replicated = false;
  private readonly byName: Map<string, FieldDescriptor>;

  /** Throws a HazelcastSerializationError for a duplicate field name or a kind Compact does not have. */
  constructor(
    readonly typeName: string,
    fields: readonly FieldDescriptor[],
  ) {
    if (typeof typeName !== 'string') throw new HazelcastSerializationError('A Compact type name must be a string', { typeId: -55 });
    const sorted = [...fields].sort(byName);
    this.byName = new Map();
    for (const field of sorted) {
      if (!isCompactKind(field.kind)) {
        throw new HazelcastSerializationError(`Compact has no field kind ${fieldKindName(field.kind)} (field "${field.fieldName}" of ${typeName})`, {
          typeId: -55,
        });
      }
      if (this.byName.has(field.fieldName)) {
        throw new HazelcastSerializationError(`The Compact type ${typeName} has two fields named "${field.fieldName}"`, { typeId: -55 });
      }
      this.byName.set(field.fieldName, field);
    }
    this.fields = sorted;

    const fixed = sorted.filter((f) => kindSize(f.kind) > 0).sort((a, b) => kindSize(b.kind) - kindSize(a.kind));
    let offset = 0;
    for (const field of fixed) {
      field.offset = offset;
      offset += kindSize(field.kind);
    }
    this.booleanStart = offset;
    let bit = 0;
    for (const field of sorted) {
      if (field.kind !== FieldKind.BOOLEAN) continue;
      field.offset = offset;
      field.bitOffset = bit % 8;
      bit++;
      if (bit % 8 === 0) offset++;
    }
    if (bit % 8 !== 0) offset++;
    this.fixedSizeFieldsLength = offset;
    let index = 0;
    for (const field of sorted) if (kindSize(field.kind) === VARIABLE_SIZE) field.index = index++;
    this.numberVarSizeFields = index;

    const id = schemaFingerprint(typeName, sorted);
    this.idHigh = Number(BigInt.asIntN(32, id >> 32n));
    this.idLow = Number(BigInt.asIntN(32, id));
  }

  /** The 64-bit schema id. */
  get schemaId(): Long {
    return Long.fromBits(this.idLow, this.idHigh);
  }

  /** The schema id as a decimal string. */
  idString(): string {
    return this.schemaId.toString();
  }

  getField(fieldName: string): FieldDescriptor | undefined {
    return this.byName.get(fieldName);
  }

  getFieldCount(): number {
    return this.fields.length;
  }

  /** Same id, type name and fields. */
  equals(other: Schema): boolean {
    return (
      this === other ||
      (this.idHigh === other.idHigh &&
        this.idLow === other.idLow &&
        this.typeName === other.typeName &&
        this.fields.length === other.fields.length &&
        this.fields.every((f, i) => f.fieldName === other.fields[i].fieldName && f.kind === other.fields[i].kind))
    );
  }

  toString(): string {
    return `Schema {typeName: ${this.typeName}, schemaId: ${this.idString()}, fields: [${this.fields.map((f) => `${f.fieldName}: ${fieldKindName(f.kind)}`).join(', ')}]}`;
  }
}
