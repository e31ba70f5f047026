import { ClientProtocolErrorCodeRanges, ClientProtocolErrorCodes, javaClassNameOfErrorCode } from '../../src/errors';
import { officialErrorCodes } from './official-client';

/** Hazelcast 5.x codes the official Node.js client 5.6.0 does not list (it stops at 94). */
const NEWER_THAN_OFFICIAL_NODE_CLIENT: Record<string, number> = {
  NO_SUCH_METHOD_ERROR: 95,
  NO_SUCH_METHOD_EXCEPTION: 96,
  NO_SUCH_FIELD_ERROR: 97,
  NO_SUCH_FIELD_EXCEPTION: 98,
  NO_CLASS_DEF_FOUND_ERROR: 99,
};

describe('ClientProtocolErrorCodes', () => {
  it("is the official client's table plus the newer 5.x codes", () => {
    expect(Object.keys(officialErrorCodes)).toHaveLength(95);
    expect(ClientProtocolErrorCodes).toEqual({ ...officialErrorCodes, ...NEWER_THAN_OFFICIAL_NODE_CLIENT });
  });

  it('numbers the codes 0..99 without gaps or duplicates', () => {
    const values = Object.values(ClientProtocolErrorCodes).sort((a, b) => a - b);
    expect(values).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('spot-checks numbers against the Java ClientProtocolErrorCodes of Hazelcast 5.x', () => {
    expect(ClientProtocolErrorCodes.ARRAY_INDEX_OUT_OF_BOUNDS).toBe(1);
    expect(ClientProtocolErrorCodes.AUTHENTICATION).toBe(3);
    expect(ClientProtocolErrorCodes.HAZELCAST).toBe(18);
    expect(ClientProtocolErrorCodes.ILLEGAL_ARGUMENT).toBe(23);
    expect(ClientProtocolErrorCodes.ILLEGAL_STATE).toBe(27);
    expect(ClientProtocolErrorCodes.SPLIT_BRAIN_PROTECTION).toBe(42);
    expect(ClientProtocolErrorCodes.TARGET_NOT_MEMBER).toBe(53);
    expect(ClientProtocolErrorCodes.NOT_LEADER_EXCEPTION).toBe(93);
    expect(ClientProtocolErrorCodes.VERSION_MISMATCH_EXCEPTION).toBe(94);
    expect(ClientProtocolErrorCodeRanges).toEqual({ JET_EXCEPTIONS_RANGE_START: 500, JET_EXCEPTIONS_RANGE_END: 600, USER_EXCEPTIONS_RANGE_START: 1000 });
  });

  it('knows the Java class of every code but UNDEFINED', () => {
    for (const code of Object.values(ClientProtocolErrorCodes)) {
      const className = javaClassNameOfErrorCode(code);
      if (code === ClientProtocolErrorCodes.UNDEFINED) expect(className).toBeUndefined();
      else expect(className).toMatch(/^(java|javax|com\.hazelcast)\.[\w.$]+$/);
    }
    expect(javaClassNameOfErrorCode(ClientProtocolErrorCodes.ILLEGAL_ARGUMENT)).toBe('java.lang.IllegalArgumentException');
    expect(javaClassNameOfErrorCode(ClientProtocolErrorCodes.HAZELCAST_INSTANCE_NOT_ACTIVE)).toBe('com.hazelcast.core.HazelcastInstanceNotActiveException');
    expect(javaClassNameOfErrorCode(ClientProtocolErrorCodes.NO_CLASS_DEF_FOUND_ERROR)).toBe('java.lang.NoClassDefFoundError');
    expect(javaClassNameOfErrorCode(100)).toBeUndefined();
    expect(javaClassNameOfErrorCode(500)).toBeUndefined();
    expect(new Set(Object.values(ClientProtocolErrorCodes).map(javaClassNameOfErrorCode)).size).toBe(100);
  });
});
