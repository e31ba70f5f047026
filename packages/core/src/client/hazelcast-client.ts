import type { Logger } from '../logging/logger';
import { ClusterService } from '../cluster/cluster-service';
import { RandomLB, RoundRobinLB, type LoadBalancer } from '../cluster/load-balancer';
import type { ClientConfig } from '../config/client-config';
import { resolveConfig, type ResolvedConfig } from '../config/resolve-config';
import { ClientNotActiveError, InvalidConfigurationError } from '../errors';
import { DefaultSerializationService, type SerializerExtension } from '../serialization';
import { InvocationService } from '../invocation/invocation-service';
import { LifecycleService } from '../lifecycle/lifecycle-service';
import { ListenerService } from '../listener/listener-service';
import { createLogger, type DefaultLoggerFactory } from '../logging/logger';
import { CloudAddressProvider, StaticAddressProvider, type AddressProvider } from '../network/address-provider';
import { CLIENT_VERSION, ConnectionManager } from '../network/connection-manager';
import { PartitionService } from '../partition/partition-service';
import { ProxyManager, type DistributedObjectListener } from '../proxy/proxy-manager';
import type { ClientStatistics } from '../stats/statistics';
import { UUID } from '../util/uuid';
import type { DistributedObjectInfo } from '../codec/generated/custom';
import { decodeClientLocalBackupListenerResponse, encodeClientLocalBackupListenerRequest } from '../codec/generated/client';

let clientCount = 0;

/**
 * What a client is made with beyond its config. `@hz/client` passes all of it; a program on
 * `@hz/core` alone passes what it uses, so a bundle of it holds nothing else.
 */
export interface ClientFeatures {
  /** Serialization formats beyond the built-in types (IdentifiedDataSerializable, Portable, Compact ...). */
  serializerExtensions?: readonly SerializerExtension[];
  /** Makes the logger when the config gives no `customLogger` (default: pino-format JSON lines on stdout). */
  defaultLogger?: DefaultLoggerFactory;
  /**
   * Client statistics, sent when the config enables them (`metrics.enabled` or
   * `hazelcast.client.statistics.enabled`): pass `ClientStatistics` from `@hz/core`. Kept out
   * of the default so that a bundle without statistics does not carry them.
   */
  statistics?: typeof ClientStatistics;
}

/**
 * The client runtime: connections, cluster view, invocations, listeners and proxies. Feature
 * packages build proxies on it; `@hz/client` adds `getMap()` and the rest on top.
 */
export class HazelcastClient {
  readonly config: ResolvedConfig;
  readonly logger: Logger;
  readonly lifecycle: LifecycleService;
  readonly cluster: ClusterService;
  readonly partitions: PartitionService;
  readonly invocations: InvocationService;
  readonly listeners: ListenerService;
  readonly connections: ConnectionManager;
  readonly proxies: ProxyManager;
  readonly serialization: DefaultSerializationService;
  readonly uuid = UUID.random();
  private readonly name: string;
  private shutdownPromise: Promise<void> | null = null;
  private statistics: ClientStatistics | null = null;
  private readonly statisticsFeature: typeof ClientStatistics | null;

  /** Validates the config; nothing connects until `start()`. Use `newHazelcastClient`. */
  protected constructor(config: ClientConfig = {}, features: ClientFeatures = {}) {
    this.config = resolveConfig(config);
    const { serializerExtensions = [], defaultLogger, statistics } = features;
    if (this.config.statistics.enabled && statistics === undefined) {
      throw new InvalidConfigurationError(
        'Invalid configuration: client statistics are enabled, but this client was made without them: ' +
          'pass { statistics: ClientStatistics } (from @hz/core) as the second argument of newHazelcastClient, or use Client from @hz/client',
      );
    }
    this.statisticsFeature = statistics ?? null;
    try {
      this.serialization = new DefaultSerializationService(config.serialization, serializerExtensions);
    } catch (error) {
      if (error instanceof InvalidConfigurationError) throw error;
      throw new InvalidConfigurationError(`Invalid configuration: serialization: ${(error as Error).message}`, { cause: error });
    }
    const id = ++clientCount;
    this.name = this.config.instanceName ?? `hz.client_${id}`;
    this.logger = createLogger(this.config.logging.logger, this.config.logging.level, this.name, defaultLogger);
    this.lifecycle = new LifecycleService(this.logger, this.config.lifecycleListeners);
    this.cluster = new ClusterService(this.logger);
    for (const l of this.config.membershipListeners) this.cluster.addMembershipListener(l);
    this.partitions = new PartitionService((key) => this.serialization.toData(key));
    const loadBalancer = this.createLoadBalancer();
    this.connections = new ConnectionManager({
      config: this.config,
      logger: this.logger,
      lifecycle: this.lifecycle,
      cluster: this.cluster,
      partitions: this.partitions,
      addressProvider: this.createAddressProvider(),
      loadBalancer,
      clientUuid: this.uuid,
      clientName: this.name,
      onConnectionAdded: (c) => {
        this.listeners.connectionAdded(c);
        if (this.invocations.backupAcksEnabled) this.listenToBackupAcks(c);
      },
      onConnectionRemoved: (c) => this.listeners.connectionRemoved(c),
      onNewCluster: () => this.serialization.sendStateToCluster(),
      shutdownClient: () => void this.shutdown(),
    });
    this.invocations = new InvocationService(this.config, this.connections, this.partitions, this.logger, () => this.lifecycle.isRunning());
    this.connections.setInvocationService(this.invocations);
    this.invocations.backupAcksEnabled = this.config.network.smartRouting && this.config.backupAckToClientEnabled;
    this.listeners = new ListenerService(this.invocations, () => this.connections.getActiveConnections(), this.config.network.smartRouting, this.logger);
    this.proxies = new ProxyManager(this.invocations, this.listeners);
    loadBalancer.initLoadBalancer(this.cluster, config);
    // Serialization formats that talk to the cluster (Compact schemas) do it through invocations.
    this.serialization.attach({
      invoke: (m) => this.invocations.invokeOnRandom(m),
      memberUuids: () => this.cluster.getMembers().map((m) => m.uuid),
      retryPauseMillis: this.config.invocationRetryPauseMillis,
    });
  }

