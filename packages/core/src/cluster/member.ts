import type { Address, EndpointQualifier, MemberInfo, MemberVersion } from '../codec/generated/custom';
import type { UUID } from '../util/uuid';

/** "host:port", with brackets around IPv6 hosts. */
export function formatAddress(a: Address): string {
  return a.host.includes(':') ? `[${a.host}]:${a.port}` : `${a.host}:${a.port}`;
}

/** A cluster member as the client sees it. */
export class Member {
  readonly address: Address;
  readonly uuid: UUID;
  readonly liteMember: boolean;
  readonly attributes: Map<string, string>;
  readonly version: MemberVersion;
  readonly addressMap: Map<EndpointQualifier, Address>;

  constructor(info: MemberInfo) {
    this.address = info.address;
    this.uuid = info.uuid;
    this.liteMember = info.liteMember;
    this.attributes = info.attributes;
    this.version = info.version;
    this.addressMap = info.addressMap ?? new Map();
  }

  toString(): string {
    return `Member[${formatAddress(this.address)}] - ${this.uuid.toString()}${this.liteMember ? ' lite' : ''}`;
  }
}
