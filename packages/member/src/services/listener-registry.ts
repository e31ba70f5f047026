import { UUID } from '@hz/core';
import { ClientMessage } from '@hz/core/codec';
import type { Member } from '../cluster/member';
import type { ClientConnection } from '../network/connection';

/** A client's listener registration: where its events go and with which correlation id. */
export interface Registration<T> {
  readonly id: UUID;
  readonly idString: string;
  readonly connection: ClientConnection;
  readonly correlationId: number;
  /** The member that took the registration. */
  readonly member: Member;
  /** Events only for what that member owns (smart clients register on every member so). */
  readonly localOnly: boolean;
  readonly details: T;
}

/**
 * Registrations of one kind of listener. They go away with their connection, as a member drops
 * a client's listeners when its connection closes.
 */
export class ListenerRegistry<T> {
  private readonly byId = new Map<string, Registration<T>>();

  add(connection: ClientConnection, correlationId: number, member: Member, localOnly: boolean, details: T): Registration<T> {
    const id = UUID.random();
    const r: Registration<T> = { id, idString: id.toString(), connection, correlationId, member, localOnly, details };
    this.byId.set(r.idString, r);
    return r;
  }

  /** Removes a registration; false when there is none with that id (for that connection's client). */
  remove(id: UUID, filter?: (r: Registration<T>) => boolean): boolean {
    const key = id.toString();
    const r = this.byId.get(key);
    if (r === undefined || (filter !== undefined && !filter(r))) return false;
    this.byId.delete(key);
    return true;
  }

  removeWhere(filter: (r: Registration<T>) => boolean): number {
    let n = 0;
    for (const [k, r] of this.byId) {
      if (filter(r)) {
        this.byId.delete(k);
        n++;
      }
    }
    return n;
  }

  onConnectionClosed(connection: ClientConnection): void {
    this.removeWhere((r) => r.connection === connection);
  }

  all(): IterableIterator<Registration<T>> {
    return this.byId.values();
  }

  get size(): number {
    return this.byId.size;
  }
}

/** Sends one event to several registrations: one encoding, a copy per registration for its correlation id. */
export function sendEvent(
  event: ClientMessage,
  targets: Iterable<{ readonly connection: ClientConnection; readonly correlationId: number }>,
  partitionId = -1,
): void {
  let first = true;
  for (const r of targets) {
    if (r.connection.isClosed) continue;
    const m = first ? event : copyMessage(event);
    first = false;
    m.correlationId = r.correlationId;
    m.partitionId = partitionId;
    r.connection.write(m);
  }
}

function copyMessage(m: ClientMessage): ClientMessage {
  return new ClientMessage(Buffer.from(m.buffer));
}
