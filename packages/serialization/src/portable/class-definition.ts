import { HazelcastSerializationError } from '@hz/core';
import { FieldType, fieldTypeName, isFieldType } from './portable';

/** One named field of a Portable class definition (Java `FieldDefinition`). */
export class FieldDefinition {
  // The field header as written before the value: short name length, ASCII name, type byte;
  // built once per byte order (positions 0: little-endian, 1: big-endian).
  private readonly headers: [Buffer | undefined, Buffer | undefined] = [undefined, undefined];

  /**
   * @param index position in the class definition: the field's slot in the position table
   * @param factoryId for PORTABLE and PORTABLE_ARRAY fields, the nested class's factory (else 0)
   * @param classId for PORTABLE and PORTABLE_ARRAY fields, the nested class (else 0)
   * @param version for PORTABLE and PORTABLE_ARRAY fields, the nested class definition's version
   * @param classDefinition for PORTABLE and PORTABLE_ARRAY fields built from one, the nested class definition
   */
  constructor(
    readonly index: number,
    readonly name: string,
    readonly type: FieldType,
    readonly factoryId = 0,
    readonly classId = 0,
    readonly version = 0,
    readonly classDefinition?: ClassDefinition,
  ) {}

  getIndex(): number {
    return this.index;
  }

  getName(): string {
    return this.name;
  }

  getType(): FieldType {
    return this.type;
  }

  getFactoryId(): number {
    return this.factoryId;
  }

  getClassId(): number {
    return this.classId;
  }

  getVersion(): number {
    return this.version;
  }

  /** @internal The bytes that start the field in a Portable body. */
  header(bigEndian: boolean): Buffer {
    const slot = bigEndian ? 1 : 0;
    const cached = this.headers[slot];
    if (cached !== undefined) return cached;
    const header = Buffer.alloc(2 + this.name.length + 1);
    if (bigEndian) header.writeInt16BE(this.name.length, 0);
    else header.writeInt16LE(this.name.length, 0);
    // Java writes the name with writeBytes: the low byte of each UTF-16 code unit.
    for (let i = 0; i < this.name.length; i++) header[2 + i] = this.name.charCodeAt(i);
    header[2 + this.name.length] = this.type;
    this.headers[slot] = header;
    return header;
  }

  /** Same index, name, type and nested class (the nested version may differ between writers). */
  equals(other: FieldDefinition): boolean {
    return (
      this.index === other.index &&
      this.name === other.name &&
      this.type === other.type &&
      this.factoryId === other.factoryId &&
      this.classId === other.classId
    );
  }

  toString(): string {
    const nested = this.type === FieldType.PORTABLE || this.type === FieldType.PORTABLE_ARRAY ? `, factoryId=${this.factoryId}, classId=${this.classId}` : '';
    return `${this.name}: ${fieldTypeName(this.type)} (index ${this.index}${nested})`;
  }
}

/**
 * The fields of one version of a Portable class: names, types and order (Java
 * `ClassDefinition`). Learned from the first object written or read, or registered up front
 * (`serialization.classDefinitions`), which writing a null nested Portable needs.
 */
export class ClassDefinition {
  private readonly byName: Map<string, FieldDefinition>;

  /** @param fields in index order */
  constructor(
    readonly factoryId: number,
    readonly classId: number,
    readonly version: number,
    readonly fields: readonly FieldDefinition[],
  ) {
    this.byName = new Map(fields.map((f) => [f.name, f]));
  }

  getFactoryId(): number {
    return this.factoryId;
  }

  getClassId(): number {
    return this.classId;
  }

  getVersion(): number {
    return this.version;
  }

  getFieldCount(): number {
    return this.fields.length;
  }

  /** The field with that name, or by index; undefined when there is none. */
  getField(nameOrIndex: string | number): FieldDefinition | undefined {
    return typeof nameOrIndex === 'number' ? this.fields[nameOrIndex] : this.byName.get(nameOrIndex);
  }

  hasField(fieldName: string): boolean {
    return this.byName.has(fieldName);
  }

  getFieldNames(): string[] {
    return this.fields.map((f) => f.name);
  }

  /** Throws a HazelcastSerializationError when there is no such field. */
  getFieldType(fieldName: string): FieldType {
    const field = this.byName.get(fieldName);
    if (field === undefined) throw new HazelcastSerializationError(`Unknown field name: '${fieldName}' for ${this.toString()}`, { typeId: -1 });
    return field.type;
  }

  /** Same ids, version and fields. */
  equals(other: ClassDefinition): boolean {
    return (
      this === other ||
      (this.factoryId === other.factoryId &&
        this.classId === other.classId &&
        this.version === other.version &&
        this.fields.length === other.fields.length &&
        this.fields.every((f, i) => f.equals(other.fields[i])))
    );
  }

  toString(): string {
    return `ClassDefinition {factoryId: ${this.factoryId}, classId: ${this.classId}, version: ${this.version}, fields: [${this.fields.map((f) => f.toString()).join(', ')}]}`;
  }
}

/**
 * Builds a {@link ClassDefinition} field by field, in index order (Java
 * `ClassDefinitionBuilder`). Register it with `serialization.classDefinitions`.
 */
export class ClassDefinitionBuilder {
  private readonly fields: FieldDefinition[] = [];
  private built = false;

