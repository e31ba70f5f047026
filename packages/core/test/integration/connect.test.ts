import { AuthenticationError, HazelcastClient, LifecycleState, type ClientConfig } from '@hz/core';
import { eventually, itDev, startTestCluster, type TestCluster } from '../../../../test/support/cluster';

const quiet = { 'hazelcast.logging.level': 'OFF' };

function config(cluster: TestCluster, extra: ClientConfig = {}): ClientConfig {
  return {
    clusterName: cluster.clusterName,
    ...extra,
    network: { clusterMembers: cluster.addresses, ...extra.network },
    properties: { ...quiet, ...extra.properties },
  };
}

describe('connecting to one member', () => {
  let cluster: TestCluster;
  beforeAll(async () => (cluster = await startTestCluster({ members: 1 })));
  afterAll(() => cluster.shutdown());

  it('goes through the lifecycle states and shuts down', async () => {
    const states: string[] = [];
    const client = await HazelcastClient.newHazelcastClient(config(cluster, { lifecycleListeners: [(s) => states.push(s)] }));
    expect(client.getLifecycleService().isRunning()).toBe(true);
    expect(client.getCluster().getMembers()).toHaveLength(cluster.addresses.length);
    await client.shutdown();
    expect(states).toEqual([
      LifecycleState.STARTING,
      LifecycleState.STARTED,
      LifecycleState.CONNECTED,
      LifecycleState.SHUTTING_DOWN,
      LifecycleState.SHUTDOWN,
    ]);
    expect(client.getLifecycleService().isRunning()).toBe(false);
  });

  itDev('shows its name and labels to the member', async () => {
    const client = await HazelcastClient.newHazelcastClient(config(cluster, { instanceName: 'orders-service', clientLabels: ['blue', 'eu'] }));
    try {
      await eventually(() => {
        const seen = cluster.dev!.clients().find((c) => c.name === 'orders-service');
        expect(seen?.labels).toEqual(['blue', 'eu']);
      });
    } finally {
      await client.shutdown();
    }
  });

  it('fails with AuthenticationError on a wrong cluster name', async () => {
    const attempt = HazelcastClient.newHazelcastClient(config(cluster, { clusterName: 'not-this-one' }));
    await expect(attempt).rejects.toThrow(AuthenticationError);
    await expect(HazelcastClient.newHazelcastClient(config(cluster, { clusterName: 'not-this-one' }))).rejects.toThrow(/cluster name "not-this-one"/);
  });
});

describe('connecting with credentials', () => {
  let cluster: TestCluster;
  beforeAll(async () => (cluster = await startTestCluster({ members: 1, credentials: { username: 'app', password: 's3cret-pw' } })));
  afterAll(() => cluster.shutdown());

  itDev('authenticates with username and password', async () => {
    const client = await HazelcastClient.newHazelcastClient(config(cluster, { security: { usernamePassword: { username: 'app', password: 's3cret-pw' } } }));
    await client.shutdown();
  });

  itDev('rejects a wrong password with an error that names the user but not the password', async () => {
    const error = await HazelcastClient.newHazelcastClient(config(cluster, { security: { usernamePassword: { username: 'app', password: 'wrong-pw' } } })).catch((e: Error) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('"app"');
    expect((error as Error).message).not.toContain('wrong-pw');
  });
});

describe('connecting with a token', () => {
  let cluster: TestCluster;
  beforeAll(async () => (cluster = await startTestCluster({ members: 1, token: 'tok-123' })));
  afterAll(() => cluster.shutdown());

  itDev('authenticates with the right token and fails with another', async () => {
    const client = await HazelcastClient.newHazelcastClient(config(cluster, { security: { token: { token: Buffer.from('tok-123') } } }));
    await client.shutdown();
    const error = await HazelcastClient.newHazelcastClient(config(cluster, { security: { token: { token: Buffer.from('nope') } } })).catch((e: Error) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).not.toContain('nope');
  });
});
