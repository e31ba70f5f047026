// An array field of a Portable, Compact or IdentifiedDataSerializable value as the accessors
// walk it: its elements as typed nodes (an Integer of an int[], a nested record of a Portable[])
// and the array as a projection writes it back (int[] as int[], Portable[] as a list ...).
import { TypedValue, toWritable, type JValue } from '../java-values';

export class ArrayNode {
  constructor(
    /** The elements: typed values, nested records or objects, null. */
    readonly items: readonly unknown[],
    /** What the array is as a value (a projection's result): a typed array, BooleanArray, StringArray or a list. */
    readonly raw: unknown,
  ) {}
}

/** An element as a projection writes it: a typed value back to its Java type, anything else as it is. */
export function writableItem(item: unknown): unknown {
  return item instanceof TypedValue ? toWritable(item as JValue) : item;
}