  /**
   * Creates a client and connects it to the cluster (unless `connectionStrategy.asyncStart`).
   * `features` adds what `@hz/core` leaves out by default (see {@link ClientFeatures}).
   */
  static async newHazelcastClient(config?: ClientConfig, features?: ClientFeatures): Promise<HazelcastClient> {
    const client = new HazelcastClient(config, features);
    await client.start();
    return client;
  }

  /** Connects; a subclass calls this after construction. */
  protected async start(): Promise<void> {
    this.logger.info(`starting ${this.name} (cluster "${this.config.clusterName}", ${this.config.network.smartRouting ? 'smart' : 'unisocket'} routing)`);
    this.lifecycle.emit('STARTING');
    this.invocations.start();
    this.lifecycle.emit('STARTED');
    try {
      await this.connections.start();
    } catch (error) {
      await this.shutdown();
      throw error;
    }
    if (!this.config.connectionStrategy.asyncStart) await this.cluster.waitInitialMemberList();
    if (this.config.statistics.enabled) this.startStatistics();
  }

  private startStatistics(): void {
    const Statistics = this.statisticsFeature;
    if (Statistics === null) return;
    this.statistics = new Statistics({
      periodSeconds: this.config.statistics.periodSeconds,
      clientName: this.name,
      clientVersion: CLIENT_VERSION,
      username: this.config.security.usernamePassword?.username ?? null,
      logger: this.logger,
      send: (m) => this.invocations.invokeOnRandom(m),
      connectionInfo: () => {
        const c = this.connections.getActiveConnections()[0];
        return c ? { connectedAt: c.openedAt, localAddress: c.localAddress() } : null;
      },
    });
    this.statistics.start();
  }

  private createLoadBalancer(): LoadBalancer {
    const lb = this.config.loadBalancer;
    if (lb.custom) return lb.custom;
    return lb.type === 'RANDOM' ? new RandomLB() : new RoundRobinLB();
  }

  private createAddressProvider(): AddressProvider {
    const n = this.config.network;
    if (n.cloudDiscoveryToken) {
      // Cloud clusters use TLS; the discovery endpoint is trusted with the same CA options.
      const { ca, cert, key, rejectUnauthorized } = n.ssl.enabled ? n.ssl.options : {};
      return new CloudAddressProvider(this.config.cloudUrl, n.cloudDiscoveryToken, n.connectionTimeout, { ca, cert, key, rejectUnauthorized });
    }
    return new StaticAddressProvider(n.clusterMembers);
  }

  /** Members acknowledge backups to the client over a listener on each connection. */
  private listenToBackupAcks(connection: import('../network/connection').Connection): void {
    this.invocations
      .invokeOnConnection(encodeClientLocalBackupListenerRequest(), connection, () => undefined)
      .then((r) => decodeClientLocalBackupListenerResponse(r))
      .catch((error) => this.logger.debug({ err: error }, 'backup listener registration failed'));
  }

  /** The client's name (config.instanceName or hz.client_N). */
  getName(): string {
    return this.name;
  }

  getLifecycleService(): LifecycleService {
    return this.lifecycle;
  }

  /** The member list and membership listeners. */
  getCluster(): ClusterService {
    return this.cluster;
  }

  getPartitionService(): PartitionService {
    return this.partitions;
  }

  /** Every distributed object in the cluster. */
  getDistributedObjects(): Promise<DistributedObjectInfo[]> {
    return this.proxies.getDistributedObjects();
  }

  addDistributedObjectListener(listener: DistributedObjectListener): Promise<string> {
    return this.proxies.addDistributedObjectListener(listener);
  }

  removeDistributedObjectListener(id: string): Promise<boolean> {
    return this.proxies.removeDistributedObjectListener(id);
  }

  /** Throws ClientNotActiveError when the client is shut down. */
  assertRunning(): void {
    if (this.shutdownPromise) throw new ClientNotActiveError('The client is shut down');
  }

  /** Rejects what is pending with ClientNotActiveError, closes every connection and stops. */
  shutdown(): Promise<void> {
    if (!this.shutdownPromise) {
      this.shutdownPromise = (async () => {
        this.lifecycle.emit('SHUTTING_DOWN');
        this.statistics?.stop();
        // Pending invocations fail as "shut down", not as "connection closed".
        this.invocations.shutdown(new ClientNotActiveError('The client is shut down'));
        this.connections.shutdown();
        this.lifecycle.emit('SHUTDOWN');
      })();
    }
    return this.shutdownPromise;
  }

  /** `await using client = await HazelcastClient.newHazelcastClient()` shuts it down at scope end. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.shutdown();
  }
}
