import type Long from 'long';
import { UUID, type ClientMessage } from '@hz/core';
import type { IndexConfig } from '@hz/proxies/codec';
import type { Cluster } from '../../cluster/cluster';
import type { RequestContext } from '../../dispatch/context';
import type { Dispatcher } from '../../dispatch/dispatcher';
import type { ClientConnection } from '../../network/connection';
import { partitionOf } from '../../storage/partitioning';
import type { Service } from '../service';
import { EntryProcessorRegistry, type EntryProcessorFactory } from './entry-processors';
import { registerEntryHandlers } from './handlers/entry-handlers';
import { registerBulkHandlers } from './handlers/bulk-handlers';
import { registerListenerHandlers } from './handlers/listener-handlers';
import { registerNearCacheHandlers } from './handlers/near-cache-handlers';
import { registerLockHandlers } from './handlers/lock-handlers';
import { registerProcessorHandlers } from './handlers/processor-handlers';
import { registerQueryHandlers } from './handlers/query-handlers';
import { LockStore, type LockOwner } from './lock-store';
import { MapData, resourceId } from './map-data';
import { MapEventPublisher } from './map-events';
import type { MapQueryEngine } from './map-query';
import { NearCacheInvalidator } from './near-cache-invalidation';
import { defaultQueryEngine } from './query-engine-adapter';

/** Service name of maps in createProxy, destroyProxy and distributed object events. */
export const MAP_SERVICE_NAME = 'hz:impl:mapService';

/** How long the locks of a client outlive its last connection, so that a reconnecting client keeps them. */
const CLIENT_LOCK_RELEASE_DELAY_MS = 10_000;

/**
 * IMap on the member side. Handlers (in handlers/, by concern) decode a request, call the map's
 * data, locks, query engine or entry processors, and encode the response; the data layer
 * (MapData over the cluster's partition storage) fires the entry events. Each key operation
 * works on the partition given in the request header (operations without one go over every
 * partition). A write to a key that another owner locked is parked until the lock frees, as a
 * member parks a lock-aware operation.
 */
export class MapService implements Service {
  readonly events: MapEventPublisher;
  /** Near cache invalidation listeners, partition UUIDs and sequences. */
  readonly nearCache: NearCacheInvalidator;
  readonly data: MapData;
  readonly locks: LockStore;
  readonly processors = new EntryProcessorRegistry();
  /** Predicates, aggregations, projections and paging order. */
  query: MapQueryEngine = defaultQueryEngine();
  /** Indexes added per map: accepted and kept (queries scan the entries without them). */
  readonly indexes = new Map<string, IndexConfig[]>();
  /** How long a client's locks outlive its last connection (a member waits for it to reconnect). */
  clientLockReleaseDelayMs = CLIENT_LOCK_RELEASE_DELAY_MS;

  constructor(readonly cluster: Cluster) {
    this.events = new MapEventPublisher(cluster);
    this.nearCache = new NearCacheInvalidator(cluster);
    this.data = new MapData(cluster, this.events, this.nearCache);
    this.locks = new LockStore(cluster.expiry);
    cluster.proxyService.onDestroy(MAP_SERVICE_NAME, (name) => this.destroyMap(name));
  }

  register(dispatcher: Dispatcher): void {
    // Every map handler runs with its client as the source of the changes it makes (the
    // sourceUuid of near cache invalidations).
    const d = Object.create(dispatcher) as Dispatcher;
    d.register = (type, handler, options) =>
      dispatcher.register(type, (m, ctx) => this.data.withSource(this.sourceOf(ctx), () => handler(m, ctx)), options);
    registerEntryHandlers(d, this);
    registerBulkHandlers(d, this);
    registerQueryHandlers(d, this);
    registerLockHandlers(d, this);
    registerProcessorHandlers(d, this);
    registerListenerHandlers(d, this);
    registerNearCacheHandlers(d, this);
  }

  /**
   * Registers the entry processor that requests carrying an IdentifiedDataSerializable of this
   * factory and class id run: `factory` reads the processor's fields and returns the function
   * applied to each entry.
   */
  registerEntryProcessor(factoryId: number, classId: number, factory: EntryProcessorFactory): void {
    this.processors.register(factoryId, classId, factory);
  }

  // --- helpers of the handlers ---

