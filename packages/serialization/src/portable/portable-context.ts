import { HazelcastSerializationError, type ObjectDataInput } from '@hz/core';
import { ClassDefinition, ClassDefinitionBuilder, FieldDefinition } from './class-definition';
import { ClassDefinitionWriter } from './portable-writer';
import { FieldType, isFieldType, type Portable } from './portable';

/**
 * The class definitions known to a serializer, by factory id, class id and version: registered
 * from the config, learned from the objects written and from the data read (Java
 * `PortableContextImpl`).
 */
export class PortableContext {
  private readonly definitions = new Map<number, Map<number, Map<number, ClassDefinition>>>();

  /** @param portableVersion the version of classes that do not declare their own */
  constructor(readonly portableVersion: number) {}

  /** The version a Portable is written with: its own `version`, else the configured one. */
  classVersionOf(portable: Portable): number {
    const version = (portable as { version?: unknown }).version;
    if (version === undefined) return this.portableVersion;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0 || version > 0x7fffffff) {
      throw new HazelcastSerializationError(
        `Invalid Portable version ${String(version)} of factoryId=${portable.factoryId} classId=${portable.classId}: it must be a non-negative integer`,
        { typeId: -1 },
      );
    }
    return version;
  }

  lookup(factoryId: number, classId: number, version: number): ClassDefinition | undefined {
    return this.definitions.get(factoryId)?.get(classId)?.get(version);
  }

  /**
   * Registers a class definition and the nested ones it refers to; returns the one already
   * registered under the same ids and version, which must be equal.
   */
  register(definition: ClassDefinition): ClassDefinition {
    for (const field of definition.fields) {
      if (field.classDefinition !== undefined) this.register(field.classDefinition);
    }
    let byClass = this.definitions.get(definition.factoryId);
    if (byClass === undefined) this.definitions.set(definition.factoryId, (byClass = new Map()));
    let byVersion = byClass.get(definition.classId);
    if (byVersion === undefined) byClass.set(definition.classId, (byVersion = new Map()));
    const existing = byVersion.get(definition.version);
    if (existing === undefined) {
      byVersion.set(definition.version, definition);
      return definition;
    }
    if (!existing.equals(definition)) {
      throw new HazelcastSerializationError(
        `Incompatible class definitions with the same factoryId, classId and version: ${existing.toString()} and ${definition.toString()}`,
        { typeId: -1 },
      );
    }
    return existing;
  }

  /** The class definition a Portable is written with: registered, or learned by running its writePortable once. */
  lookupOrRegister(portable: Portable, version = this.classVersionOf(portable)): ClassDefinition {
    const known = this.lookup(portable.factoryId, portable.classId, version);
    if (known !== undefined) return known;
    const writer = new ClassDefinitionWriter(this, new ClassDefinitionBuilder(portable.factoryId, portable.classId, version));
    portable.writePortable(writer);
    return this.register(writer.build());
  }

  /**
   * The class definition of a Portable body, read from its field table (the input is at the
   * body's first byte; its position is left anywhere). Registered unless the body has a null
   * nested Portable or an empty Portable array, whose class versions it cannot tell.
   */
  readFromData(input: ObjectDataInput, factoryId: number, classId: number, version: number): ClassDefinition {
    let complete = true;
    const builder = new ClassDefinitionBuilder(factoryId, classId, version);
    input.readInt(); // the end position
    const fieldCount = input.readInt();
    if (fieldCount < 0 || fieldCount * 4 > input.available()) {
      throw new HazelcastSerializationError(`Malformed Portable factoryId=${factoryId} classId=${classId}: ${fieldCount} fields`, { typeId: -1 });
    }
    const offset = input.position();
    for (let i = 0; i < fieldCount; i++) {
      input.position(input.readInt(offset + i * 4));
      const nameLength = input.readShort();
      let name = '';
      for (let k = 0; k < nameLength; k++) name += String.fromCharCode(input.readUnsignedByte());
      const type = input.readByte();
      if (!isFieldType(type)) {
        throw new HazelcastSerializationError(`Malformed Portable factoryId=${factoryId} classId=${classId}: field "${name}" has the unknown type ${type}`, { typeId: -1 });
      }
      let fieldFactoryId = 0;
      let fieldClassId = 0;
      let fieldVersion = version;
      if (type === FieldType.PORTABLE) {
        const isNull = input.readBoolean();
        fieldFactoryId = input.readInt();
        fieldClassId = input.readInt();
        if (isNull) {
          complete = false;
        } else {
          fieldVersion = input.readInt();
          this.readFromData(input, fieldFactoryId, fieldClassId, fieldVersion);
        }
      } else if (type === FieldType.PORTABLE_ARRAY) {
        const count = input.readInt();
        fieldFactoryId = input.readInt();
        fieldClassId = input.readInt();
        if (count > 0) {
          input.position(input.readInt(input.position()));
          fieldVersion = input.readInt();
          this.readFromData(input, fieldFactoryId, fieldClassId, fieldVersion);
        } else {
          complete = false;
        }
      }
      builder.addField(new FieldDefinition(i, name, type, fieldFactoryId, fieldClassId, fieldVersion));
    }
    const definition = builder.build();
    return complete ? this.register(definition) : definition;
  }
}
