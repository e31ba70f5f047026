import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { HazelcastClient, IllegalStateError, type ClientConfig } from '@hz/core';
import { startCluster, type Cluster } from '@hz/member';
import { makeTestCerts, type TestCerts } from '../../../../test/support/certs';
import { eventually, REAL_CLUSTER } from '../../../../test/support/cluster';

const quiet = { 'hazelcast.logging.level': 'OFF' };
const failFast = { connectionRetry: { clusterConnectTimeoutMillis: 300, initialBackoffMillis: 50, maxBackoffMillis: 50 } };
// These tests start their own TLS members and discovery endpoint: they need the development member.
const describeDev = REAL_CLUSTER ? describe.skip : describe;
if (REAL_CLUSTER) process.stdout.write('skipped TLS and cloud discovery tests: they start their own development members\n');

describeDev('TLS', () => {
  let certs: TestCerts;
  beforeAll(() => (certs = makeTestCerts()));
  afterAll(() => certs.cleanup());

  const tlsConfig = (cluster: Cluster, ssl: NonNullable<NonNullable<ClientConfig['network']>['ssl']>, members = cluster.addresses()): ClientConfig => ({
    clusterName: cluster.name,
    network: { clusterMembers: members, ssl },
    connectionStrategy: failFast,
    properties: quiet,
  });

  it('verifies the member certificate against the CA and checks the host name', async () => {
    const cluster = await startCluster({ members: 2, port: 0, logLevel: 'silent', tls: { key: certs.serverKey, cert: certs.serverCert } });
    try {
      const client = await HazelcastClient.newHazelcastClient(tlsConfig(cluster, { enabled: true, sslOptions: { ca: certs.caCert } }));
      await eventually(() => expect(client.connections.getActiveConnections()).toHaveLength(2));
      await client.getDistributedObjects();
      await client.shutdown();
      // Without the CA the member's certificate is not trusted.
      await expect(HazelcastClient.newHazelcastClient(tlsConfig(cluster, { enabled: true, sslOptions: {} }))).rejects.toThrow(IllegalStateError);
    } finally {
      await cluster.shutdown();
    }
  });

  it('refuses a certificate issued for another host name (hostname check on by default)', async () => {
    const cluster = await startCluster({ members: 1, port: 0, logLevel: 'silent', tls: { key: certs.otherHostKey, cert: certs.otherHostCert } });
    try {
      await expect(HazelcastClient.newHazelcastClient(tlsConfig(cluster, { enabled: true, sslOptions: { ca: certs.caCert } }))).rejects.toThrow(IllegalStateError);
      // Turning the check off explicitly is the user's choice.
      const client = await HazelcastClient.newHazelcastClient(tlsConfig(cluster, { enabled: true, sslOptions: { ca: certs.caCert, checkServerIdentity: () => undefined } }));
      await client.shutdown();
    } finally {
      await cluster.shutdown();
    }
  });

  it('authenticates with a client certificate (mutual TLS)', async () => {
    const cluster = await startCluster({
      members: 1,
      port: 0,
      logLevel: 'silent',
      tls: { key: certs.serverKey, cert: certs.serverCert, ca: certs.caCert, requireClientCert: true },
    });
    try {
      const client = await HazelcastClient.newHazelcastClient(
        tlsConfig(cluster, { enabled: true, sslOptions: { ca: certs.caCert, key: certs.clientKey, cert: certs.clientCert } }),
      );
      await client.getDistributedObjects();
      await client.shutdown();
      await expect(HazelcastClient.newHazelcastClient(tlsConfig(cluster, { enabled: true, sslOptions: { ca: certs.caCert } }))).rejects.toThrow(IllegalStateError);
      await expect(
        HazelcastClient.newHazelcastClient(tlsConfig(cluster, { enabled: true, sslOptions: { ca: certs.caCert, key: certs.strangerKey, cert: certs.strangerCert } })),
      ).rejects.toThrow(IllegalStateError);
    } finally {
      await cluster.shutdown();
    }
  });
});

describeDev('Hazelcast Cloud discovery', () => {
  let certs: TestCerts;
  let cluster: Cluster;
  let discovery: Server;
  let discoveryUrl: string;
  let requests: string[];

  beforeAll(async () => {
    certs = makeTestCerts();
    cluster = await startCluster({ members: 2, port: 0, logLevel: 'silent', tls: { key: certs.serverKey, cert: certs.serverCert } });
    requests = [];
    // Members report 127.0.0.1; the discovery endpoint says their public address is "localhost".
    discovery = createServer({ key: certs.serverKey, cert: certs.serverCert }, (req, res) => {
      requests.push(req.url ?? '');
      const url = new URL(req.url ?? '/', 'https://localhost');
      if (url.pathname !== '/cluster/discovery' || url.searchParams.get('token') !== 'secret-token') {
        res.writeHead(401).end('{"message":"bad token"}');
        return;
      }
      const body = cluster.members.map((m) => ({ 'private-address': `127.0.0.1:${m.port}`, 'public-address': `localhost:${m.port}` }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => discovery.listen(0, '127.0.0.1', resolve));
    discoveryUrl = `https://localhost:${(discovery.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await cluster.shutdown();
    await new Promise((resolve) => discovery.close(resolve));
    certs.cleanup();
  });

  const cloudConfig = (token: string): ClientConfig => ({
    clusterName: cluster.name,
    network: { hazelcastCloud: { discoveryToken: token }, ssl: { enabled: true, sslOptions: { ca: certs.caCert } } },
    connectionStrategy: failFast,
    properties: { ...quiet, 'hazelcast.client.cloud.url': discoveryUrl },
  });

  it('finds the members through the discovery endpoint and connects to their public addresses', async () => {
    const client = await HazelcastClient.newHazelcastClient(cloudConfig('secret-token'));
    try {
      expect(requests.some((r) => r.startsWith('/cluster/discovery?token=secret-token'))).toBe(true);
      await eventually(() => expect(client.connections.getActiveConnections()).toHaveLength(2));
      // The second member was reached through the member list: its private address was translated.
      for (const c of client.connections.getActiveConnections()) expect(c.remoteAddress.host).toBe('localhost');
    } finally {
      await client.shutdown();
    }
  });

  it('fails to connect with a wrong token, without putting the token in the error', async () => {
    const error = await HazelcastClient.newHazelcastClient(cloudConfig('wrong-token')).catch((e: Error) => e);
    expect(error).toBeInstanceOf(IllegalStateError);
    expect((error as Error).message).toContain('HTTP 401');
    expect((error as Error).message).not.toContain('wrong-token');
  });
});
