import { encodeClientPingRequest } from '@hz/core/codec';
import { runCli } from '../src';
import { RawClient } from './support/raw-client';

describe('hz-member CLI', () => {
  it('prints usage for --help', async () => {
    const lines: string[] = [];
    expect(await runCli(['--help'], { out: (l) => lines.push(l), handleSignals: false })).toBeNull();
    expect(lines.join('\n')).toMatch(/--members N/);
    expect(lines.join('\n')).toMatch(/not a production server/);
  });

  it('starts the members and prints their addresses', async () => {
    const lines: string[] = [];
    const cluster = await runCli(['--members', '2', '--port', '0', '--cluster-name', 'cli', '--log-level', 'silent'], {
      out: (l) => lines.push(l),
      handleSignals: false,
    });
    expect(cluster).not.toBeNull();
    try {
      const membersLine = lines.find((l) => l.startsWith('Members: '));
      const addresses = (membersLine ?? '').slice('Members: '.length).split(',');
      expect(addresses).toHaveLength(2);
      expect(addresses).toEqual(cluster!.addresses());
      const c = await RawClient.connect(addresses[1]);
      try {
        expect((await c.authenticate({ clusterName: 'cli' })).status).toBe(0);
        await c.invoke(encodeClientPingRequest());
      } finally {
        await c.close();
      }
    } finally {
      await cluster!.shutdown();
    }
  });
});
