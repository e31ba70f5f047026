import { HeapData } from '@hz/core';
import type { Cluster } from '../../cluster/cluster';
import { encodeQueueAddListenerItemEvent } from '../../codec';
import { ListenerRegistry, sendEvent, type Registration } from '../listener-registry';

/** Item event types on the wire (Java's ItemEventType). */
export const ItemEventType = {
  ADDED: 1,
  REMOVED: 2,
} as const;

export type ItemEventTypeValue = (typeof ItemEventType)[keyof typeof ItemEventType];

export interface ItemListenerDetails {
  readonly queueName: string;
  readonly includeValue: boolean;
}

/**
 * Item listener registrations of queues, and their events. An event comes from the owner of
 * the queue's partition, as on a member: a registration made with localOnly (a smart client
 * registers on every member) hears it only from that member, so the client hears it once.
 */
export class QueueEventPublisher {
  readonly registrations = new ListenerRegistry<ItemListenerDetails>();

  constructor(private readonly cluster: Cluster) {}

  publish(queueName: string, partitionId: number, eventType: ItemEventTypeValue, item: Buffer): void {
    if (this.registrations.size === 0) return;
    const owner = this.cluster.partitionTable.ownerOf(partitionId);
    const source = this.cluster.memberByUuid(owner) ?? this.cluster.members[0];
    if (source === undefined) return;
    const withValue: Array<Registration<ItemListenerDetails>> = [];
    const withoutValue: Array<Registration<ItemListenerDetails>> = [];
    for (const r of this.registrations.all()) {
      if (r.details.queueName !== queueName || (r.localOnly && r.member !== source)) continue;
      (r.details.includeValue ? withValue : withoutValue).push(r);
    }
    // One encoding per kind, a copy per registration (sendEvent).
    if (withValue.length > 0) sendEvent(encodeQueueAddListenerItemEvent(new HeapData(item), source.uuid, eventType), withValue, partitionId);
    if (withoutValue.length > 0) sendEvent(encodeQueueAddListenerItemEvent(null, source.uuid, eventType), withoutValue, partitionId);
  }

  /** A destroyed queue loses its listeners, as on a member. */
  removeQueue(queueName: string): void {
    this.registrations.removeWhere((r) => r.details.queueName === queueName);
  }
}