  constructor(
    readonly factoryId: number,
    readonly classId: number,
    readonly version = 0,
  ) {
    for (const [name, value] of [
      ['factoryId', factoryId],
      ['classId', classId],
      ['version', version],
    ] as const) {
      if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
        throw new RangeError(`ClassDefinitionBuilder ${name} must be a 32-bit integer, got ${String(value)}`);
      }
    }
    if (version < 0) throw new RangeError(`ClassDefinitionBuilder version cannot be negative, got ${version}`);
  }

  addIntField(fieldName: string): this {
    return this.add(fieldName, FieldType.INT);
  }

  addLongField(fieldName: string): this {
    return this.add(fieldName, FieldType.LONG);
  }

  /** @deprecated The Hazelcast 4.1 name of {@link addStringField}. */
  addUTFField(fieldName: string): this {
    return this.add(fieldName, FieldType.UTF);
  }

  addStringField(fieldName: string): this {
    return this.add(fieldName, FieldType.UTF);
  }

  addBooleanField(fieldName: string): this {
    return this.add(fieldName, FieldType.BOOLEAN);
  }

  addByteField(fieldName: string): this {
    return this.add(fieldName, FieldType.BYTE);
  }

  addCharField(fieldName: string): this {
    return this.add(fieldName, FieldType.CHAR);
  }

  addDoubleField(fieldName: string): this {
    return this.add(fieldName, FieldType.DOUBLE);
  }

  addFloatField(fieldName: string): this {
    return this.add(fieldName, FieldType.FLOAT);
  }

  addShortField(fieldName: string): this {
    return this.add(fieldName, FieldType.SHORT);
  }

  addDecimalField(fieldName: string): this {
    return this.add(fieldName, FieldType.DECIMAL);
  }

  addTimeField(fieldName: string): this {
    return this.add(fieldName, FieldType.TIME);
  }

  addDateField(fieldName: string): this {
    return this.add(fieldName, FieldType.DATE);
  }

  addTimestampField(fieldName: string): this {
    return this.add(fieldName, FieldType.TIMESTAMP);
  }

  addTimestampWithTimezoneField(fieldName: string): this {
    return this.add(fieldName, FieldType.TIMESTAMP_WITH_TIMEZONE);
  }

  addByteArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.BYTE_ARRAY);
  }

  addBooleanArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.BOOLEAN_ARRAY);
  }

  addCharArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.CHAR_ARRAY);
  }

  addIntArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.INT_ARRAY);
  }

  addLongArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.LONG_ARRAY);
  }

  addDoubleArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.DOUBLE_ARRAY);
  }

  addFloatArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.FLOAT_ARRAY);
  }

  addShortArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.SHORT_ARRAY);
  }

  /** @deprecated The Hazelcast 4.1 name of {@link addStringArrayField}. */
  addUTFArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.UTF_ARRAY);
  }

  addStringArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.UTF_ARRAY);
  }

  addDecimalArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.DECIMAL_ARRAY);
  }

  addTimeArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.TIME_ARRAY);
  }

  addDateArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.DATE_ARRAY);
  }

  addTimestampArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.TIMESTAMP_ARRAY);
  }

  addTimestampWithTimezoneArrayField(fieldName: string): this {
    return this.add(fieldName, FieldType.TIMESTAMP_WITH_TIMEZONE_ARRAY);
  }

  /** A nested Portable of the class that `classDefinition` defines. */
  addPortableField(fieldName: string, classDefinition: ClassDefinition): this {
    return this.addNested(fieldName, FieldType.PORTABLE, classDefinition);
  }

  /** An array of Portables of the class that `classDefinition` defines. */
  addPortableArrayField(fieldName: string, classDefinition: ClassDefinition): this {
    return this.addNested(fieldName, FieldType.PORTABLE_ARRAY, classDefinition);
  }

  /** A field built elsewhere; its index must be the next one. */
  addField(field: FieldDefinition): this {
    this.checkOpen();
    if (field.index !== this.fields.length) {
      throw new HazelcastSerializationError(`Invalid field index ${field.index} for field '${field.name}': the next index is ${this.fields.length}`, {
        typeId: -1,
      });
    }
    this.checkName(field.name);
    if (!isFieldType(field.type)) throw new HazelcastSerializationError(`Invalid field type ${String(field.type)} for field '${field.name}'`, { typeId: -1 });
    this.fields.push(field);
    return this;
  }

  build(): ClassDefinition {
    this.checkOpen();
    this.built = true;
    return new ClassDefinition(this.factoryId, this.classId, this.version, this.fields);
  }

  /** Fields added so far. */
  getFieldCount(): number {
    return this.fields.length;
  }

  private add(fieldName: string, type: FieldType): this {
    return this.addField(new FieldDefinition(this.fields.length, fieldName, type));
  }

  private addNested(fieldName: string, type: FieldType, classDefinition: ClassDefinition): this {
    if (!(classDefinition instanceof ClassDefinition)) {
      throw new HazelcastSerializationError(`Field '${fieldName}' needs the ClassDefinition of its nested Portable class`, { typeId: -1 });
    }
    if (classDefinition.classId === 0) throw new HazelcastSerializationError(`Portable class id cannot be zero (field '${fieldName}')`, { typeId: -1 });
    return this.addField(
      new FieldDefinition(this.fields.length, fieldName, type, classDefinition.factoryId, classDefinition.classId, classDefinition.version, classDefinition),
    );
  }

  private checkName(fieldName: string): void {
    if (typeof fieldName !== 'string' || fieldName.length === 0) throw new HazelcastSerializationError('A Portable field needs a non-empty name', { typeId: -1 });
    if (fieldName.length > 0x7fff) throw new HazelcastSerializationError(`Portable field name too long: ${fieldName.length} characters`, { typeId: -1 });
    if (this.fields.some((f) => f.name === fieldName)) {
      throw new HazelcastSerializationError(`Field '${fieldName}' already exists in class definition ${this.factoryId}/${this.classId}`, { typeId: -1 });
    }
  }

  private checkOpen(): void {
    if (this.built) throw new HazelcastSerializationError('ClassDefinition is already built', { typeId: -1 });
  }
}