  /** The request's partition: from its header, or from the key when the header has none. */
  partitionOf(ctx: RequestContext, key: Buffer): number {
    const p = ctx.partitionId;
    return p >= 0 && p < this.cluster.options.partitionCount ? p : partitionOf(key, this.cluster.options.partitionCount);
  }

  private readonly sources = new WeakMap<ClientConnection, { text: string; uuid: UUID }>();

  /** The client that sent a request, as the source of what it changes. */
  sourceOf(ctx: RequestContext): UUID | null {
    const c = ctx.connection.clientUuid;
    if (c === null) return null;
    // Parsed once per connection: every map request asks, and parsing the text is not cheap.
    let parsed = this.sources.get(ctx.connection);
    if (parsed === undefined || parsed.text !== c) this.sources.set(ctx.connection, (parsed = { text: c, uuid: UUID.fromString(c) }));
    return parsed.uuid;
  }

  /** The lock owner a request speaks for: its client and the thread id it carries. */
  ownerOf(ctx: RequestContext, threadId: Long): LockOwner {
    return { clientUuid: ctx.connection.clientUuid ?? '', threadId: threadId.toString() };
  }

  /**
   * Runs `run` once no other owner holds the key's lock: at once, or parked until the lock
   * frees (`timeoutMs` < 0: however long it takes; else `onTimeout` answers after that time).
   */
  whenUnlocked(
    ctx: RequestContext,
    name: string,
    key: Buffer,
    threadId: Long,
    run: () => ClientMessage,
    timeoutMs = -1,
    onTimeout: () => ClientMessage = run,
  ): ClientMessage | Promise<ClientMessage> {
    // Most maps hold no lock: then there is no owner to compare (its thread id as text is not cheap).
    if (!this.locks.hasLocks(name)) return run();
    const owner = this.ownerOf(ctx, threadId);
    const id = resourceId(this.partitionOf(ctx, key), key);
    if (this.locks.canAcquire(name, id, owner)) return run();
    const source = this.sourceOf(ctx);
    return new Promise<ClientMessage>((resolve, reject) => {
      const settle = (f: () => ClientMessage): void => {
        try {
          // Parked work runs later, from another request or a timer: it is still this client's.
          resolve(this.data.withSource(source, f));
        } catch (e) {
          reject(e);
        }
      };
      this.locks.whenAvailable(name, id, owner, ctx.connection, timeoutMs, () => settle(run), () => settle(onTimeout));
    });
  }

  // --- lifecycle ---

  /** Destroying a map drops its data, its locks and its listeners. */
  destroyMap(name: string): void {
    this.cluster.storage.destroy(name);
    this.nearCache.invalidateAll(name, this.data.currentSource);
    this.nearCache.removeMap(name);
    this.events.removeMap(name);
    this.locks.destroy(name);
    this.indexes.delete(name);
  }

  /** Live entries of a map, for inspection from tests: serialized key and value bytes. */
  entries(name: string): Array<{ key: Buffer; value: Buffer; partitionId: number }> {
    const now = Date.now();
    const out: Array<{ key: Buffer; value: Buffer; partitionId: number }> = [];
    for (const [partitionId, store] of this.cluster.storage.stores(name)) {
      for (const rec of store.values()) if (rec.expirationTime > now) out.push({ key: rec.key, value: rec.value, partitionId });
    }
    return out;
  }

  onConnectionClosed(connection: ClientConnection): void {
    this.events.registrations.onConnectionClosed(connection);
    this.nearCache.registrations.onConnectionClosed(connection);
    this.locks.dropWaiters(connection);
    const client = connection.clientUuid;
    if (client === null) return;
    // A member releases the locks of a client that is gone: one with no connection left once
    // the delay has passed (a client that reconnects in time keeps them).
    const release = (): void => {
      if (!this.hasConnection(client)) this.locks.releaseClient(client);
    };
    if (this.hasConnection(client)) return;
    if (this.clientLockReleaseDelayMs <= 0) release();
    else this.cluster.expiry.schedule(Date.now() + this.clientLockReleaseDelayMs, release);
  }

  onMembershipChanged(): void {
    this.nearCache.onMembershipChanged();
  }

  private hasConnection(clientUuid: string): boolean {
    return this.cluster.members.some((m) => [...m.connections].some((c) => !c.isClosed && c.clientUuid === clientUuid));
  }

  shutdown(): void {
    this.locks.clear();
  }
}
