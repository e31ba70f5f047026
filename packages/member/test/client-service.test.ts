import { UUID } from '@hz/core';
import {
  CLIENT_ADD_CLUSTER_VIEW_LISTENER_MEMBERS_VIEW_EVENT_TYPE,
  CLIENT_ADD_DISTRIBUTED_OBJECT_LISTENER_DISTRIBUTED_OBJECT_EVENT_TYPE,
  decodeClientAddDistributedObjectListenerDistributedObjectEvent,
  decodeClientAddDistributedObjectListenerResponse,
  decodeClientAuthenticationCustomResponse,
  decodeClientGetDistributedObjectsResponse,
  decodeClientLocalBackupListenerResponse,
  decodeClientAddPartitionLostListenerResponse,
  decodeClientRemoveDistributedObjectListenerResponse,
  decodeClientRemovePartitionLostListenerResponse,
  encodeClientAddClusterViewListenerRequest,
  encodeClientAddDistributedObjectListenerRequest,
  encodeClientAddPartitionLostListenerRequest,
  encodeClientAuthenticationCustomRequest,
  encodeClientCreateProxyRequest,
  encodeClientDestroyProxyRequest,
  encodeClientGetDistributedObjectsRequest,
  encodeClientLocalBackupListenerRequest,
  encodeClientPingRequest,
  encodeClientRemoveDistributedObjectListenerRequest,
  encodeClientRemovePartitionLostListenerRequest,
  encodeClientStatisticsRequest,
  MessageWriter,
} from '@hz/core/codec';
import { AuthenticationStatus, ErrorCode, startCluster, type Cluster } from '../src';
import { ErrorResponse, RawClient, waitFor } from './support/raw-client';
import { recordingLogger } from './support/quiet';

const MAP_SERVICE = 'hz:impl:mapService';

function customAuth(clusterName: string, token: string, serializationVersion = 1) {
  return encodeClientAuthenticationCustomRequest(clusterName, Buffer.from(token), UUID.random(), 'NJS', serializationVersion, '5.6.0', 'custom', [], 1, false);
}

