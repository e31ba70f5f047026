// IdentifiedDataSerializable values as the member queries them: the value is read with the
// factory registered on the member for its factory id (the same kind of factory a client's
// `serialization.dataSerializableFactories` takes), and walked as a JavaScript object: its own
// properties are its fields. JavaScript has one number type, so the Java type of a number
// property is taken from the read that produced it: a property holding what `readInt` returned
// is an Integer, `readFloat` a Float, `readShort` a Short, `readByte` a Byte, `readChar` a
// Character, `readIntArray` an int[] ... (a value no read, or reads of two types, gave takes
// the type learned for the property from other values of the class, else it is a Double).
// Longs, strings, booleans, dates and the core's typed wrappers keep their own types.
import {
  HazelcastSerializationError,
  TypeId,
  isIdentifiedDataSerializable,
  type IdentifiedDataSerializable,
  type IdentifiedDataSerializableFactory,
  type ObjectDataInput,
  type Serializer,
} from '@hz/core';
import type { ValueAccessor } from '../accessor';
import { TypedValue, jv, type JKind } from '../java-values';
import { OBJECT_ACCESSOR } from '../object-accessor';
import { ArrayNode } from './array-node';

/** The Java type of a property, from the read that produced its value. */
interface ReadType {
  readonly kind: JKind;
  /** An array read (its elements have the kind). */
  readonly array: boolean;
}

interface Read extends ReadType {
  readonly value: unknown;
}

const SCALAR_READS: Readonly<Record<string, JKind>> = {
  readByte: 'byte',
  readShort: 'short',
  readInt: 'int',
  readUnsignedByte: 'int',
  readUnsignedShort: 'int',
  readFloat: 'float',
  readDouble: 'double',
  readChar: 'char',
  readString: 'string',
  readUTF: 'string',
};

const ARRAY_READS: Readonly<Record<string, JKind>> = {
  readByteArray: 'byte',
  readShortArray: 'short',
  readIntArray: 'int',
  readFloatArray: 'float',
  readDoubleArray: 'double',
  readCharArray: 'char',
};

/** An input that records what each typed read returned. */
function recording(input: ObjectDataInput, reads: Read[]): ObjectDataInput {
  return new Proxy(input, {
    get(target, property) {
      const member: unknown = Reflect.get(target, property, target);
      if (typeof member !== 'function') return member;
      const name = String(property);
      const scalar = SCALAR_READS[name];
      const array = ARRAY_READS[name];
      if (scalar === undefined && array === undefined) return (member as (...args: unknown[]) => unknown).bind(target);
      return (...args: unknown[]): unknown => {
        const value = (member as (...a: unknown[]) => unknown).apply(target, args);
        // A read at an absolute position (an argument) is not a field being read in order.
        if (args.length === 0) reads.push({ kind: (scalar ?? array) as JKind, array: array !== undefined, value });
        return value;
      };
    },
  });
}

/**
 * The Java types of an object's properties, from the reads of its readData. A property whose
 * value no read, or reads of several types, gave takes the type learned for that property from
 * other values of the class (Java types are the class's), if any.
 */
function typesOf(object: object, reads: readonly Read[], learned: Map<string, ReadType>): Map<string, ReadType> {
  const types = new Map<string, ReadType>();
  for (const [property, value] of Object.entries(object)) {
    let type: ReadType | undefined;
    if (typeof value === 'number' || typeof value === 'string') {
      const kinds = new Set<JKind>();
      for (const r of reads) if (!r.array && Object.is(r.value, value)) kinds.add(r.kind);
      const [kind] = kinds;
      if (kinds.size === 1) {
        // A string from readString stays a String (no type needed).
        type = { kind, array: false };
        learned.set(property, type);
      } else {
        const known = learned.get(property);
        if (known !== undefined && !known.array) type = known;
      }
      // A char is a one-character string, the other kinds numbers; a String needs no type.
      const fits = type !== undefined && type.kind !== 'string' && (type.kind === 'char') === (typeof value === 'string');
      if (!fits) type = undefined;
    } else if (typeof value === 'object' && value !== null && (Array.isArray(value) || ArrayBuffer.isView(value))) {
      type = reads.find((r) => r.array && r.value === value);
      if (type !== undefined) learned.set(property, { kind: type.kind, array: true });
      else if (learned.get(property)?.array === true) type = learned.get(property);
    }
    if (type !== undefined) types.set(property, type);
  }
  return types;
}

function typedArray(kind: JKind, values: ArrayLike<unknown>): unknown {
  const numbers = values as ArrayLike<number>;
  switch (kind) {
    case 'byte':
      return Int8Array.from(numbers);
    case 'short':
      return Int16Array.from(numbers);
    case 'int':
      return Int32Array.from(numbers);
    case 'float':
      return Float32Array.from(numbers);
    case 'double':
      return Float64Array.from(numbers);
    case 'char':
      return Uint16Array.from(Array.from(values as ArrayLike<string>, (c) => c.charCodeAt(0)));
    default:
      return Array.from(values);
  }
}

