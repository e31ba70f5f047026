import { InvalidConfigurationError } from '../errors';
import type { Address } from '../codec/generated/custom';

/** Ports tried, in order, for a member address given without one. */
export const DEFAULT_PORTS = [5701, 5702, 5703];

/**
 * Parses "host", "host:port", "[ipv6]" or "[ipv6]:port". Without a port, one address per
 * default port is returned.
 */
export function parseMemberAddress(text: string): Address[] {
  const s = text.trim();
  let host: string;
  let port: string | undefined;
  const v6 = s.match(/^\[([^\]]+)\](?::(\d+))?$/);
  if (v6) {
    host = v6[1];
    port = v6[2];
  } else if ((s.match(/:/g) ?? []).length > 1) {
    host = s; // bare IPv6 without a port
  } else {
    [host, port] = s.split(':');
  }
  if (!host) throw new InvalidConfigurationError(`Invalid configuration: network.clusterMembers entry "${text}" has no host`);
  if (port === undefined) return DEFAULT_PORTS.map((p) => ({ host, port: p }));
  const n = Number(port);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new InvalidConfigurationError(`Invalid configuration: network.clusterMembers entry "${text}" must have a port from 0 to 65535`);
  }
  return [{ host, port: n }];
}

export function addressKey(a: Address): string {
  return `${a.host}:${a.port}`;
}
