import type { Logger } from '../logging/logger';
import { decodeErrorResponse, ERROR_RESPONSE_TYPE } from '../codec/errors';
import type { ResolvedConfig } from '../config/resolve-config';
import {
  ClientNotActiveError,
  ClientOfflineError,
  HazelcastOverloadError,
  IllegalStateError,
  IOError,
  IndeterminateOperationStateError,
  OperationTimeoutError,
  TargetDisconnectedError,
  createErrorFromServer,
  isRetryableError,
} from '../errors';
import type { Connection } from '../network/connection';
import type { PartitionService } from '../partition/partition-service';
import type { ClientMessage } from '../protocol/client-message';
import { BACKUP_AWARE_FLAG } from '../protocol/constants';
import { Invocation, type InvocationTarget } from './invocation';

/** What the invocation service needs to know of the connections. */
export interface ConnectionRegistry {
  getConnection(uuid: import('../util/uuid').UUID): Connection | undefined;
  /** A connection chosen by the load balancer, or any, or none. */
  getRandomConnection(): Connection | undefined;
  /** Whether the client is between clusters in ASYNC reconnect mode (operations fail fast). */
  isOfflineFailFast(): boolean;
}

const SWEEP_INTERVAL_MILLIS = 100;

/** One target object per partition id, shared by all invocations (targets are never changed). */
const partitionTargets: InvocationTarget[] = [];
function partitionTarget(partitionId: number): InvocationTarget {
  if (partitionId < 0 || partitionId >= 65_536) return { partitionId };
  return (partitionTargets[partitionId] ??= { partitionId });
}

/**
 * Sends requests and matches responses by correlation id. Routes by partition owner, target
 * member or load balancer; retries what may be retried; holds responses until their backups
 * are acknowledged; caps the number of pending invocations.
 */
export class InvocationService {
  private readonly pending = new Map<number, Invocation>();
  private nextCorrelationId = 1;
  private readonly waitingForRoom: Array<{ start: () => void; fail: (e: Error) => void; deadline: number }> = [];
  private sweepTimer: NodeJS.Timeout | null = null;
  private shutdownError: Error | null = null;
  /** Set once the client listens to backup acknowledgements. */
  backupAcksEnabled = false;
  /** Backup acknowledgements received so far. */
  backupAcksReceived = 0;

  constructor(
    private readonly config: ResolvedConfig,
    private readonly connections: ConnectionRegistry,
    private readonly partitions: PartitionService,
    private readonly logger: Logger,
    private readonly isRunning: () => boolean,
  ) {}