describe('Client service', () => {
  let cluster: Cluster;
  const clients: RawClient[] = [];
  const connect = async (i = 0): Promise<RawClient> => {
    const c = await RawClient.connect(cluster.addresses()[i]);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    cluster = await startCluster({ members: 2, port: 0, logLevel: 'silent' });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    cluster.faults.clear();
  });
  afterAll(() => cluster.shutdown());

  describe('authentication', () => {
    it('answers a good request with everything a 5.x member fills in', async () => {
      const c = await connect(1);
      const r = await c.authenticate({ clientName: 'tester', labels: ['a', 'b'] });
      const member = cluster.members[1];
      expect(r.status).toBe(AuthenticationStatus.AUTHENTICATED);
      expect(r.memberUuid?.toString()).toBe(member.uuidString);
      expect(r.address).toEqual({ host: '127.0.0.1', port: member.port });
      expect(r.serializationVersion).toBe(1);
      expect(r.serverHazelcastVersion).toBe('5.5.0');
      expect(r.partitionCount).toBe(271);
      expect(r.clusterId.toString()).toBe(cluster.id.toString());
      expect(r.failoverSupported).toBe(false);
      expect(r.tpcPorts).toBeNull();
      expect(r.tpcToken).toBeNull();
      expect(r.memberListVersion).toBe(cluster.memberListVersion);
      expect(r.memberInfos?.map((m) => m.uuid.toString())).toEqual(cluster.members.map((m) => m.uuidString));
      expect(r.memberInfos?.[0].version).toEqual({ major: 5, minor: 5, patch: 0 });
      expect(r.partitionListVersion).toBe(cluster.partitionTable.version);
      const owned = (r.partitions ?? []).flatMap(([, ps]) => ps).sort((a, b) => a - b);
      expect(owned).toEqual(Array.from({ length: 271 }, (_, i) => i));
      expect(r.keyValuePairs).toEqual(new Map());
    });

    it('refuses a wrong cluster name with CREDENTIALS_FAILED and no member identity', async () => {
      const c = await connect();
      const r = await c.authenticate({ clusterName: 'not-dev' });
      expect(r.status).toBe(AuthenticationStatus.CREDENTIALS_FAILED);
      expect(r.address).toBeNull();
      expect(r.memberUuid).toBeNull();
      expect(r.partitionCount).toBe(271);
      expect(r.clusterId.toString()).toBe(cluster.id.toString());
      expect(cluster.clients()).toHaveLength(0);
    });

    it('refuses a username and password when security is off, as a member does', async () => {
      const c = await connect();
      expect((await c.authenticate({ username: 'u', password: 'p' })).status).toBe(AuthenticationStatus.CREDENTIALS_FAILED);
    });

    it('refuses another serialization version with SERIALIZATION_VERSION_MISMATCH', async () => {
      const c = await connect();
      expect((await c.authenticate({ serializationVersion: 2 })).status).toBe(AuthenticationStatus.SERIALIZATION_VERSION_MISMATCH);
    });

    it('refuses custom credentials when no token is configured', async () => {
      const c = await connect();
      const r = decodeClientAuthenticationCustomResponse(await c.invoke(customAuth('dev', 'anything')));
      expect(r.status).toBe(AuthenticationStatus.CREDENTIALS_FAILED);
    });

    it('can be forced to answer NOT_ALLOWED_IN_CLUSTER', async () => {
      cluster.faults.failAuthentication(AuthenticationStatus.NOT_ALLOWED_IN_CLUSTER);
      const c = await connect();
      expect((await c.authenticate()).status).toBe(AuthenticationStatus.NOT_ALLOWED_IN_CLUSTER);
    });

    it('answers a request before authentication with a retryable error and closes the connection', async () => {
      const c = await connect();
      const err = await c.invoke(encodeClientPingRequest()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ErrorResponse);
      expect((err as ErrorResponse).code).toBe(ErrorCode.RETRYABLE_HAZELCAST);
      expect((err as ErrorResponse).holders[1].errorCode).toBe(ErrorCode.AUTHENTICATION);
      await c.closed;
    });
  });

  describe('after authentication', () => {
    it('answers pings, keeps the last statistics and shows the client with its name and labels', async () => {
      const uuid = UUID.random();
      const a = await connect(0);
      const b = await connect(1);
      await a.authenticate({ uuid, clientName: 'inspected', labels: ['blue'] });
      await b.authenticate({ uuid, clientName: 'inspected', labels: ['blue'] });
      await a.invoke(encodeClientPingRequest());
      await a.invoke(encodeClientStatisticsRequest(1000, 'clientName=inspected,enterprise=false', Buffer.from([1, 2, 3])));
      await a.invoke(encodeClientStatisticsRequest(2000, 'clientName=inspected,clientType=NJS', Buffer.from([4])));
      const info = cluster.clients().find((i) => i.uuid === uuid.toString());
      expect(info).toMatchObject({ name: 'inspected', labels: ['blue'], type: 'NJS', version: '5.6.0' });
      expect(info?.connections.map((x) => x.memberUuid).sort()).toEqual(cluster.members.map((m) => m.uuidString).sort());
      expect(info?.statistics).toMatchObject({ timestamp: 2000, attributes: { clientName: 'inspected', clientType: 'NJS' } });
      expect(info?.statistics?.metricsBlob).toEqual(Buffer.from([4]));
    });

    it('sends the member list and partition table to a cluster view listener', async () => {
      const c = await connect();
      await c.authenticate();
      const reg = c.peekCorrelationId();
      await c.invoke(encodeClientAddClusterViewListenerRequest());
      const ev = await c.waitForEvent((e) => e.messageType === CLIENT_ADD_CLUSTER_VIEW_LISTENER_MEMBERS_VIEW_EVENT_TYPE);
      expect(ev.correlationId).toBe(reg);
    });

    it('creates and destroys proxies, lists them and tells distributed object listeners', async () => {
      const a = await connect(0);
      const b = await connect(1);
      await a.authenticate();
      await b.authenticate();
      // b registers on both members with localOnly, as a smart client does: one event per change.
      const regA = decodeClientAddDistributedObjectListenerResponse(await b.invoke(encodeClientAddDistributedObjectListenerRequest(true)));
      expect(regA).toBeInstanceOf(UUID);
      const b0 = await connect(0);
      await b0.authenticate();
      await b0.invoke(encodeClientAddDistributedObjectListenerRequest(true));

      await a.invoke(encodeClientCreateProxyRequest('objects-1', MAP_SERVICE));
      await a.invoke(encodeClientCreateProxyRequest('objects-1', MAP_SERVICE)); // exists already: no event
      const list = decodeClientGetDistributedObjectsResponse(await a.invoke(encodeClientGetDistributedObjectsRequest()));
      expect(list).toContainEqual({ serviceName: MAP_SERVICE, name: 'objects-1' });

      const created = await b0.waitForEvent((e) => e.messageType === CLIENT_ADD_DISTRIBUTED_OBJECT_LISTENER_DISTRIBUTED_OBJECT_EVENT_TYPE);
      const ev = decodeClientAddDistributedObjectListenerDistributedObjectEvent(created);
      expect(ev).toMatchObject({ name: 'objects-1', serviceName: MAP_SERVICE, eventType: 'CREATED' });
      expect(ev.source.toString()).toBe(cluster.members[0].uuidString);

      await a.invoke(encodeClientDestroyProxyRequest('objects-1', MAP_SERVICE));
      const destroyed = decodeClientAddDistributedObjectListenerDistributedObjectEvent(
        await b0.waitForEvent(
          (e) => e.messageType === CLIENT_ADD_DISTRIBUTED_OBJECT_LISTENER_DISTRIBUTED_OBJECT_EVENT_TYPE && decodeClientAddDistributedObjectListenerDistributedObjectEvent(e).eventType === 'DESTROYED',
        ),
      );
      expect(destroyed.name).toBe('objects-1');
      expect(decodeClientGetDistributedObjectsResponse(await a.invoke(encodeClientGetDistributedObjectsRequest()))).not.toContainEqual({
        serviceName: MAP_SERVICE,
        name: 'objects-1',
      });
      // The registration on member 1 heard nothing: the changes were handled by member 0.
      expect(b.eventsOfType(CLIENT_ADD_DISTRIBUTED_OBJECT_LISTENER_DISTRIBUTED_OBJECT_EVENT_TYPE)).toHaveLength(0);
      expect(b0.eventsOfType(CLIENT_ADD_DISTRIBUTED_OBJECT_LISTENER_DISTRIBUTED_OBJECT_EVENT_TYPE)).toHaveLength(2);

      expect(decodeClientRemoveDistributedObjectListenerResponse(await b.invoke(encodeClientRemoveDistributedObjectListenerRequest(regA)))).toBe(true);
      expect(decodeClientRemoveDistributedObjectListenerResponse(await b.invoke(encodeClientRemoveDistributedObjectListenerRequest(regA)))).toBe(false);
    });

    it('registers backup and partition lost listeners, and drops them with the connection', async () => {
      const before = cluster.clientService.listenerCounts();
      const c = await connect();
      await c.authenticate();
      expect(decodeClientLocalBackupListenerResponse(await c.invoke(encodeClientLocalBackupListenerRequest()))).toBeInstanceOf(UUID);
      const lost = decodeClientAddPartitionLostListenerResponse(await c.invoke(encodeClientAddPartitionLostListenerRequest(true)));
      expect(cluster.clientService.listenerCounts()).toMatchObject({ backup: before.backup + 1, partitionLost: before.partitionLost + 1 });
      expect(decodeClientRemovePartitionLostListenerResponse(await c.invoke(encodeClientRemovePartitionLostListenerRequest(lost)))).toBe(true);
      await c.close();
      await waitFor(() => cluster.clientService.listenerCounts().backup === before.backup);
      expect(cluster.clientService.listenerCounts().partitionLost).toBe(before.partitionLost);
    });
  });

  describe('errors', () => {
    it('answers an unknown message type with UnsupportedOperationException, as a member does', async () => {
      const c = await connect();
      await c.authenticate();
      const unknown = MessageWriter.request(0x7f0100, 0, 0).finish();
      const err = (await c.invoke(unknown).catch((e: unknown) => e)) as ErrorResponse;
      expect(err).toBeInstanceOf(ErrorResponse);
      expect(err.code).toBe(ErrorCode.UNSUPPORTED_OPERATION);
      expect(err.code).toBe(61);
      expect(err.className).toBe('java.lang.UnsupportedOperationException');
      expect(err.holders[0].message).toBe('Unrecognized client message received with type: 0x7f0100');
      // The connection stays usable.
      await c.invoke(encodeClientPingRequest());
    });
  });
});

