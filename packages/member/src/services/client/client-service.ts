import { UUID } from '@hz/core';
import { BACKUP_EVENT_FLAG, type Address, type ClientMessage, type MemberInfo } from '@hz/core/codec';
import type { Cluster } from '../../cluster/cluster';
import type { RequestContext } from '../../dispatch/context';
import type { Dispatcher } from '../../dispatch/dispatcher';
import type { ClientConnection } from '../../network/connection';
import {
  CLIENT_ADD_CLUSTER_VIEW_LISTENER_REQUEST_TYPE,
  CLIENT_ADD_MIGRATION_LISTENER_REQUEST_TYPE,
  CLIENT_ADD_PARTITION_LOST_LISTENER_REQUEST_TYPE,
  CLIENT_AUTHENTICATION_CUSTOM_REQUEST_TYPE,
  CLIENT_AUTHENTICATION_REQUEST_TYPE,
  CLIENT_LOCAL_BACKUP_LISTENER_REQUEST_TYPE,
  CLIENT_PING_REQUEST_TYPE,
  CLIENT_REMOVE_MIGRATION_LISTENER_REQUEST_TYPE,
  CLIENT_REMOVE_PARTITION_LOST_LISTENER_REQUEST_TYPE,
  CLIENT_STATISTICS_REQUEST_TYPE,
  CLIENT_TRIGGER_PARTITION_ASSIGNMENT_REQUEST_TYPE,
  decodeClientAddMigrationListenerRequest,
  decodeClientAddPartitionLostListenerRequest,
  decodeClientAuthenticationCustomRequest,
  decodeClientAuthenticationRequest,
  decodeClientRemoveMigrationListenerRequest,
  decodeClientRemovePartitionLostListenerRequest,
  decodeClientStatisticsRequest,
  encodeClientAddClusterViewListenerMembersViewEvent,
  encodeClientAddClusterViewListenerPartitionsViewEvent,
  encodeClientAddClusterViewListenerResponse,
  encodeClientAddMigrationListenerResponse,
  encodeClientAddPartitionLostListenerResponse,
  encodeClientAuthenticationCustomResponse,
  encodeClientAuthenticationResponse,
  encodeClientLocalBackupListenerBackupEvent,
  encodeClientLocalBackupListenerResponse,
  encodeClientPingResponse,
  encodeClientRemoveMigrationListenerResponse,
  encodeClientRemovePartitionLostListenerResponse,
  encodeClientStatisticsResponse,
  encodeClientTriggerPartitionAssignmentResponse,
} from '../../codec';
import { MemberValueFormats } from '../../query/accessors';
import { ListenerRegistry, sendEvent } from '../listener-registry';
import { useClusterFormats } from '../map/query-engine-adapter';
import { MemberSchemaService } from '../schema';
import type { Service } from '../service';
import { AuthenticationStatus, SERIALIZATION_VERSION } from './authentication-status';
import { parseStatisticsAttributes, type ClientEndpoint, type ClientInfo, type ClientStatistics } from './endpoint';

interface AuthRequest {
  clusterName: string;
  uuid: UUID | null;
  serializationVersion: number;
  clientType: string;
  clientHazelcastVersion: string;
  clientName: string;
  labels: string[];
}

type Empty = Record<string, never>;

/**
 * The Client service: authentication, the cluster view listener, heartbeats, statistics, the
 * client-level listener registrations (backup, partition lost, migration) and the Compact
 * schemas clients send and fetch (`schemas`). It also holds the cluster's value formats
 * (`formats`: Compact schemas, Portable class definitions, IDS factories) that the map
 * service's queries read stored values with.
 */
