import type { Member } from '@hz/core';

/** Item event types (the values on the wire, and of the official client's ItemEventType). */
export const ItemEventType = {
  ADDED: 1,
  REMOVED: 2,
} as const;

export type ItemEventType = (typeof ItemEventType)[keyof typeof ItemEventType];

/** An item was added to or removed from a queue (also a set or list). */
export class ItemEvent<E> {
  /**
   * @param name the name of the data structure
   * @param eventType ADDED or REMOVED
   * @param item the item; null when the listener was added without `includeValue`
   * @param member the member that fired the event; undefined when this client does not know it (it has left)
   */
  constructor(
    readonly name: string,
    readonly eventType: ItemEventType,
    readonly item: E | null,
    readonly member: Member | undefined,
  ) {}
}

/** Handles one item event. */
export type ItemEventListener<E> = (event: ItemEvent<E>) => void;

/** Item listener of a queue (also a set or list): either handler may be left out. */
export interface ItemListener<E> {
  /** Called when an item is added. */
  itemAdded?: ItemEventListener<E>;
  /** Called when an item is removed. */
  itemRemoved?: ItemEventListener<E>;
}