/**
 * The factories the member reads IdentifiedDataSerializable values with, by factory id, and the
 * Java types of what they read.
 */
export class IdentifiedReaders {
  private readonly factories = new Map<number, IdentifiedDataSerializableFactory>();
  private readonly types = new WeakMap<object, Map<string, ReadType>>();
  // The types learned per class (constructor), for values whose reads leave a property ambiguous.
  private readonly classTypes = new WeakMap<object, Map<string, ReadType>>();

  /** Registers (or replaces) the factory of a factory id. */
  register(factoryId: number, factory: IdentifiedDataSerializableFactory): void {
    if (!Number.isInteger(factoryId) || factoryId < -0x80000000 || factoryId > 0x7fffffff) {
      throw new RangeError(`factoryId must be a 32-bit integer, got ${factoryId}`);
    }
    if (typeof factory !== 'function') throw new TypeError(`The factory of factoryId ${factoryId} must be a function (classId) => object`);
    this.factories.set(factoryId, factory);
  }

  has(factoryId: number): boolean {
    return this.factories.has(factoryId);
  }

  /** Factory ids with a factory. */
  factoryIds(): number[] {
    return [...this.factories.keys()];
  }

  /** The Java type recorded for a property of a value this reader read. */
  typeOf(object: object, property: string): ReadType | undefined {
    return this.types.get(object)?.get(property);
  }

  /**
   * The IDS serializer (type id -2) of the member's serialization service: reads with the
   * registered factories, failing as a Java member does when there is none.
   */
  readonly serializer: Serializer<IdentifiedDataSerializable> = {
    id: TypeId.IDENTIFIED_DATA_SERIALIZABLE,
    write: (output, value) => {
      output.writeBoolean(true);
      output.writeInt(value.factoryId);
      output.writeInt(value.classId);
      value.writeData(output);
    },
    read: (input) => this.read(input),
  };

  private read(input: ObjectDataInput): IdentifiedDataSerializable {
    const identified = input.readBoolean();
    if (!identified) {
      throw new HazelcastSerializationError('Cannot read a DataSerializable that is not identified: the member has no Java classes', {
        typeId: TypeId.IDENTIFIED_DATA_SERIALIZABLE,
      });
    }
    const factoryId = input.readInt();
    const factory = this.factories.get(factoryId);
    if (factory === undefined) {
      throw new HazelcastSerializationError(`No DataSerializerFactory registered for namespace: ${factoryId}`, { typeId: TypeId.IDENTIFIED_DATA_SERIALIZABLE });
    }
    const classId = input.readInt();
    const value = factory(classId);
    if (value === null || value === undefined) {
      throw new HazelcastSerializationError(`${factory.name || 'The factory'} is not be able to create an instance for ID: ${classId} on factory ID: ${factoryId}`, {
        typeId: TypeId.IDENTIFIED_DATA_SERIALIZABLE,
      });
    }
    if (!isIdentifiedDataSerializable(value)) {
      throw new HazelcastSerializationError(`The factory ${factoryId} created a value for classId=${classId} that is not IdentifiedDataSerializable`, {
        typeId: TypeId.IDENTIFIED_DATA_SERIALIZABLE,
      });
    }
    const reads: Read[] = [];
    value.readData(recording(input, reads));
    const constructor = (value as object).constructor as object | undefined;
    let learned = constructor === undefined ? undefined : this.classTypes.get(constructor);
    if (learned === undefined) {
      learned = new Map();
      if (constructor !== undefined) this.classTypes.set(constructor, learned);
    }
    this.types.set(value, typesOf(value, reads, learned));
    return value;
  }

  /** Walks values read by {@link serializer}, with the Java types of their number properties. */
  readonly accessor: ValueAccessor<unknown> = {
    field: (node, name) => {
      if (node instanceof ArrayNode || node instanceof TypedValue) return undefined;
      const value = OBJECT_ACCESSOR.field(node, name);
      if (value === null || value === undefined || typeof node !== 'object' || node === null) return value;
      const type = this.typeOf(node, name);
      if (type === undefined) return value;
      if (!type.array) return jv(type.kind as never, value as never);
      const values = value as ArrayLike<unknown>;
      const items = Array.from(values, (v) => (type.kind === 'byte' ? jv('byte', ((v as number) << 24) >> 24) : jv(type.kind as never, v as never)));
      return new ArrayNode(items, typedArray(type.kind, type.kind === 'byte' ? Array.from(values as ArrayLike<number>, (b) => (b << 24) >> 24) : values));
    },
    elements: (node) => (node instanceof ArrayNode ? node.items : node instanceof TypedValue ? undefined : OBJECT_ACCESSOR.elements(node)),
    value: (node) => (node instanceof ArrayNode ? node.raw : node),
    classNames: (node) => OBJECT_ACCESSOR.classNames?.(node) ?? [],
  };
}
