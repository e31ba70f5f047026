import { connect as netConnect, type Socket } from 'node:net';
import type { Logger } from '../logging/logger';
import type { ClusterService } from '../cluster/cluster-service';
import type { LoadBalancer } from '../cluster/load-balancer';
import type { Address } from '../codec/generated/custom';
import {
  decodeClientAddClusterViewListenerMembersViewEvent,
  decodeClientAddClusterViewListenerPartitionsViewEvent,
  decodeClientAuthenticationCustomResponse,
  decodeClientAuthenticationResponse,
  encodeClientAddClusterViewListenerRequest,
  encodeClientAuthenticationCustomRequest,
  encodeClientAuthenticationRequest,
  encodeClientPingRequest,
  CLIENT_ADD_CLUSTER_VIEW_LISTENER_MEMBERS_VIEW_EVENT_TYPE,
  CLIENT_ADD_CLUSTER_VIEW_LISTENER_PARTITIONS_VIEW_EVENT_TYPE,
  type ClientAuthenticationResponse,
} from '../codec/generated/client';
import type { ResolvedConfig } from '../config/resolve-config';
import { AuthenticationError, ClientNotAllowedInClusterError, IllegalStateError, IOError, TargetDisconnectedError } from '../errors';
import { HazelcastError } from '../errors/hazelcast-error';
import type { ConnectionRegistry, InvocationService } from '../invocation/invocation-service';
import type { LifecycleService } from '../lifecycle/lifecycle-service';
import type { PartitionService } from '../partition/partition-service';
import type { ClientMessage } from '../protocol/client-message';
import { UUID } from '../util/uuid';
import { addressKey } from './address';
import type { AddressProvider } from './address-provider';
import { Connection } from './connection';
import { formatAddress } from '../cluster/member';

/** Authentication statuses a member answers with. */
const AuthenticationStatus = { AUTHENTICATED: 0, CREDENTIALS_FAILED: 1, SERIALIZATION_VERSION_MISMATCH: 2, NOT_ALLOWED_IN_CLUSTER: 3 } as const;

/** The client type members see for us (the official Node.js client's, so members count us as Node.js clients). */
const CLIENT_TYPE = 'NJS';
const SERIALIZATION_VERSION = 1;
/** Version of this client, sent to members. */
export const CLIENT_VERSION = '0.1.0';
const MEMBER_CONNECT_PERIOD_MILLIS = 1000;

export interface ConnectionManagerDeps {
  config: ResolvedConfig;
  logger: Logger;
  lifecycle: LifecycleService;
  cluster: ClusterService;
  partitions: PartitionService;
  addressProvider: AddressProvider;
  loadBalancer: LoadBalancer;
  clientUuid: UUID;
  clientName: string;
  onConnectionAdded(connection: Connection): void;
  onConnectionRemoved(connection: Connection): void;
  /** The client reached a cluster other than the one it knew: state kept on the cluster (Compact schemas) is sent again. */
  onNewCluster(): Promise<void>;
  /** Called when reconnect mode is OFF and the cluster is lost. */
  shutdownClient(): void;
}

/**
 * Opens and authenticates connections: first to the cluster (with backoff until the cluster
 * connect timeout), then to every member when routing is smart. Watches them with heartbeats
 * and reconnects as the reconnect mode says.
 */
