import type { Socket } from 'node:net';
import { UUID } from '@hz/core';
import type { Address, ClientMessage, MemberInfo } from '@hz/core/codec';
import type { MemberLogger } from '../logging';
import { FaultInjector } from '../faults/fault-injector';
import { ClientConnection, type ConnectionHandler } from '../network/connection';
import { MemberServer } from '../network/server';
import type { Cluster } from './cluster';

/** Endpoint qualifier type of the member protocol (ProtocolType.MEMBER). */
const PROTOCOL_TYPE_MEMBER = 0;

export type MemberState = 'created' | 'running' | 'dead';

/**
 * One member: a listener on its own port, the client connections it accepted, and its fault
 * injector. The data and services are the cluster's; a member serves any partition, as a real
 * member forwards an operation to the partition's owner.
 */
export class Member implements ConnectionHandler {
  readonly uuid = UUID.random();
  readonly uuidString = this.uuid.toString();
  readonly faults: FaultInjector;
  readonly logger: MemberLogger;
  private readonly connectionSet = new Set<ClientConnection>();
  private server: MemberServer | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private stateValue: MemberState = 'created';
  private addressValue: Address = { host: '', port: 0 };

  constructor(private readonly cluster: Cluster) {
    this.logger = cluster.logger.child({ member: this.uuidString });
    this.faults = new FaultInjector(() => this.connectionSet);
  }

  get state(): MemberState {
    return this.stateValue;
  }

  get address(): Address {
    return this.addressValue;
  }

  get port(): number {
    return this.addressValue.port;
  }

  /** "host:port", as clients are configured with it. */
  get addressString(): string {
    return `${this.addressValue.host}:${this.addressValue.port}`;
  }

  /** Open client connections. */
  get connections(): ReadonlySet<ClientConnection> {
    return this.connectionSet;
  }

  info(): MemberInfo {
    return {
      address: this.addressValue,
      uuid: this.uuid,
      attributes: new Map(),
      liteMember: false,
      version: this.cluster.options.memberVersion,
      addressMap: new Map([[{ type: PROTOCOL_TYPE_MEMBER, identifier: null }, this.addressValue]]),
    };
  }

  /** Starts listening on `port` (0 for an ephemeral one). Rejects when the port is taken. */
  async listen(port: number): Promise<void> {
    const o = this.cluster.options;
    const server = new MemberServer(o.tls, (socket) => this.accept(socket), this.logger);
    const bound = await server.listen(o.host, port);
    this.server = server;
    this.addressValue = { host: o.host, port: bound };
    this.stateValue = 'running';
    this.heartbeatTimer = setInterval(() => this.checkHeartbeats(), o.heartbeatCheckIntervalMs);
    this.heartbeatTimer.unref();
    this.logger.info({ address: this.addressString }, 'Member listening');
  }

  /** Kills this member: its sockets close at once and its partitions move to the others. */
  kill(): Promise<void> {
    return this.cluster.killMember(this);
  }

  /** Stops listening and drops every connection at once (the cluster calls this). */
  async stop(): Promise<void> {
    if (this.stateValue === 'dead') return;
    this.stateValue = 'dead';
    if (this.heartbeatTimer !== null) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    for (const c of [...this.connectionSet]) c.close('member is down');
    const server = this.server;
    this.server = null;
    if (server !== null) await server.close();
  }

  private accept(socket: Socket): void {
    if (this.stateValue !== 'running') {
      socket.destroy();
      return;
    }
    const connection = new ClientConnection(socket, this, this.logger, this.cluster.options.maxMessageSize);
    this.connectionSet.add(connection);
    this.logger.debug({ connection: connection.toString() }, 'Accepted a client connection');
  }

  onMessage(connection: ClientConnection, message: ClientMessage): void {
    this.cluster.dispatcher.dispatch(message, {
      cluster: this.cluster,
      member: this,
      connection,
      correlationId: message.correlationId,
      partitionId: message.partitionId,
    });
  }

  onClose(connection: ClientConnection): void {
    this.connectionSet.delete(connection);
    this.cluster.onConnectionClosed(connection);
  }

  /** Closes connections that have sent nothing (not even a ping) for the heartbeat timeout. */
  private checkHeartbeats(): void {
    const timeout = this.cluster.options.heartbeatTimeoutMs;
    const now = Date.now();
    for (const c of [...this.connectionSet]) {
      if (now - c.lastReadAt > timeout) {
        this.logger.warn({ connection: c.toString(), clientUuid: c.clientUuid, timeoutMs: timeout }, 'Client heartbeat timed out, closing its connection');
        c.close(`heartbeat timed out after ${timeout} ms`);
      }
    }
  }
}