export class ClientService implements Service {
  /** The cluster's Compact schemas (Client.sendSchema, sendAllSchemas, fetchSchema). */
  readonly schemas: MemberSchemaService;
  /** How queries read Portable, Compact and IdentifiedDataSerializable values (register IDS factories here). */
  readonly formats: MemberValueFormats;
  private readonly endpoints = new Map<ClientConnection, ClientEndpoint>();
  private readonly statistics = new Map<string, ClientStatistics>();
  private readonly clusterViewListeners = new ListenerRegistry<Empty>();
  private readonly backupListeners = new ListenerRegistry<Empty>();
  private readonly partitionLostListeners = new ListenerRegistry<Empty>();
  private readonly migrationListeners = new ListenerRegistry<Empty>();

  constructor(private readonly cluster: Cluster) {
    this.schemas = new MemberSchemaService(cluster);
    this.formats = new MemberValueFormats({ schemas: this.schemas.registry });
  }

  register(d: Dispatcher): void {
    this.schemas.register(d);
    // The map service was created before it could be given the cluster's formats: its queries
    // read Compact values with the schemas clients send here, and IDS values with the factories
    // registered on `formats`.
    useClusterFormats(this.cluster.mapService.query, this.formats);
    d.register(CLIENT_AUTHENTICATION_REQUEST_TYPE, (m, ctx) => this.authentication(m, ctx), { allowUnauthenticated: true });
    d.register(CLIENT_AUTHENTICATION_CUSTOM_REQUEST_TYPE, (m, ctx) => this.authenticationCustom(m, ctx), { allowUnauthenticated: true });
    d.register(CLIENT_ADD_CLUSTER_VIEW_LISTENER_REQUEST_TYPE, (_m, ctx) => this.addClusterViewListener(ctx));
    d.register(CLIENT_PING_REQUEST_TYPE, () => encodeClientPingResponse());
    d.register(CLIENT_STATISTICS_REQUEST_TYPE, (m, ctx) => this.onStatistics(m, ctx));
    d.register(CLIENT_LOCAL_BACKUP_LISTENER_REQUEST_TYPE, (_m, ctx) => {
      const r = this.backupListeners.add(ctx.connection, ctx.correlationId, ctx.member, true, {});
      return encodeClientLocalBackupListenerResponse(r.id);
    });
    d.register(CLIENT_ADD_PARTITION_LOST_LISTENER_REQUEST_TYPE, (m, ctx) => {
      const { localOnly } = decodeClientAddPartitionLostListenerRequest(m);
      return encodeClientAddPartitionLostListenerResponse(this.partitionLostListeners.add(ctx.connection, ctx.correlationId, ctx.member, localOnly, {}).id);
    });
    d.register(CLIENT_REMOVE_PARTITION_LOST_LISTENER_REQUEST_TYPE, (m, ctx) => {
      const { registrationId } = decodeClientRemovePartitionLostListenerRequest(m);
      return encodeClientRemovePartitionLostListenerResponse(this.partitionLostListeners.remove(registrationId, (r) => r.connection === ctx.connection));
    });
    d.register(CLIENT_ADD_MIGRATION_LISTENER_REQUEST_TYPE, (m, ctx) => {
      const { localOnly } = decodeClientAddMigrationListenerRequest(m);
      return encodeClientAddMigrationListenerResponse(this.migrationListeners.add(ctx.connection, ctx.correlationId, ctx.member, localOnly, {}).id);
    });
    d.register(CLIENT_REMOVE_MIGRATION_LISTENER_REQUEST_TYPE, (m, ctx) => {
      const { registrationId } = decodeClientRemoveMigrationListenerRequest(m);
      return encodeClientRemoveMigrationListenerResponse(this.migrationListeners.remove(registrationId, (r) => r.connection === ctx.connection));
    });
    d.register(CLIENT_TRIGGER_PARTITION_ASSIGNMENT_REQUEST_TYPE, () => encodeClientTriggerPartitionAssignmentResponse());
  }

  // --- authentication ---

  private authentication(m: ClientMessage, ctx: RequestContext): ClientMessage {
    const req = decodeClientAuthenticationRequest(m);
    const { credentials } = this.cluster.options;
    // With security disabled a member accepts only null username and password; with
    // credentials configured they must match.
    const ok =
      credentials === null
        ? req.username === null && req.password === null
        : req.username === credentials.username && req.password === credentials.password;
    return this.authenticate(req, ok, ctx, false);
  }