export class ConnectionManager implements ConnectionRegistry {
  private readonly active = new Map<string, Connection>();
  private readonly connecting = new Map<string, Promise<Connection>>();
  private clusterId: UUID | null = null;
  private clusterViewConnection: Connection | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private memberConnectTimer: NodeJS.Timeout | null = null;
  private connectingToCluster: Promise<void> | null = null;
  private stopped = false;
  private everConnected = false;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly deps: ConnectionManagerDeps) {}

  private invocations!: InvocationService;

  /** The invocation service and this manager need each other; it is set right after construction. */
  setInvocationService(invocations: InvocationService): void {
    this.invocations = invocations;
  }

  /** Connects to the cluster (and, when smart, to its members); resolves when connected. */
  async start(): Promise<void> {
    this.heartbeatTimer = setInterval(() => this.heartbeat(), Math.min(this.deps.config.heartbeatIntervalMillis, 1000));
    this.heartbeatTimer.unref();
    const connected = this.connectToCluster();
    if (this.deps.config.connectionStrategy.asyncStart) {
      connected.catch((error) => this.deps.logger.error({ err: error }, 'could not connect to the cluster'));
      return;
    }
    await connected;
  }

  // ---- ConnectionRegistry ----

  getConnection(uuid: UUID): Connection | undefined {
    return this.active.get(uuid.toString());
  }

  getRandomConnection(): Connection | undefined {
    if (this.deps.config.network.smartRouting) {
      const member = this.deps.loadBalancer.next();
      const c = member && this.active.get(member.uuid.toString());
      if (c) return c;
    }
    for (const c of this.active.values()) return c;
    return undefined;
  }

  /**
   * Whether invocations fail at once with ClientOfflineError while there is no connection:
   * before the first connection of an async start, and after a loss in ASYNC reconnect mode.
   */
  isOfflineFailFast(): boolean {
    if (this.active.size > 0) return false;
    const strategy = this.deps.config.connectionStrategy;
    return this.everConnected ? strategy.reconnectMode === 'ASYNC' : strategy.asyncStart;
  }

  getActiveConnections(): Connection[] {
    return [...this.active.values()];
  }

  // ---- connecting ----

  private connectToCluster(): Promise<void> {
    if (!this.connectingToCluster) {
      this.connectingToCluster = this.doConnectToCluster().finally(() => (this.connectingToCluster = null));
    }
    return this.connectingToCluster;
  }

  private async doConnectToCluster(): Promise<void> {
    const retry = this.deps.config.connectionStrategy.retry;
    const started = Date.now();
    let backoff = retry.initialBackoffMillis;
    let attempt = 0;
    const tried = new Set<string>();
    let discoveryError: Error | null = null;
    for (;;) {
      if (this.stopped) throw new HazelcastError('The client is shutting down');
      attempt++;
      let candidates: Address[] = [];
      try {
        candidates = await this.candidateAddresses();
      } catch (error) {
        discoveryError = error as Error;
        this.deps.logger.warn(`finding the members failed: ${discoveryError.message}`);
      }
      for (const address of candidates) {
        if (this.stopped) throw new HazelcastError('The client is shutting down');
        tried.add(formatAddress(address));
        try {
          await this.getOrConnect(address);
          this.scheduleMemberConnections();
          return;
        } catch (error) {
          if (error instanceof AuthenticationError || error instanceof ClientNotAllowedInClusterError) throw error;
          this.deps.logger.debug(`could not connect to ${formatAddress(address)}: ${(error as Error).message}`);
        }
      }
      const elapsed = Date.now() - started;
      const timeout = retry.clusterConnectTimeoutMillis;
      if (timeout >= 0 && elapsed >= timeout) {
        const why = discoveryError ? `; last discovery failure: ${discoveryError.message}` : '';
        throw new IllegalStateError(`Unable to connect to any cluster member after ${attempt} attempts in ${elapsed} ms; tried ${[...tried].join(', ') || 'no address'}${why}`, {
          cause: discoveryError ?? undefined,
        });
      }
      let pause = Math.min(backoff, retry.maxBackoffMillis);
      pause = Math.max(0, pause + pause * retry.jitter * (2 * Math.random() - 1));
      if (timeout >= 0) pause = Math.min(pause, Math.max(0, timeout - elapsed));
      this.deps.logger.info(`unable to connect to any member (attempt ${attempt}); next attempt in ${Math.round(pause)} ms`);
      await delay(pause);
      backoff = Math.min(backoff * retry.multiplier, retry.maxBackoffMillis);
    }
  }

  /** Known members first (they may have moved), then the configured or discovered addresses. */
  private async candidateAddresses(): Promise<Address[]> {
    const members = this.deps.cluster.getMembers().map((m) => this.deps.addressProvider.translate(m.address));
    let configured = await this.deps.addressProvider.loadAddresses();
    if (this.deps.config.shuffleMemberList) configured = shuffle([...configured]);
    const seen = new Set<string>();
    return [...members, ...configured].filter((a) => {
      const k = addressKey(a);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }

  private getOrConnect(address: Address): Promise<Connection> {
    const key = addressKey(address);
    for (const c of this.active.values()) if (addressKey(c.remoteAddress) === key) return Promise.resolve(c);
    let pending = this.connecting.get(key);
    if (!pending) {
      pending = this.openAndAuthenticate(address).finally(() => this.connecting.delete(key));
      this.connecting.set(key, pending);
    }
    return pending;
  }

  private async openAndAuthenticate(address: Address): Promise<Connection> {
    const socket = await this.openSocket(address);
    const connection = new Connection(socket, address, {
      writeCoalesceBytes: this.deps.config.writeCoalesceBytes,
      logger: this.deps.logger,
      onMessage: (m) => this.invocations.handleMessage(m),
      onClose: (c, reason, cause) => this.onConnectionClosed(c, reason, cause),
    });
    let response: ClientAuthenticationResponse;
    // A member that never answers must not hold the connect loop: give up after the heartbeat timeout.
    const timeout = this.deps.config.heartbeatTimeoutMillis;
    const timer = setTimeout(() => connection.close(`no authentication response within ${timeout} ms`, new IOError(`Authentication timed out after ${timeout} ms`)), timeout);
    try {
      response = await this.authenticate(connection);
    } catch (error) {
      connection.close(`authentication failed: ${(error as Error).message}`, error as Error);
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return this.onAuthenticated(connection, response);
  }

  private async openSocket(address: Address): Promise<Socket> {
    const { network, socketNoDelay } = this.deps.config;
    // tls is loaded when TLS is on: most clients never need it, and it costs a cold start ~6 ms.
    const tlsConnect = network.ssl.enabled ? (await import('node:tls')).connect : null;
    return new Promise<Socket>((resolve, reject) => {
      const options = { host: address.host, port: address.port };
      const socket: Socket = tlsConnect
        ? tlsConnect({ ...options, servername: isIp(address.host) ? undefined : address.host, ...network.ssl.options })
        : netConnect(options);
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
      const timeout = network.connectionTimeout;
      const timer = timeout > 0 ? setTimeout(() => socket.destroy(new IOError(`Connection to ${formatAddress(address)} timed out after ${timeout} ms`)), timeout) : null;
      const ready = network.ssl.enabled ? 'secureConnect' : 'connect';
      socket.once(ready, () => {
        if (timer) clearTimeout(timer);
        socket.setNoDelay(socketNoDelay);
        socket.removeAllListeners('error');
        resolve(socket);
      });
      socket.once('error', (error) => {
        if (timer) clearTimeout(timer);
        socket.destroy();
        reject(error instanceof HazelcastError ? error : new IOError(`Connection to ${formatAddress(address)} failed: ${error.message}`, { cause: error }));
      });
    });
  }

  private async authenticate(connection: Connection): Promise<ClientAuthenticationResponse> {
    const { config, clientUuid, clientName } = this.deps;
    const labels = config.clientLabels;
    const token = config.security.token;
    let response: ClientMessage;
    if (token) {
      response = await this.invocations.invokeOnConnection(
        encodeClientAuthenticationCustomRequest(config.clusterName, token.token, clientUuid, CLIENT_TYPE, SERIALIZATION_VERSION, CLIENT_VERSION, clientName, labels, this.routingMode(), false),
        connection,
      );
      return decodeClientAuthenticationCustomResponse(response) as ClientAuthenticationResponse;
    }
    const up = config.security.usernamePassword;
    response = await this.invocations.invokeOnConnection(
      encodeClientAuthenticationRequest(config.clusterName, up?.username ?? null, up?.password ?? null, clientUuid, CLIENT_TYPE, SERIALIZATION_VERSION, CLIENT_VERSION, clientName, labels, this.routingMode(), false),
      connection,
    );
    return decodeClientAuthenticationResponse(response);
  }

  /** Routing mode sent at authentication: 1 all members (smart), 0 a single member (unisocket). */
  private routingMode(): number {
    return this.deps.config.network.smartRouting ? 1 : 0;
  }

  private onAuthenticated(connection: Connection, r: ClientAuthenticationResponse): Connection {
    const { config, logger, partitions, cluster, lifecycle } = this.deps;
    switch (r.status) {
      case AuthenticationStatus.AUTHENTICATED:
        break;
      case AuthenticationStatus.CREDENTIALS_FAILED:
        throw new AuthenticationError(
          `Authentication failed: the member rejected the cluster name "${config.clusterName}" or the credentials` +
            (config.security.usernamePassword ? ` of user "${config.security.usernamePassword.username ?? ''}"` : config.security.token ? ' (token)' : ''),
        );
      case AuthenticationStatus.NOT_ALLOWED_IN_CLUSTER:
        throw new ClientNotAllowedInClusterError('Authentication failed: the client is not allowed in the cluster');
      case AuthenticationStatus.SERIALIZATION_VERSION_MISMATCH:
        throw new AuthenticationError(`Authentication failed: the member does not speak serialization version ${SERIALIZATION_VERSION}`);
      default:
        throw new AuthenticationError(`Authentication failed with unknown status ${r.status}`);
    }
    if (!partitions.checkAndSetPartitionCount(r.partitionCount)) {
      const error = new ClientNotAllowedInClusterError(`The cluster has ${r.partitionCount} partitions, the client expected ${partitions.getPartitionCount()}`);
      connection.close(error.message, error);
      throw error;
    }
    const newCluster = this.clusterId !== null && !this.clusterId.equals(r.clusterId);
    if (newCluster || this.active.size === 0) {
      if (newCluster) {
        logger.warn(`switched to a new cluster ${r.clusterId.toString()} (was ${this.clusterId?.toString()})`);
        cluster.reset();
        partitions.reset();
        this.deps.onNewCluster().catch((error) => logger.warn({ err: error }, 'sending the client state to the new cluster failed'));
      }
    }
    this.clusterId = r.clusterId;
    connection.memberUuid = r.memberUuid;
    connection.memberAddress = r.address;
    connection.serverVersion = r.serverHazelcastVersion;
    if (!connection.isAlive()) throw new TargetDisconnectedError(`${connection.toString()} closed during authentication`);
    const key = r.memberUuid!.toString();
    const existing = this.active.get(key);
    if (existing && existing !== connection && existing.isAlive()) {
      connection.close('duplicate connection to the member');
      return existing;
    }
    const first = this.active.size === 0;
    this.active.set(key, connection);
    logger.info(`authenticated with ${connection.toString()}, member version ${r.serverHazelcastVersion}, cluster ${r.clusterId.toString()}`);
    if (first) {
      this.everConnected = true;
      lifecycle.emit('CONNECTED');
    }
    if (!this.clusterViewConnection) this.listenToClusterView(connection);
    this.deps.onConnectionAdded(connection);
    return connection;
  }

  private listenToClusterView(connection: Connection): void {
    this.clusterViewConnection = connection;
    const { cluster, partitions, logger } = this.deps;
    this.invocations
      .invokeOnConnection(encodeClientAddClusterViewListenerRequest(), connection, (event) => {
        if (event.messageType === CLIENT_ADD_CLUSTER_VIEW_LISTENER_MEMBERS_VIEW_EVENT_TYPE) {
          const e = decodeClientAddClusterViewListenerMembersViewEvent(event);
          cluster.handleMembersView(e.version, e.memberInfos);
          this.scheduleMemberConnections();
        } else if (event.messageType === CLIENT_ADD_CLUSTER_VIEW_LISTENER_PARTITIONS_VIEW_EVENT_TYPE) {
          const e = decodeClientAddClusterViewListenerPartitionsViewEvent(event);
          partitions.handlePartitionsView(e.version, e.partitions);
        }
      })
      .catch((error) => {
        if (this.stopped) return;
        logger.warn({ err: error }, 'registering the cluster view listener failed');
        if (this.clusterViewConnection === connection) this.clusterViewConnection = null;
      });
  }

  /** Smart routing: connects to every member that has no connection yet, now and periodically. */
  private scheduleMemberConnections(): void {
    if (!this.deps.config.network.smartRouting || this.stopped) return;
    this.connectToAllMembers();
    if (!this.memberConnectTimer) {
      this.memberConnectTimer = setInterval(() => this.connectToAllMembers(), MEMBER_CONNECT_PERIOD_MILLIS);
      this.memberConnectTimer.unref();
    }
  }

  private connectToAllMembers(): void {
    if (this.stopped || this.active.size === 0) return;
    for (const member of this.deps.cluster.getMembers()) {
      if (this.active.has(member.uuid.toString())) continue;
      const address = this.deps.addressProvider.translate(member.address);
      this.getOrConnect(address).catch((error) => this.deps.logger.debug(`could not connect to ${member.toString()}: ${(error as Error).message}`));
    }
  }

  private onConnectionClosed(connection: Connection, reason: string, cause?: Error): void {
    const { logger, lifecycle, config } = this.deps;
    const key = connection.memberUuid?.toString();
    const wasActive = key !== undefined && this.active.get(key) === connection;
    if (wasActive) this.active.delete(key!);
    this.invocations.connectionClosed(connection, cause ?? new TargetDisconnectedError(reason));
    if (!wasActive) return;
    logger.info(`connection closed: ${connection.toString()}: ${reason}`);
    this.deps.onConnectionRemoved(connection);
    if (this.clusterViewConnection === connection) {
      this.clusterViewConnection = null;
      const next = this.active.values().next().value as Connection | undefined;
      if (next) this.listenToClusterView(next);
    }
    if (this.active.size === 0 && !this.stopped) {
      lifecycle.emit('DISCONNECTED');
      if (config.connectionStrategy.reconnectMode === 'OFF') {
        logger.info('reconnect mode is OFF: shutting the client down');
        this.deps.shutdownClient();
        return;
      }
      this.connectToCluster().catch((error) => {
        if (this.stopped) return;
        logger.error({ err: error }, 'could not reconnect to the cluster; shutting the client down');
        this.deps.shutdownClient();
      });
    }
  }

  // ---- heartbeat ----

  private heartbeat(): void {
    const { heartbeatIntervalMillis, heartbeatTimeoutMillis } = this.deps.config;
    const now = Date.now();
    for (const c of this.active.values()) {
      if (now - c.lastReadTime > heartbeatTimeoutMillis) {
        this.deps.logger.warn(`heartbeat timed out for ${c.toString()}: nothing read for ${now - c.lastReadTime} ms`);
        c.close('heartbeat timed out', new TargetDisconnectedError(`Heartbeat timed out to ${c.toString()}`));
      } else if (now - c.lastWriteTime > heartbeatIntervalMillis) {
        this.invocations.invokeOnConnection(encodeClientPingRequest(), c).catch(() => undefined);
      }
    }
  }

  /** Closes every connection and stops the timers. */
  shutdown(): void {
    this.stopped = true;
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    if (this.memberConnectTimer) clearInterval(this.memberConnectTimer);
    for (const c of [...this.active.values()]) c.close('the client is shutting down');
    for (const s of this.sockets) s.destroy();
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function shuffle<T>(a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function isIp(host: string): boolean {
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':');
}