describe('Client service with credentials and a token', () => {
  let cluster: Cluster;
  const clients: RawClient[] = [];
  beforeAll(async () => {
    cluster = await startCluster({ port: 0, logLevel: 'silent', clusterName: 'secure', credentials: { username: 'admin', password: 'secret' }, token: 'let-me-in' });
  });
  afterEach(() => Promise.all(clients.splice(0).map((c) => c.close())));
  afterAll(() => cluster.shutdown());
  const connect = async () => {
    const c = await RawClient.connect(cluster.addresses()[0]);
    clients.push(c);
    return c;
  };

  it('accepts the right username and password and refuses wrong ones', async () => {
    expect((await (await connect()).authenticate({ clusterName: 'secure', username: 'admin', password: 'secret' })).status).toBe(0);
    expect((await (await connect()).authenticate({ clusterName: 'secure', username: 'admin', password: 'nope' })).status).toBe(1);
    expect((await (await connect()).authenticate({ clusterName: 'secure' })).status).toBe(1);
    expect((await (await connect()).authenticate({ clusterName: 'dev', username: 'admin', password: 'secret' })).status).toBe(1);
  });

  it('accepts the token through authenticationCustom and refuses another one', async () => {
    const ok = decodeClientAuthenticationCustomResponse(await (await connect()).invoke(customAuth('secure', 'let-me-in')));
    expect(ok.status).toBe(AuthenticationStatus.AUTHENTICATED);
    expect(ok.memberUuid?.toString()).toBe(cluster.members[0].uuidString);
    const bad = decodeClientAuthenticationCustomResponse(await (await connect()).invoke(customAuth('secure', 'let-me-out')));
    expect(bad.status).toBe(AuthenticationStatus.CREDENTIALS_FAILED);
  });
});

describe('Heartbeats', () => {
  it('closes a client that sends nothing for the timeout, and keeps one that pings', async () => {
    const records = recordingLogger();
    const cluster = await startCluster({ port: 0, logger: records, heartbeatTimeoutMs: 300, heartbeatCheckIntervalMs: 20 });
    const silent = await RawClient.connect(cluster.addresses()[0]);
    const pinging = await RawClient.connect(cluster.addresses()[0]);
    try {
      await silent.authenticate();
      await pinging.authenticate();
      const timer = setInterval(() => void pinging.invoke(encodeClientPingRequest()).catch(() => undefined), 50);
      try {
        await silent.closed;
        // The pinging client outlived the silent one's timeout.
        expect(pinging.isClosed).toBe(false);
        await pinging.invoke(encodeClientPingRequest());
      } finally {
        clearInterval(timer);
      }
      expect(records.records.some((r) => r.level === 'warn' && /heartbeat timed out/.test(r.msg ?? ''))).toBe(true);
    } finally {
      await silent.close();
      await pinging.close();
      await cluster.shutdown();
    }
  });
});
