// Messages from peers of other protocol versions: parameters newer than the peer decode as
// absent, and fields a newer peer added are skipped.
import Long from 'long';
import {
  MessageWriter,
  UUID,
  decodeClientAddClusterViewListenerMembersViewEvent,
  FrameCursor,
  decodeClientAuthenticationResponse,
  sizeEntryListUuidListInt,
  writeEntryListUuidListInt,
  readMemberInfo,
  sizeString,
  writeAddress,
  writeEntryList,
  writeList,
  writeMemberVersion,
  writeString,
  sizeAddress,
  sizeMemberVersion,
  CLIENT_ADD_CLUSTER_VIEW_LISTENER_MEMBERS_VIEW_EVENT_TYPE,
  CLIENT_AUTHENTICATION_RESPONSE_TYPE,
  type MemberInfo,
} from '@hz/core/codec';

const uuid = new UUID(Long.fromInt(1), Long.fromInt(2));
const address = { host: '127.0.0.1', port: 5701 };

describe('decoding messages of an older member (protocol 2.0)', () => {
  it('reads an authentication response without the parameters added after 2.0', () => {
    // A 2.0 member: fixed fields up to failoverSupported, then address and version only.
    const w = MessageWriter.response(CLIENT_AUTHENTICATION_RESPONSE_TYPE, 1 + 17 + 1 + 4 + 17 + 1, sizeAddress(address) + sizeString('4.0'));
    w.byte(0); // status
    w.uuid(uuid); // memberUuid
    w.byte(1); // serializationVersion
    w.int(271); // partitionCount
    w.uuid(uuid); // clusterId
    w.bool(false); // failoverSupported
    writeAddress(w, address);
    writeString(w, '4.0');
    const r = decodeClientAuthenticationResponse(w.finish());

    expect(r.status).toBe(0);
    expect(r.partitionCount).toBe(271);
    expect(r.address).toEqual(address);
    expect(r.serverHazelcastVersion).toBe('4.0');
    expect(r.memberUuid?.equals(uuid)).toBe(true);
    expect(r.memberListVersion).toBeUndefined();
    expect(r.partitionListVersion).toBeUndefined();
    expect(r.tpcPorts).toBeUndefined();
    expect(r.tpcToken).toBeUndefined();
    expect(r.memberInfos).toBeUndefined();
    expect(r.partitions).toBeUndefined();
    expect(r.keyValuePairs).toBeUndefined();
  });

  it('reads a member without the address map added in 2.0.1', () => {
    const attributes = new Map([['zone', 'a']]);
    const version = { major: 4, minor: 0, patch: 0 };
    const memberSize =
      12 + 6 + 18 + sizeAddress(address) + (12 + sizeString('zone') + sizeString('a')) + sizeMemberVersion(version);
    const w = MessageWriter.event(CLIENT_ADD_CLUSTER_VIEW_LISTENER_MEMBERS_VIEW_EVENT_TYPE, 4, 12 + memberSize);
    w.int(7); // version
    writeList(w, [0], () => {
      w.begin();
      w.frame(18);
      w.uuid(uuid);
      w.bool(true);
      writeAddress(w, address);
      writeEntryList(w, attributes, writeString, writeString);
      writeMemberVersion(w, version);
      w.end();
    });
    const e = decodeClientAddClusterViewListenerMembersViewEvent(w.finish());
    expect(e.version).toBe(7);
    expect(e.memberInfos).toHaveLength(1);
    const m = e.memberInfos[0];
    expect(m.address).toEqual(address);
    expect(m.liteMember).toBe(true);
    expect(m.attributes.get('zone')).toBe('a');
    expect(m.version).toEqual(version);
    expect(m.addressMap).toBeUndefined();
  });
});

describe('decoding messages of a newer member', () => {
  it('ignores extra fixed bytes and extra trailing frames in a response', () => {
    // Every 2.10 field, then 8 bytes of an unknown fixed field and one unknown trailing frame.
    const fixed = 41 + 8 + 8;
    const frames = sizeAddress(address) + sizeString('5.9') + 6 + 6 + 12 + sizeEntryListUuidListInt([]) + 12 + sizeString('future');
    const w = MessageWriter.response(CLIENT_AUTHENTICATION_RESPONSE_TYPE, fixed, frames);
    w.byte(0);
    w.uuid(uuid);
    w.byte(1);
    w.int(271);
    w.uuid(uuid);
    w.bool(false);
    w.int(1); // memberListVersion
    w.int(2); // partitionListVersion
    w.long(Long.fromString('-1')); // unknown
    writeAddress(w, address);
    writeString(w, '5.9');
    w.nullFrame(); // tpcPorts
    w.nullFrame(); // tpcToken
    writeList(w, [], writeString); // memberInfos
    writeEntryListUuidListInt(w, []); // partitions
    writeEntryList(w, new Map<string, string>(), writeString, writeString); // keyValuePairs
    writeString(w, 'future');
    const r = decodeClientAuthenticationResponse(w.finish());
    expect(r.serverHazelcastVersion).toBe('5.9');
    expect(r.memberListVersion).toBe(1);
    expect(r.partitionListVersion).toBe(2);
    expect(r.tpcPorts).toBeNull();
    expect(r.memberInfos).toEqual([]);
    expect(r.keyValuePairs?.size).toBe(0);
  });

  it('skips fields a newer member added to a custom type', () => {
    const member: MemberInfo = {
      address,
      uuid,
      attributes: new Map(),
      liteMember: false,
      version: { major: 5, minor: 9, patch: 0 },
      addressMap: new Map(),
    };
    // The member structure followed by an unknown nested structure and an unknown frame.
    const w = new MessageWriter(12 + 6 + 18 + sizeAddress(address) + 12 + sizeMemberVersion(member.version) + 12 + 12 + sizeString('x') + sizeString('after'));
    w.begin();
    w.frame(18);
    w.uuid(uuid);
    w.bool(false);
    writeAddress(w, address);
    writeEntryList(w, member.attributes, writeString, writeString);
    writeMemberVersion(w, member.version);
    writeEntryList(w, member.addressMap!, writeString as never, writeString as never);
    w.begin(); // unknown nested structure
    w.end();
    writeString(w, 'x'); // unknown field
    w.end();
    writeString(w, 'after');
    const c = new FrameCursor(w.buf);
    const read = readMemberInfo(c);
    expect(read.address).toEqual(address);
    expect(read.version).toEqual(member.version);
    expect(c.string()).toBe('after');
  });
});
