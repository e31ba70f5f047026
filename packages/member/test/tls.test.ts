import { encodeClientPingRequest } from '@hz/core/codec';
import { startCluster, type Cluster } from '../src';
import { makeTestCerts, type TestCerts } from '../../../test/support/certs';
import { RawClient } from './support/raw-client';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require('hazelcast-client') as { Client: { newHazelcastClient(config: object): Promise<{ getMap(n: string): Promise<{ put(k: unknown, v: unknown): Promise<unknown>; get(k: unknown): Promise<unknown> }>; shutdown(): Promise<void> }> } };

describe('TLS', () => {
  let certs: TestCerts;
  beforeAll(() => {
    certs = makeTestCerts();
  });
  afterAll(() => certs.cleanup());

  describe('server TLS', () => {
    let cluster: Cluster;
    beforeAll(async () => {
      cluster = await startCluster({ members: 2, port: 0, logLevel: 'silent', tls: { key: certs.serverKey, cert: certs.serverCert } });
    });
    afterAll(() => cluster.shutdown());

    it('serves clients that trust the CA', async () => {
      const c = await RawClient.connect(cluster.addresses()[0], { tls: { ca: certs.caCert } });
      try {
        expect((await c.authenticate()).status).toBe(0);
        await c.invoke(encodeClientPingRequest());
      } finally {
        await c.close();
      }
    });

    it('is refused by a client that does not trust the certificate', async () => {
      await expect(RawClient.connect(cluster.addresses()[0], { tls: { rejectUnauthorized: true } })).rejects.toThrow();
    });

    it('does not speak the protocol in plain text', async () => {
      const c = await RawClient.connect(cluster.addresses()[0]);
      await expect(c.authenticate()).rejects.toThrow(/closed/);
    });

    it('works with the official client over TLS', async () => {
      const client = await Client.newHazelcastClient({
        clusterName: 'dev',
        network: { clusterMembers: cluster.addresses(), ssl: { enabled: true, sslOptions: { ca: certs.caCert, servername: 'localhost' } } },
        properties: { 'hazelcast.logging.level': 'OFF' },
        metrics: { enabled: false },
      });
      try {
        const map = await client.getMap('tls');
        await map.put('k', 'v');
        expect(await map.get('k')).toBe('v');
      } finally {
        await client.shutdown();
      }
    });
  });

  describe('mutual TLS', () => {
    let cluster: Cluster;
    beforeAll(async () => {
      cluster = await startCluster({
        port: 0,
        logLevel: 'silent',
        tls: { key: certs.serverKey, cert: certs.serverCert, ca: certs.caCert, requireClientCert: true },
      });
    });
    afterAll(() => cluster.shutdown());

    it('serves a client with a certificate signed by the CA', async () => {
      const c = await RawClient.connect(cluster.addresses()[0], { tls: { ca: certs.caCert, key: certs.clientKey, cert: certs.clientCert } });
      try {
        expect((await c.authenticate()).status).toBe(0);
      } finally {
        await c.close();
      }
    });

    it('refuses a client without a certificate, or with one from another CA', async () => {
      for (const extra of [{}, { key: certs.strangerKey, cert: certs.strangerCert }]) {
        let failed = false;
        try {
          const c = await RawClient.connect(cluster.addresses()[0], { tls: { ca: certs.caCert, ...extra } });
          // TLS 1.3 reports the refusal after the handshake: the first exchange fails.
          await c.authenticate().catch(() => (failed = true));
          await c.close();
        } catch {
          failed = true;
        }
        expect(failed).toBe(true);
      }
      expect(cluster.clients()).toHaveLength(0);
    });
  });
});