  private authenticationCustom(m: ClientMessage, ctx: RequestContext): ClientMessage {
    const req = decodeClientAuthenticationCustomRequest(m);
    const { token } = this.cluster.options;
    return this.authenticate(req, token !== null && token.equals(req.credentials), ctx, true);
  }

  private authenticate(req: AuthRequest, credentialsOk: boolean, ctx: RequestContext, custom: boolean): ClientMessage {
    const { connection, member } = ctx;
    const log = this.cluster.logger;
    const forced = member.faults.forcedAuthenticationStatus() ?? this.cluster.faults.forcedAuthenticationStatus();
    let status: number;
    if (connection.clientUuid !== null) status = AuthenticationStatus.AUTHENTICATED;
    else if (forced !== null) status = forced;
    else if (req.serializationVersion !== SERIALIZATION_VERSION) status = AuthenticationStatus.SERIALIZATION_VERSION_MISMATCH;
    else if (!credentialsOk || req.clusterName !== this.cluster.name) status = AuthenticationStatus.CREDENTIALS_FAILED;
    else status = AuthenticationStatus.AUTHENTICATED;

    if (status !== AuthenticationStatus.AUTHENTICATED) {
      log.warn(
        { connection: connection.toString(), clientUuid: req.uuid?.toString() ?? null, clientName: req.clientName, status },
        'Received auth from a client, authentication failed',
      );
      return this.encodeAuth(custom, status, null, null, false);
    }
    if (connection.clientUuid === null) {
      const uuid = req.uuid ?? UUID.random();
      connection.clientUuid = uuid.toString();
      this.endpoints.set(connection, {
        clientUuid: connection.clientUuid,
        clientName: req.clientName,
        labels: [...req.labels],
        clientType: req.clientType,
        clientVersion: req.clientHazelcastVersion,
        connection,
        member,
        authenticatedAt: Date.now(),
      });
      log.info(
        { connection: connection.toString(), clientUuid: connection.clientUuid, clientName: req.clientName, clientVersion: req.clientHazelcastVersion },
        'Received auth from a client, successfully authenticated',
      );
    }
    return this.encodeAuth(custom, status, member.address, member.uuid, true);
  }

  private encodeAuth(custom: boolean, status: number, address: Address | null, memberUuid: UUID | null, withViews: boolean): ClientMessage {
    const c = this.cluster;
    const o = c.options;
    const memberListVersion = withViews ? c.memberListVersion : -1;
    const members: MemberInfo[] = withViews ? c.memberInfos() : [];
    const partitionVersion = withViews ? c.partitionTable.version : -1;
    const partitions = withViews ? c.partitionsView() : [];
    const encode = custom ? encodeClientAuthenticationCustomResponse : encodeClientAuthenticationResponse;
    return encode(
      status,
      address,
      memberUuid,
      SERIALIZATION_VERSION,
      o.version,
      o.partitionCount,
      c.id,
      false, // failover (blue-green) is an Enterprise feature
      null, // TPC is disabled
      null,
      memberListVersion,
      members,
      partitionVersion,
      partitions,
      o.authKeyValuePairs,
    );
  }

  // --- cluster view ---

  private addClusterViewListener(ctx: RequestContext): ClientMessage {
    const r = this.clusterViewListeners.add(ctx.connection, ctx.correlationId, ctx.member, true, {});
    // The current views follow the response, as a member sends them on registration.
    setImmediate(() => {
      if (!r.connection.isClosed) this.sendViews([r]);
    });
    return encodeClientAddClusterViewListenerResponse();
  }