  start(): void {
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_INTERVAL_MILLIS);
    this.sweepTimer.unref();
  }

  /** Sends to the owner of a partition; `timeoutMillis` overrides the invocation timeout (blocking calls). */
  invokeOnPartition(request: ClientMessage, partitionId: number, timeoutMillis?: number): Promise<ClientMessage> {
    return this.invoke(request, partitionTarget(partitionId), undefined, timeoutMillis);
  }

  /**
   * {@link invokeOnPartition}, resolving with `decode(response)`: the response is decoded as it
   * is read, so the caller needs no async step of its own between the response and its result.
   * What `decode` throws rejects the returned promise.
   */
  invokeOnPartitionAndDecode<T>(request: ClientMessage, partitionId: number, decode: (response: ClientMessage) => T, timeoutMillis?: number): Promise<T> {
    return this.startInvocation<T>(request, partitionTarget(partitionId), undefined, timeoutMillis, decode);
  }

  /** Sends to a member. */
  invokeOnMember(request: ClientMessage, uuid: import('../util/uuid').UUID): Promise<ClientMessage> {
    return this.invoke(request, { uuid });
  }

  /** Sends on a given connection only (authentication, listener registration, heartbeats). */
  invokeOnConnection(request: ClientMessage, connection: Connection, eventHandler?: (event: ClientMessage) => void): Promise<ClientMessage> {
    return this.invoke(request, { connection }, eventHandler);
  }

  /** Sends to a member chosen by the load balancer. */
  invokeOnRandom(request: ClientMessage): Promise<ClientMessage> {
    return this.invoke(request, {});
  }

  /**
   * Sends a request; resolves with its response or rejects with a typed error. It is retried
   * until `timeoutMillis` (the configured invocation timeout by default) has passed.
   */
  invoke(request: ClientMessage, target: InvocationTarget, eventHandler?: (event: ClientMessage) => void, timeoutMillis?: number): Promise<ClientMessage> {
    return this.startInvocation<ClientMessage>(request, target, eventHandler, timeoutMillis, null);
  }

  private startInvocation<T>(
    request: ClientMessage,
    target: InvocationTarget,
    eventHandler: ((event: ClientMessage) => void) | undefined,
    timeoutMillis: number | undefined,
    decode: ((response: ClientMessage) => T) | null,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.shutdownError) {
        reject(this.shutdownError);
        return;
      }
      if (request.recycled) {
        reject(new IllegalStateError('This request was sent and answered already and its buffer reused: encode a new one'));
        return;
      }
      const invocation = new Invocation(request, target, timeoutMillis ?? this.config.invocationTimeoutMillis, resolve as (value: unknown) => void, reject);
      invocation.eventHandler = eventHandler ?? null;
      invocation.decode = decode;
      if (target.partitionId !== undefined) request.partitionId = target.partitionId;
      if (this.pending.size < this.config.maxConcurrentInvocations) {
        this.send(invocation);
      } else if (this.config.invocationBackoffTimeoutMillis < 0) {
        reject(new HazelcastOverloadError(`Too many pending invocations: ${this.pending.size} (hazelcast.client.max.concurrent.invocations)`));
      } else {
        this.waitingForRoom.push({
          start: () => this.send(invocation),
          fail: reject,
          deadline: Date.now() + this.config.invocationBackoffTimeoutMillis,
        });
      }
    });
  }

  private send(inv: Invocation): void {
    if (this.shutdownError) {
      this.settle(inv, this.shutdownError);
      return;
    }
    const connection = this.chooseConnection(inv);
    if (!connection) {
      const error = this.connections.isOfflineFailFast()
        ? new ClientOfflineError('The client is not connected to the cluster (reconnect mode ASYNC)')
        : inv.target.connection
          ? new TargetDisconnectedError('The connection of this invocation is closed')
          : new IOError('No connection to the cluster to send the invocation on');
      this.retryOrFail(inv, error);
      return;
    }
    if (inv.correlationId >= 0) this.pending.delete(inv.correlationId);
    inv.correlationId = this.nextCorrelationId++;
    inv.request.correlationId = inv.correlationId;
    inv.attempts++;
    if (this.backupAcksEnabled && inv.target.connection === undefined) inv.request.setFlag(BACKUP_AWARE_FLAG, true);
    this.pending.set(inv.correlationId, inv);
    inv.sentOn = connection;
    if (!connection.write(inv.request)) {
      this.pending.delete(inv.correlationId);
      this.retryOrFail(inv, new TargetDisconnectedError(`${connection.toString()} closed before the request was sent`));
    }
  }

  private chooseConnection(inv: Invocation): Connection | undefined {
    const t = inv.target;
    if (t.connection) return t.connection.isAlive() ? t.connection : undefined;
    if (this.config.network.smartRouting) {
      if (t.uuid) return this.connections.getConnection(t.uuid);
      if (t.partitionId !== undefined && t.partitionId >= 0) {
        const owner = this.partitions.getPartitionOwner(t.partitionId);
        const c = owner && this.connections.getConnection(owner);
        if (c) return c;
      }
    }
    return this.connections.getRandomConnection();
  }

  /** Routes a message read from a connection: a response, an event or a backup acknowledgement. */
  handleMessage(message: ClientMessage): void {
    const id = message.correlationId;
    if (message.isBackupEvent()) {
      this.handleBackupAck(message);
      return;
    }
    const inv = this.pending.get(id);
    if (message.isEvent()) {
      if (inv?.eventHandler) {
        try {
          inv.eventHandler(message);
        } catch (error) {
          this.logger.warn({ err: error }, 'event handler threw');
        }
      }
      return;
    }
    if (!inv) {
      this.logger.debug(`response for unknown correlation id ${id}`);
      return;
    }
    if (message.messageType === ERROR_RESPONSE_TYPE) {
      this.pending.delete(id);
      this.retryOrFail(inv, createErrorFromServer(decodeErrorResponse(message)));
      return;
    }
    const backups = message.backupAcks;
    if (backups > 0 && this.backupAcksEnabled) {
      inv.response = message;
      inv.pendingBackups += backups;
      inv.backupDeadline = Date.now() + this.config.operationBackupTimeoutMillis;
      if (inv.pendingBackups <= 0) this.complete(inv, message);
      return;
    }
    this.complete(inv, message);
  }

  /** A backup acknowledgement arrives as a backup event carrying the original correlation id. */
  private handleBackupAck(event: ClientMessage): void {
    const c = event.cursor();
    c.next();
    const sourceId = c.long(16).toNumber();
    this.backupAcksReceived++;
    const inv = this.pending.get(sourceId);
    if (!inv) return;
    inv.pendingBackups--;
    if (inv.response && inv.pendingBackups <= 0) this.complete(inv, inv.response);
  }

  private complete(inv: Invocation, response: ClientMessage): void {
    if (!inv.eventHandler) this.pending.delete(inv.correlationId);
    if (inv.settled) return;
    inv.settled = true;
    // The answer means the member read the whole request, so its buffer can serve the next
    // one; not after a retry, when an earlier connection's socket may still hold it, nor for a
    // listener registration, whose correlation id keeps routing its events.
    if (inv.attempts === 1 && inv.eventHandler === null) inv.request.recycle();
    if (inv.decode === null) {
      inv.resolve(response);
    } else {
      try {
        inv.resolve(inv.decode(response));
      } catch (error) {
        inv.reject(error as Error);
      }
    }
    this.admitWaiting();
  }

  private settle(inv: Invocation, error: Error): void {
    this.pending.delete(inv.correlationId);
    if (inv.settled) return;
    inv.settled = true;
    inv.reject(error);
    this.admitWaiting();
  }

  private admitWaiting(): void {
    while (this.waitingForRoom.length > 0 && this.pending.size < this.config.maxConcurrentInvocations) {
      this.waitingForRoom.shift()!.start();
    }
  }

  /** Retries when the error and the request allow it and time remains; fails otherwise. */
  private retryOrFail(inv: Invocation, error: Error): void {
    if (!this.isRunning() && this.shutdownError) {
      this.settle(inv, this.shutdownError);
      return;
    }
    const pinned = inv.target.connection !== undefined;
    const retryable = isRetryableError(error, {
      boundToConnection: pinned,
      targetsMember: inv.target.uuid !== undefined,
      requestRetryable: inv.request.retryable,
      redoOperation: this.config.network.redoOperation,
    });
    const canRetry = !pinned && !(error instanceof ClientOfflineError) && retryable;
    const retry = canRetry && Date.now() + this.config.invocationRetryPauseMillis < inv.deadline;
    if (!retry) {
      if (canRetry) {
        this.settle(inv, new OperationTimeoutError(`Invocation timed out after ${this.config.invocationTimeoutMillis} ms and ${inv.attempts} tries: ${error.message}`, { cause: error }));
      } else {
        this.settle(inv, error);
      }
      return;
    }
    this.pending.delete(inv.correlationId);
    // The first tries go again at once (a fresh connection is often there); then with a pause.
    const pause = inv.attempts <= 5 ? 0 : this.config.invocationRetryPauseMillis;
    setTimeout(() => this.send(inv), pause);
  }

  /** The connection closed: what was in flight on it fails or is retried elsewhere. */
  connectionClosed(connection: Connection, cause: Error): void {
    for (const inv of [...this.pending.values()]) {
      if (inv.sentOn !== connection) continue;
      if (inv.eventHandler && inv.settled) {
        this.pending.delete(inv.correlationId); // the listener service registers again elsewhere
        continue;
      }
      if (inv.response) {
        // The response is here; only backup acks were missing.
        this.complete(inv, inv.response);
        continue;
      }
      this.pending.delete(inv.correlationId);
      this.retryOrFail(inv, new TargetDisconnectedError(`${connection.toString()} closed: ${cause.message}`, { cause }));
    }
  }

  /** Stops listening for events with the given registration correlation id. */
  removeEventHandler(correlationId: number): void {
    const inv = this.pending.get(correlationId);
    if (inv?.eventHandler) this.pending.delete(correlationId);
  }

  /** Number of invocations waiting for a response (listener registrations included). */
  pendingCount(): number {
    return this.pending.size;
  }

  private sweep(): void {
    const now = Date.now();
    for (const inv of this.pending.values()) {
      if (inv.response && !inv.settled && now >= inv.backupDeadline) {
        if (this.config.failOnIndeterminateOperationState) {
          this.settle(inv, new IndeterminateOperationStateError(`Backup acknowledgements missing after ${this.config.operationBackupTimeoutMillis} ms`));
        } else {
          this.complete(inv, inv.response);
        }
      }
    }
    while (this.waitingForRoom.length > 0 && this.waitingForRoom[0].deadline <= now) {
      this.waitingForRoom.shift()!.fail(new HazelcastOverloadError(`No room for the invocation within ${this.config.invocationBackoffTimeoutMillis} ms`));
    }
  }

  /** Rejects everything pending with `error` and refuses new invocations. */
  shutdown(error: Error = new ClientNotActiveError('The client is shut down')): void {
    this.shutdownError = error;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const inv of [...this.pending.values()]) this.settle(inv, error);
    for (const w of this.waitingForRoom.splice(0)) w.fail(error);
  }
}
