import {
  ClientNotActiveError,
  ClientOfflineError,
  HazelcastClient,
  HazelcastOverloadError,
  IllegalArgumentError,
  LifecycleState,
  TargetDisconnectedError,
  type ClientConfig,
  type HeapData,
} from '@hz/core';
import { encodeMapGetRequest, encodeMapPutRequest, MAP_GET_REQUEST_TYPE, MAP_PUT_REQUEST_TYPE } from '@hz/proxies/codec';
import { CLIENT_GET_DISTRIBUTED_OBJECTS_REQUEST_TYPE, encodeClientGetDistributedObjectsRequest } from '@hz/core/codec';
import { eventually, itDev, startTestCluster, type TestCluster } from '../../../../test/support/cluster';

const quiet = { 'hazelcast.logging.level': 'OFF' };

function config(cluster: TestCluster, extra: ClientConfig = {}): ClientConfig {
  return { clusterName: cluster.clusterName, ...extra, network: { clusterMembers: cluster.addresses, ...extra.network }, properties: { ...quiet, ...extra.properties } };
}

function key(client: HazelcastClient, k: string): HeapData {
  return client.serialization.toData(k) as HeapData;
}

describe('invocation failures and retries', () => {
  let cluster: TestCluster;
  beforeEach(async () => (cluster = await startTestCluster({ members: 2 })));
  afterEach(() => cluster.shutdown());

  itDev('retries a retryable operation on another member when its member dies', async () => {
    const client = await HazelcastClient.newHazelcastClient(config(cluster));
    try {
      await eventually(() => expect(client.connections.getActiveConnections()).toHaveLength(2));
      const k = key(client, 'survivor');
      const p = client.getPartitionService().getPartitionId(k);
      await client.invocations.invokeOnPartition(encodeMapPutRequest('m', k, key(client, 'v'), 1, -1), p);
      const owner = cluster.dev!.ownerOf(p)!;
      owner.faults.delayResponses({ messageType: MAP_GET_REQUEST_TYPE, delayMs: 10_000 });
      const get = client.invocations.invokeOnPartition(encodeMapGetRequest('m', k, 1), p);
      await eventually(() => expect(client.invocations.pendingCount()).toBeGreaterThan(0));
      await cluster.dev!.killMember(owner.uuid.toString());
      const response = await get;
      expect(response.messageType).toBe(MAP_GET_REQUEST_TYPE + 1);
    } finally {
      await client.shutdown();
    }
  });

  itDev('fails a non-retryable operation whose member dies with TargetDisconnectedError, unless redo is on', async () => {
    for (const redo of [false, true]) {
      const client = await HazelcastClient.newHazelcastClient(config(cluster, { network: { redoOperation: redo } }));
      try {
        await eventually(() => expect(client.connections.getActiveConnections()).toHaveLength(cluster.dev!.members.length));
        const k = key(client, `k-${redo}`);
        const p = client.getPartitionService().getPartitionId(k);
        const owner = cluster.dev!.ownerOf(p)!;
        owner.faults.delayResponses({ messageType: MAP_PUT_REQUEST_TYPE, delayMs: 10_000 });
        const put = client.invocations.invokeOnPartition(encodeMapPutRequest('m', k, key(client, 'v'), 1, -1), p);
        await eventually(() => expect(client.invocations.pendingCount()).toBeGreaterThan(0));
        await cluster.dev!.killMember(owner.uuid.toString());
        if (redo) await expect(put).resolves.toBeDefined();
        else await expect(put).rejects.toThrow(TargetDisconnectedError);
        await cluster.dev!.startMember();
      } finally {
        await client.shutdown();
      }
    }
  });

  itDev('turns a server error into its typed error with the server message, class and stack', async () => {
    const client = await HazelcastClient.newHazelcastClient(config(cluster));
    try {
      cluster.dev!.faults.failRequests({ messageType: CLIENT_GET_DISTRIBUTED_OBJECTS_REQUEST_TYPE, errorCode: 23, message: 'bad argument from the member', times: 1 });
      const error = await client.getDistributedObjects().catch((e: Error) => e);
      expect(error).toBeInstanceOf(IllegalArgumentError);
      expect((error as IllegalArgumentError).message).toContain('bad argument from the member');
      expect((error as IllegalArgumentError).className).toBe('java.lang.IllegalArgumentException');
      expect((error as IllegalArgumentError).serverStackTrace).toBeDefined();
    } finally {
      await client.shutdown();
    }
  });

  itDev('caps pending invocations: rejects beyond the cap, or waits for room when configured', async () => {
    const props = { 'hazelcast.client.max.concurrent.invocations': 3 };
    const client = await HazelcastClient.newHazelcastClient(config(cluster, { properties: props }));
    const waiting = await HazelcastClient.newHazelcastClient(
      config(cluster, { properties: { ...props, 'hazelcast.client.invocation.backoff.timeout.millis': 10_000 } }),
    );
    try {
      const rule = cluster.dev!.faults.delayResponses({ messageType: CLIENT_GET_DISTRIBUTED_OBJECTS_REQUEST_TYPE, delayMs: 300 });
      // The cluster view listener (and backup listeners) already hold slots.
      const busy = Array.from({ length: 3 }, () => client.invocations.invokeOnRandom(encodeClientGetDistributedObjectsRequest()).catch((e: Error) => e));
      const results = await Promise.all(busy);
      expect(results.some((r) => r instanceof HazelcastOverloadError)).toBe(true);
      const all = await Promise.all(Array.from({ length: 4 }, () => waiting.invocations.invokeOnRandom(encodeClientGetDistributedObjectsRequest())));
      expect(all).toHaveLength(4);
      rule.remove();
    } finally {
      await client.shutdown();
      await waiting.shutdown();
    }
  });

  itDev('rejects pending invocations with ClientNotActiveError on shutdown', async () => {
    const client = await HazelcastClient.newHazelcastClient(config(cluster));
    cluster.dev!.faults.delayResponses({ messageType: CLIENT_GET_DISTRIBUTED_OBJECTS_REQUEST_TYPE, delayMs: 10_000 });
    const pending = client.getDistributedObjects();
    await eventually(() => expect(client.invocations.pendingCount()).toBeGreaterThan(0));
    await client.shutdown();
    await expect(pending).rejects.toThrow(ClientNotActiveError);
    await expect(client.getDistributedObjects()).rejects.toThrow(ClientNotActiveError);
  });
});

