import type { Data } from '@hz/core';

/**
 * A read-only list that deserializes each element when it is first read (the official
 * client's ReadOnlyLazyList): `values()` of a large map costs nothing for what is not read.
 */
export class ReadOnlyLazyList<T> implements Iterable<T> {
  private readonly items: Array<Data | T>;
  private readonly read: boolean[];

  /** @internal */
  constructor(
    items: readonly Data[],
    private readonly toObject: (data: Data) => T,
  ) {
    this.items = [...items];
    this.read = new Array<boolean>(items.length).fill(false);
  }

  /** The element at `index`, or undefined past the end. */
  get(index: number): T | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.items.length) return undefined;
    if (!this.read[index]) {
      this.items[index] = this.toObject(this.items[index] as Data);
      this.read[index] = true;
    }
    return this.items[index] as T;
  }

  /** The number of elements. */
  size(): number {
    return this.items.length;
  }

  /** The elements from `start` to `end` (exclusive), as a new lazy list. */
  slice(start: number, end?: number): ReadOnlyLazyList<T> {
    const out = new ReadOnlyLazyList<T>([], this.toObject);
    const from = start < 0 ? Math.max(0, this.items.length + start) : Math.min(start, this.items.length);
    const to = end === undefined ? this.items.length : end < 0 ? Math.max(0, this.items.length + end) : Math.min(end, this.items.length);
    for (let i = from; i < to; i++) {
      out.items.push(this.items[i]);
      out.read.push(this.read[i]);
    }
    return out;
  }

  /** Every element, deserialized, in a new array. */
  toArray(): T[] {
    return Array.from({ length: this.items.length }, (_, i) => this.get(i) as T);
  }

  /** The elements, in order. */
  values(): IterableIterator<T> {
    return this[Symbol.iterator]();
  }

  /** The elements, in order: `for (const v of list)`. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.items.length; i++) yield this.get(i) as T;
  }
}