  private sendViews(targets: Array<{ connection: ClientConnection; correlationId: number }>): void {
    const live = targets.filter((t) => !t.connection.isClosed);
    if (live.length === 0) return;
    const c = this.cluster;
    const membersView = encodeClientAddClusterViewListenerMembersViewEvent(c.memberListVersion, c.memberInfos());
    const partitionsView = encodeClientAddClusterViewListenerPartitionsViewEvent(c.partitionTable.version, c.partitionsView());
    sendEvent(membersView, live);
    sendEvent(partitionsView, live);
  }

  onMembershipChanged(): void {
    this.sendViews([...this.clusterViewListeners.all()]);
  }

  // --- statistics and inspection ---

  private onStatistics(m: ClientMessage, ctx: RequestContext): ClientMessage {
    const req = decodeClientStatisticsRequest(m);
    const uuid = ctx.connection.clientUuid;
    if (uuid !== null) {
      this.statistics.set(uuid, {
        timestamp: req.timestamp.toNumber(),
        clientAttributes: req.clientAttributes,
        attributes: parseStatisticsAttributes(req.clientAttributes),
        metricsBlob: Buffer.from(req.metricsBlob),
        receivedAt: Date.now(),
        memberUuid: ctx.member.uuid.toString(),
      });
    }
    return encodeClientStatisticsResponse();
  }

  /** Connected clients, one entry per client UUID. */
  clients(): ClientInfo[] {
    const byUuid = new Map<string, { e: ClientEndpoint; connections: ClientInfo['connections'][number][] }>();
    for (const e of this.endpoints.values()) {
      let entry = byUuid.get(e.clientUuid);
      if (entry === undefined) {
        entry = { e, connections: [] };
        byUuid.set(e.clientUuid, entry);
      }
      entry.connections.push({ memberUuid: e.member.uuid.toString(), remoteAddress: e.connection.remoteAddress, remotePort: e.connection.remotePort });
    }
    return [...byUuid.values()].map(({ e, connections }) => ({
      uuid: e.clientUuid,
      name: e.clientName,
      labels: e.labels,
      type: e.clientType,
      version: e.clientVersion,
      connections,
      statistics: this.statistics.get(e.clientUuid) ?? null,
    }));
  }

  /** The last statistics a client sent, also after it disconnected. */
  statisticsOf(clientUuid: string): ClientStatistics | null {
    return this.statistics.get(clientUuid) ?? null;
  }

  /** Numbers of listener registrations, for tests. */
  /**
   * Acknowledges `count` backups of the request with `sourceCorrelationId` to a client that
   * listens for them (on the connection the request came on, as a member does); returns how
   * many acknowledgements the response must announce (0 when the client does not listen).
   */
  acknowledgeBackups(connection: ClientConnection, sourceCorrelationId: number, count: number): number {
    if (count <= 0) return 0;
    const registration = [...this.backupListeners.all()].find((r) => r.connection === connection);
    if (registration === undefined) return 0;
    setImmediate(() => {
      for (let i = 0; i < count; i++) {
        const event = encodeClientLocalBackupListenerBackupEvent(sourceCorrelationId);
        event.setFlag(BACKUP_EVENT_FLAG, true);
        sendEvent(event, [registration]);
      }
    });
    return count;
  }

  listenerCounts(): { clusterView: number; backup: number; partitionLost: number; migration: number } {
    return {
      clusterView: this.clusterViewListeners.size,
      backup: this.backupListeners.size,
      partitionLost: this.partitionLostListeners.size,
      migration: this.migrationListeners.size,
    };
  }

  onConnectionClosed(connection: ClientConnection): void {
    const e = this.endpoints.get(connection);
    if (e !== undefined) {
      this.endpoints.delete(connection);
      this.cluster.logger.info({ connection: connection.toString(), clientUuid: e.clientUuid, reason: connection.reasonClosed }, 'Client connection closed');
    }
    this.clusterViewListeners.onConnectionClosed(connection);
    this.backupListeners.onConnectionClosed(connection);
    this.partitionLostListeners.onConnectionClosed(connection);
    this.migrationListeners.onConnectionClosed(connection);
  }

  shutdown(): void {
    this.endpoints.clear();
  }
}