describe('heartbeats and reconnection', () => {
  let cluster: TestCluster;
  beforeEach(async () => (cluster = await startTestCluster({ members: 1 })));
  afterEach(() => cluster.shutdown());

  itDev('closes a connection the member stopped answering on, then reconnects', async () => {
    const states: string[] = [];
    const client = await HazelcastClient.newHazelcastClient(
      config(cluster, {
        lifecycleListeners: [(s) => states.push(s)],
        properties: { 'hazelcast.client.heartbeat.interval': 100, 'hazelcast.client.heartbeat.timeout': 600 },
      }),
    );
    try {
      const silence = cluster.dev!.faults.dropResponses({});
      await eventually(() => expect(states).toContain(LifecycleState.DISCONNECTED), 10_000);
      silence.remove();
      await eventually(() => expect(states.filter((s) => s === LifecycleState.CONNECTED)).toHaveLength(2), 10_000);
      await client.getDistributedObjects();
    } finally {
      await client.shutdown();
    }
  }, 30_000);

  itDev('shuts the client down when the cluster is lost and reconnect mode is OFF', async () => {
    const states: string[] = [];
    const client = await HazelcastClient.newHazelcastClient(config(cluster, { lifecycleListeners: [(s) => states.push(s)], connectionStrategy: { reconnectMode: 'OFF' } }));
    cluster.dev!.faults.dropConnections();
    await eventually(() => expect(states).toContain(LifecycleState.SHUTDOWN));
    await expect(client.getDistributedObjects()).rejects.toThrow(ClientNotActiveError);
  });

  itDev('fails fast with ClientOfflineError while reconnecting in ASYNC mode, waits in ON mode', async () => {
    const asyncClient = await HazelcastClient.newHazelcastClient(config(cluster, { connectionStrategy: { reconnectMode: 'ASYNC' } }));
    const onClient = await HazelcastClient.newHazelcastClient(config(cluster, { connectionStrategy: { reconnectMode: 'ON' } }));
    try {
      // Hold re-authentication back so that the clients stay offline for a while.
      const slowAuth = cluster.dev!.faults.delayResponses({ messageType: 0x000100, delayMs: 800 });
      cluster.dev!.faults.dropConnections();
      await eventually(() => expect(asyncClient.connections.getActiveConnections()).toHaveLength(0));
      await expect(asyncClient.getDistributedObjects()).rejects.toThrow(ClientOfflineError);
      const waited = onClient.getDistributedObjects();
      await expect(waited).resolves.toBeDefined();
      slowAuth.remove();
      await eventually(() => expect(asyncClient.connections.getActiveConnections()).toHaveLength(1));
      await asyncClient.getDistributedObjects();
    } finally {
      await asyncClient.shutdown();
      await onClient.shutdown();
    }
  });
});

describe('backup acknowledgements', () => {
  let cluster: TestCluster;
  beforeAll(async () => (cluster = await startTestCluster({ members: 2 })));
  afterAll(() => cluster.shutdown());

  itDev('waits for the backups a member announces, when smart routing asks for them', async () => {
    const client = await HazelcastClient.newHazelcastClient(config(cluster));
    const unisocket = await HazelcastClient.newHazelcastClient(config(cluster, { network: { smartRouting: false } }));
    try {
      await eventually(() => expect(client.connections.getActiveConnections()).toHaveLength(2));
      for (let i = 0; i < 10; i++) {
        const k = key(client, `b${i}`);
        const response = await client.invocations.invokeOnPartition(encodeMapPutRequest('acks', k, key(client, 'v'), 1, -1), client.getPartitionService().getPartitionId(k));
        expect(response.backupAcks).toBe(1);
      }
      expect(client.invocations.backupAcksReceived).toBe(10);
      // A unisocket client does not ask: members announce no backups to it.
      const k = key(unisocket, 'u');
      const response = await unisocket.invocations.invokeOnPartition(encodeMapPutRequest('acks', k, key(unisocket, 'v'), 1, -1), 0);
      expect(response.backupAcks).toBe(0);
      expect(unisocket.invocations.backupAcksReceived).toBe(0);
    } finally {
      await client.shutdown();
      await unisocket.shutdown();
    }
  });
});
