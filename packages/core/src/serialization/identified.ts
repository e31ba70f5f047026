// IdentifiedDataSerializable: values that name their factory and class and write their own
// fields. Writing needs nothing registered, so the core does it (predicates, aggregators and
// projections of @hz/query are such values); reading needs the user's factories, which
// @hz/serialization provides.
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
 * The core's IDS serializer: writes any IdentifiedDataSerializable; reading says which
 * factory is missing (@hz/serialization, configured with the factories, reads them).
 */
export const IDENTIFIED_WRITER: Serializer<IdentifiedDataSerializable> = {
  id: TypeId.IDENTIFIED_DATA_SERIALIZABLE,
  write: writeIdentified,
  read(input: ObjectDataInput): IdentifiedDataSerializable {
    const identified = input.readBoolean();
    const factoryId = input.readInt();
    const classId = input.readInt();
    throw new HazelcastSerializationError(
      identified
        ? `No factory to read IdentifiedDataSerializable factoryId=${factoryId} classId=${classId}: configure serialization.dataSerializableFactories (@hz/serialization)`
        : 'Cannot read a DataSerializable that is not identified: Java-only classes have no JavaScript form',
      { typeId: TypeId.IDENTIFIED_DATA_SERIALIZABLE },
    );
  },
};
