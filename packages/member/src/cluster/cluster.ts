import type { UUID } from '@hz/core';
import type { MemberInfo } from '@hz/core/codec';
import { resolveOptions, type ClusterOptions, type ResolvedOptions } from '../config';
import { Dispatcher } from '../dispatch/dispatcher';
import { FaultInjector } from '../faults/fault-injector';
import type { MemberLogger } from '../logging';
import type { ClientConnection } from '../network/connection';
import { ClientService } from '../services/client/client-service';
import type { ClientInfo } from '../services/client/endpoint';
import { MapService } from '../services/map/map-service';
import { ProxyService } from '../services/proxy/proxy-service';
import { QueueService } from '../services/queue/queue-service';
import type { Service } from '../services/service';
import { ExpiryScheduler } from '../storage/expiry-scheduler';
import { PartitionStorage } from '../storage/partition-storage';
import { Member } from './member';
import { PartitionTable } from './partition-table';

/** How many ports past the base port a member tries before giving up. */
const PORT_ATTEMPTS = 100;

/**
 * N members in one process sharing one partition table, one store of data and one set of
 * services. Start one with `startCluster`.
 */
export class Cluster {
  readonly options: ResolvedOptions;
  readonly logger: MemberLogger;
  readonly partitionTable: PartitionTable;
  readonly storage: PartitionStorage;
  readonly expiry = new ExpiryScheduler();
  readonly dispatcher: Dispatcher;
  /** Faults applied on every member (a member's own rules are checked first). */
  readonly faults: FaultInjector;
  readonly clientService: ClientService;
  readonly proxyService: ProxyService;
  readonly mapService: MapService;
  readonly queueService: QueueService;
  private readonly services: Service[];
  private live: Member[] = [];
  private memberListVersionValue = 0;
  private starting: Promise<Member> = Promise.resolve(null as unknown as Member);
  private stopped = false;

  constructor(options: ClusterOptions = {}) {
    this.options = resolveOptions(options);
    this.logger = this.options.logger;
    this.partitionTable = new PartitionTable(this.options.partitionCount);
    this.storage = new PartitionStorage(this.options.partitionCount);
    this.dispatcher = new Dispatcher(this.logger);
    this.faults = new FaultInjector(() => this.allConnections());
    this.clientService = new ClientService(this);
    this.proxyService = new ProxyService();
    this.mapService = new MapService(this);
    this.queueService = new QueueService(this, options);
    this.services = [this.clientService, this.proxyService, this.mapService, this.queueService];
    for (const s of this.services) s.register(this.dispatcher);
  }

  get id(): UUID {
    return this.options.clusterId;
  }

  get name(): string {
    return this.options.clusterName;
  }

  /** Live members, in join order (the first is the master). */
  get members(): readonly Member[] {
    return this.live;
  }

  get memberListVersion(): number {
    return this.memberListVersionValue;
  }

  get isRunning(): boolean {
    return !this.stopped;
  }

  /** "host:port" of every live member, to configure a client with. */
  addresses(): string[] {
    return this.live.map((m) => m.addressString);
  }

  memberByUuid(uuid: string): Member | undefined {
    return this.live.find((m) => m.uuidString === uuid);
  }

  /** Any live member's UUID (for events sent while the table has no owner). */
  anyMemberUuid(): UUID {
    const m = this.live[0];
    if (m === undefined) throw new Error('The cluster has no members');
    return m.uuid;
  }

  /** The member that owns a partition. */
  ownerOf(partitionId: number): Member | undefined {
    return this.memberByUuid(this.partitionTable.ownerOf(partitionId));
  }

  memberInfos(): MemberInfo[] {
    return this.live.map((m) => m.info());
  }

  /** The partition table as clients receive it: each member's UUID with its partition ids. */
  partitionsView(): Array<[UUID, number[]]> {
    return this.partitionTable.byOwner(this.live.map((m) => m.uuidString)).map(([uuid, ps]) => [(this.memberByUuid(uuid) as Member).uuid, ps]);
  }

  /** Starts a member and adds it to the cluster: its port is the next free one from the base port (or ephemeral). */
  startMember(): Promise<Member> {
    // One at a time, so that concurrent starts do not race for the same port.
    const next = this.starting.then(
      () => this.startMemberNow(),
      () => this.startMemberNow(),
    );
    this.starting = next;
    return next;
  }

  private async startMemberNow(): Promise<Member> {
    if (this.stopped) throw new Error('The cluster is shut down');
    const member = new Member(this);
    const base = this.options.port;
    if (base === 0) {
      await member.listen(0);
    } else {
      const taken = new Set(this.live.map((m) => m.port));
      let bound = false;
      for (let port = base; port < base + PORT_ATTEMPTS && port <= 65535 && !bound; port++) {
        if (taken.has(port)) continue;
        try {
          await member.listen(port);
          bound = true;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
        }
      }
      if (!bound) throw new Error(`No free port in ${base}..${base + PORT_ATTEMPTS - 1}`);
    }
    if (this.stopped) {
      await member.stop();
      throw new Error('The cluster is shut down');
    }
    this.live.push(member);
    this.membershipChanged();
    this.logger.info({ member: member.uuidString, address: member.addressString, members: this.live.length }, 'Member joined');
    return member;
  }

  /**
   * Kills a member (given as the Member, its UUID or its index in `members`): its sockets close
   * at once, its partitions move to the others (their data stays, as if from backups), and the
   * new member list and partition table go to the clients.
   */
  async killMember(target: Member | string | number): Promise<void> {
    const member = typeof target === 'number' ? this.live[target] : typeof target === 'string' ? this.memberByUuid(target) : target;
    if (member === undefined || !this.live.includes(member)) throw new Error(`No live member ${String(target)}`);
    this.live = this.live.filter((m) => m !== member);
    for (const s of this.services) s.onMemberRemoved?.(member);
    await member.stop();
    this.logger.info({ member: member.uuidString, address: member.addressString, members: this.live.length }, 'Member left');
    if (!this.stopped) this.membershipChanged();
  }

  private membershipChanged(): void {
    this.memberListVersionValue++;
    this.partitionTable.rebalance(this.live.map((m) => m.uuidString));
    for (const s of this.services) s.onMembershipChanged?.();
  }

  /** Stops every member, closes every connection and cancels every timer. */
  async shutdown(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.starting.catch(() => undefined);
    const members = this.live;
    this.live = [];
    await Promise.all(members.map((m) => m.stop()));
    this.expiry.stop();
    for (const s of this.services) s.shutdown?.();
    this.storage.clear();
    this.logger.info({ cluster: this.name }, 'Cluster shut down');
  }

  /** Connected clients: name, labels, connections and last statistics. */
  clients(): ClientInfo[] {
    return this.clientService.clients();
  }

  onConnectionClosed(connection: ClientConnection): void {
    for (const s of this.services) s.onConnectionClosed?.(connection);
  }

  private *allConnections(): IterableIterator<ClientConnection> {
    for (const m of this.live) yield* m.connections;
  }
}

/** Starts a cluster of `options.members` members (default 1). */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const cluster = new Cluster(options);
  try {
    for (let i = 0; i < cluster.options.members; i++) await cluster.startMember();
  } catch (e) {
    await cluster.shutdown();
    throw e;
  }
  return cluster;
}
