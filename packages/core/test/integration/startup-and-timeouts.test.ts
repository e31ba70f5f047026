import { ClientOfflineError, HazelcastClient, LifecycleState, OperationTimeoutError, type ClientConfig } from '@hz/core';
import { CLIENT_GET_DISTRIBUTED_OBJECTS_REQUEST_TYPE } from '@hz/core/codec';
import { startCluster } from '@hz/member';
import { eventually, itDev, startTestCluster, type TestCluster } from '../../../../test/support/cluster';

const quiet = { 'hazelcast.logging.level': 'OFF' };

function config(cluster: TestCluster, extra: ClientConfig = {}): ClientConfig {
  return { clusterName: cluster.clusterName, ...extra, network: { clusterMembers: cluster.addresses, ...extra.network }, properties: { ...quiet, ...extra.properties } };
}

describe('async start', () => {
  itDev('returns before the cluster is there, fails fast in ASYNC mode meanwhile, and connects when it appears', async () => {
    // Reserve a port: start a member, note its port, stop it; the client then waits for it.
    const probe = await startCluster({ members: 1, port: 0, logLevel: 'silent' });
    const address = probe.addresses()[0];
    const port = Number(address.split(':')[1]);
    await probe.shutdown();
    const states: string[] = [];
    const client = await HazelcastClient.newHazelcastClient({
      network: { clusterMembers: [address] },
      lifecycleListeners: [(s) => states.push(s)],
      connectionStrategy: { asyncStart: true, reconnectMode: 'ASYNC', connectionRetry: { initialBackoffMillis: 50, maxBackoffMillis: 100 } },
      properties: quiet,
    });
    try {
      expect(states).toEqual([LifecycleState.STARTING, LifecycleState.STARTED]);
      await expect(client.getDistributedObjects()).rejects.toThrow(ClientOfflineError);
      const cluster = await startCluster({ members: 1, port, logLevel: 'silent' });
      try {
        await eventually(() => expect(states).toContain(LifecycleState.CONNECTED));
        await eventually(() => expect(client.getCluster().getMembers()).toHaveLength(1));
        await client.getDistributedObjects();
      } finally {
        await client.shutdown();
        await cluster.shutdown();
      }
    } finally {
      await client.shutdown();
    }
  });
});

describe('invocation timeout', () => {
  let cluster: TestCluster;
  beforeAll(async () => (cluster = await startTestCluster({ members: 1 })));
  afterAll(() => cluster.shutdown());

  itDev('retries a retryable server error until the invocation timeout, then fails with OperationTimeoutError', async () => {
    const client = await HazelcastClient.newHazelcastClient(
      config(cluster, { properties: { 'hazelcast.client.invocation.timeout.millis': 800, 'hazelcast.client.invocation.retry.pause.millis': 50 } }),
    );
    try {
      const rule = cluster.dev!.faults.failRequests({ messageType: CLIENT_GET_DISTRIBUTED_OBJECTS_REQUEST_TYPE, errorCode: 46, message: 'try again' });
      const error = await client.getDistributedObjects().catch((e: Error) => e);
      expect(error).toBeInstanceOf(OperationTimeoutError);
      expect(rule.hits).toBeGreaterThan(5);
      rule.remove();
      // A retryable error that clears up before the deadline is invisible to the caller.
      const brief = cluster.dev!.faults.failRequests({ messageType: CLIENT_GET_DISTRIBUTED_OBJECTS_REQUEST_TYPE, errorCode: 46, times: 3 });
      await client.getDistributedObjects();
      expect(brief.hits).toBe(3);
    } finally {
      await client.shutdown();
    }
  });
});

describe('lost member connections', () => {
  let cluster: TestCluster;
  beforeAll(async () => (cluster = await startTestCluster({ members: 2 })));
  afterAll(() => cluster.shutdown());

  itDev('reopens a connection to a member that is still in the cluster', async () => {
    const client = await HazelcastClient.newHazelcastClient(config(cluster));
    try {
      await eventually(() => expect(client.connections.getActiveConnections()).toHaveLength(2));
      const member = cluster.dev!.members[1];
      const before = client.connections.getConnection(member.uuid)!;
      member.faults.dropConnections(client.uuid.toString());
      await eventually(() => {
        const now = client.connections.getConnection(member.uuid);
        expect(now).toBeDefined();
        expect(now).not.toBe(before);
      });
      expect(client.getLifecycleService().isRunning()).toBe(true);
    } finally {
      await client.shutdown();
    }
  });
});
