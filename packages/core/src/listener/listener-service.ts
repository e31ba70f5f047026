import type { Logger } from '../logging/logger';
import type { InvocationService } from '../invocation/invocation-service';
import type { Connection } from '../network/connection';
import type { ClientMessage } from '../protocol/client-message';
import { UUID } from '../util/uuid';

/** How to add and remove one kind of listener on a member, and what to do with its events. */
export interface ListenerCodec {
  /** The add request; `localOnly` is true when the client listens on every member itself. */
  encodeAddRequest(localOnly: boolean): ClientMessage;
  /** The member's registration id from the add response. */
  decodeAddResponse(response: ClientMessage): UUID;
  encodeRemoveRequest(registrationId: UUID): ClientMessage;
  /** Called with each event message. */
  handle(event: ClientMessage): void;
}

interface Registration {
  codec: ListenerCodec;
  /** Per connection: the member's registration id and the correlation id its events carry. */
  onConnections: Map<Connection, { serverId: UUID; correlationId: number }>;
}

/**
 * Keeps listeners registered: on every member with smart routing (each member sends its local
 * events), on the one connection otherwise; registers again on new connections.
 */
export class ListenerService {
  private readonly registrations = new Map<string, Registration>();

  constructor(
    private readonly invocations: InvocationService,
    private readonly activeConnections: () => Connection[],
    private readonly smart: boolean,
    private readonly logger: Logger,
  ) {}

  /** Registers a listener; resolves with its id once a member has accepted it. */
  async registerListener(codec: ListenerCodec): Promise<string> {
    const id = UUID.random().toString();
    const registration: Registration = { codec, onConnections: new Map() };
    this.registrations.set(id, registration);
    const targets = this.smart ? this.activeConnections() : this.activeConnections().slice(0, 1);
    try {
      await Promise.all(targets.map((c) => this.registerOn(registration, c)));
    } catch (error) {
      this.registrations.delete(id);
      throw error;
    }
    return id;
  }

  /** Removes a listener; false when the id is unknown. */
  async deregisterListener(id: string): Promise<boolean> {
    const registration = this.registrations.get(id);
    if (!registration) return false;
    this.registrations.delete(id);
    await Promise.all(
      [...registration.onConnections].map(async ([connection, { serverId, correlationId }]) => {
        this.invocations.removeEventHandler(correlationId);
        if (!connection.isAlive()) return;
        try {
          await this.invocations.invokeOnConnection(registration.codec.encodeRemoveRequest(serverId), connection);
        } catch (error) {
          this.logger.debug({ err: error }, 'removing a listener from a member failed');
        }
      }),
    );
    return true;
  }

  private async registerOn(registration: Registration, connection: Connection): Promise<void> {
    if (registration.onConnections.has(connection)) return;
    const request = registration.codec.encodeAddRequest(this.smart);
    const response = await this.invocations.invokeOnConnection(request, connection, (event) => registration.codec.handle(event));
    registration.onConnections.set(connection, { serverId: registration.codec.decodeAddResponse(response), correlationId: request.correlationId });
  }

  /** @internal A new connection: the listeners go there too (smart), or move there (unisocket). */
  connectionAdded(connection: Connection): void {
    for (const registration of this.registrations.values()) {
      if (!this.smart && [...registration.onConnections.keys()].some((c) => c.isAlive())) continue;
      this.registerOn(registration, connection).catch((error) => this.logger.warn({ err: error }, `registering a listener on ${connection.toString()} failed`));
    }
  }

  /** @internal */
  connectionRemoved(connection: Connection): void {
    for (const registration of this.registrations.values()) {
      const on = registration.onConnections.get(connection);
      if (on) {
        this.invocations.removeEventHandler(on.correlationId);
        registration.onConnections.delete(connection);
      }
    }
    if (!this.smart) {
      const next = this.activeConnections().find((c) => c !== connection);
      if (next) this.connectionAdded(next);
    }
  }
}
