// IdentifiedDataSerializable: values that name their factory and class and write their own
// fields. Writing needs nothing registered, so the core does it (predicates, aggregators and
// projections of @hz/query are such values); reading needs the user's factories, which
// @hz/serialization provides.
import { describeType } from './describe-type';
import { HazelcastSerializationError } from './errors';
import type { ObjectDataInput } from './object-data-input';
import type { ObjectDataOutput } from './object-data-output';
import type { Serializer } from './serializer';
import { TypeId } from './type-ids';

/** A value serialized as IdentifiedDataSerializable (the official client's interface). */
export interface IdentifiedDataSerializable {
  readonly factoryId: number;
  readonly classId: number;
  /** Writes the fields, in the order `readData` reads them. */
  writeData(output: ObjectDataOutput): void;
  readData(input: ObjectDataInput): void;
}

/** Whether a value declares itself IdentifiedDataSerializable. */
export function isIdentifiedDataSerializable(value: unknown): value is IdentifiedDataSerializable {
  const v = value as Partial<IdentifiedDataSerializable> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.factoryId === 'number' &&
    typeof v.classId === 'number' &&
    typeof v.writeData === 'function' &&
    typeof v.readData === 'function'
  );
}

/** Writes the IDS header (the "identified" flag, factory id, class id), then the fields. */
export function writeIdentified(output: ObjectDataOutput, value: IdentifiedDataSerializable): void {
  output.writeBoolean(true);
  output.writeInt(value.factoryId);
  output.writeInt(value.classId);
  value.writeData(output);
}

/**
 * Creates an empty IdentifiedDataSerializable of a class of the factory, to read into; null or
 * undefined when the class is unknown (the official client's `IdentifiedDataSerializableFactory`).
 */
export type IdentifiedDataSerializableFactory = (classId: number) => IdentifiedDataSerializable | null | undefined;

/**
 * The IDS serializer (type id -2): writes any IdentifiedDataSerializable; reads with the
 * factories given (by factory id), which extensions contribute
 * (`SerializerExtension.dataSerializableFactories`).
 */
export function identifiedSerializer(factories: ReadonlyMap<number, IdentifiedDataSerializableFactory>): Serializer<IdentifiedDataSerializable> {
  return {
    id: TypeId.IDENTIFIED_DATA_SERIALIZABLE,
    write: writeIdentified,
    read(input: ObjectDataInput): IdentifiedDataSerializable {
      const identified = input.readBoolean();
      if (!identified) {
        throw new HazelcastSerializationError('Cannot read a DataSerializable that is not identified: Java-only classes have no JavaScript form', {
          typeId: TypeId.IDENTIFIED_DATA_SERIALIZABLE,
        });
      }
      const factoryId = input.readInt();
      const classId = input.readInt();
      const factory = factories.get(factoryId);
      if (factory === undefined) {
        throw new HazelcastSerializationError(
          `No factory to read IdentifiedDataSerializable factoryId=${factoryId} classId=${classId}: configure serialization.dataSerializableFactories[${factoryId}] (@hz/serialization)`,
          { typeId: TypeId.IDENTIFIED_DATA_SERIALIZABLE },
        );
      }
      let value: unknown;
      try {
        value = factory(classId);
      } catch (error) {
        throw new HazelcastSerializationError(
          `The IdentifiedDataSerializable factory ${factoryId} failed to create classId=${classId}: ${error instanceof Error ? error.message : String(error)}`,
          { typeId: TypeId.IDENTIFIED_DATA_SERIALIZABLE, cause: error },
        );
      }
      if (value == null) {
        throw new HazelcastSerializationError(
          `Unknown IdentifiedDataSerializable factoryId=${factoryId} classId=${classId}: the factory ${factoryId} created no object for classId=${classId}`,
          { typeId: TypeId.IDENTIFIED_DATA_SERIALIZABLE },
        );
      }
      if (!isIdentifiedDataSerializable(value)) {
        throw new HazelcastSerializationError(
          `The IdentifiedDataSerializable factory ${factoryId} created a ${describeType(value)} for classId=${classId}, which is not IdentifiedDataSerializable`,
          { typeId: TypeId.IDENTIFIED_DATA_SERIALIZABLE },
        );
      }
      value.readData(input);
      return value;
    },
  };
}

/**
 * The core's IDS serializer with no factories: writes any IdentifiedDataSerializable; reading
 * says which factory is missing.
 */
export const IDENTIFIED_WRITER: Serializer<IdentifiedDataSerializable> = /* @__PURE__ */ identifiedSerializer(new Map());
