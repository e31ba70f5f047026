import type { Address } from '../codec/generated/custom';
import { HazelcastError } from '../errors/hazelcast-error';
import { addressKey, parseMemberAddress } from './address';

/** Where the client finds members to connect to, and how it reaches an address a member reports. */
export interface AddressProvider {
  /** Addresses to try when connecting to the cluster. */
  loadAddresses(): Promise<Address[]>;
  /** The address to connect to for an address a member reported. */
  translate(address: Address): Address;
}

/** The addresses in network.clusterMembers (127.0.0.1 with ports 5701-5703 when empty). */
export class StaticAddressProvider implements AddressProvider {
  private readonly addresses: Address[];

  constructor(clusterMembers: string[]) {
    const list = clusterMembers.length ? clusterMembers : ['127.0.0.1'];
    this.addresses = list.flatMap(parseMemberAddress);
  }

  async loadAddresses(): Promise<Address[]> {
    return this.addresses;
  }

  translate(address: Address): Address {
    return address;
  }
}

/**
 * Hazelcast Cloud: the discovery endpoint lists each member's private and public address; the
 * client connects to the public ones and translates the private addresses members report.
 */
export class CloudAddressProvider implements AddressProvider {
  private privateToPublic = new Map<string, Address>();

  constructor(
    private readonly discoveryUrl: string,
    private readonly token: string,
    private readonly connectTimeoutMillis: number,
    private readonly tlsOptions: import('node:https').RequestOptions = {},
  ) {}

  async loadAddresses(): Promise<Address[]> {
    const entries = await this.discover();
    const map = new Map<string, Address>();
    for (const e of entries) map.set(addressKey(e.privateAddress), e.publicAddress);
    this.privateToPublic = map;
    return entries.map((e) => e.publicAddress);
  }

  translate(address: Address): Address {
    return this.privateToPublic.get(addressKey(address)) ?? address;
  }

  private async discover(): Promise<Array<{ privateAddress: Address; publicAddress: Address }>> {
    const url = new URL('/cluster/discovery', this.discoveryUrl);
    url.searchParams.set('token', this.token);
    // https is loaded for Cloud discovery only: loading it costs every cold start ~7 ms.
    const { request } = await import('node:https');
    return new Promise((resolve, reject) => {
      const req = request(url, { method: 'GET', timeout: this.connectTimeoutMillis || undefined, ...this.tlsOptions }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) {
            // The body may echo the request; the token is never put into the message.
            reject(new HazelcastError(`Hazelcast Cloud discovery failed with HTTP ${res.statusCode}`));
            return;
          }
          try {
            const parsed = JSON.parse(body) as Array<Record<string, string>>;
            resolve(
              parsed.map((e) => ({
                privateAddress: parseMemberAddress(withPort(e['private-address'], e['public-address']))[0],
                publicAddress: parseMemberAddress(e['public-address'])[0],
              })),
            );
          } catch (error) {
            reject(new HazelcastError('Hazelcast Cloud discovery returned a malformed member list', { cause: error }));
          }
        });
      });
      req.on('timeout', () => req.destroy(new HazelcastError('Hazelcast Cloud discovery timed out')));
      req.on('error', (error) => reject(error instanceof HazelcastError ? error : new HazelcastError(`Hazelcast Cloud discovery failed: ${error.message}`, { cause: error })));
      req.end();
    });
  }
}

/** Private addresses come without a port when it equals the public one's. */
function withPort(privateAddress: string, publicAddress: string): string {
  if (/:\d+$/.test(privateAddress) && !privateAddress.startsWith('[')) return privateAddress;
  const port = publicAddress.match(/:(\d+)$/)?.[1];
  return port ? `${privateAddress}:${port}` : privateAddress;
}
