import { dirname } from 'node:path';
import { MURMUR_SEED, murmur3x86_32 } from '../../src/serialization';

/* eslint-disable @typescript-eslint/no-require-imports */
const { murmur: officialMurmur } = require(`${dirname(require.resolve('hazelcast-client'))}/invocation/Murmur`) as {
  murmur: (bytes: Buffer) => number;
};
/* eslint-enable @typescript-eslint/no-require-imports */

describe('murmur3x86_32', () => {
  // Published MurmurHash3_x86_32 known answers (SMHasher's reference implementation).
  it.each([
    ['', 0, 0x00000000],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['\0\0\0\0', 0, 0x2362f9de],
    ['a', 0x9747b28c, 0x7fa09ea6],
    ['aa', 0x9747b28c, 0x5d211726],
    ['aaa', 0x9747b28c, 0x283e0130],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['ab', 0x9747b28c, 0x74875592],
    ['abc', 0x9747b28c, 0xc84a62dd],
    ['abcd', 0x9747b28c, 0xf0478627],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
  ])('%j with seed %i', (text, seed, expected) => {
    expect(murmur3x86_32(Buffer.from(text, 'latin1'), 0, undefined, seed)).toBe(expected | 0);
  });

  it('uses the member seed 0x01000193 by default and returns a signed int', () => {
    expect(MURMUR_SEED).toBe(0x01000193);
    const bytes = Buffer.from('0000000568656c6c6f', 'hex');
    expect(murmur3x86_32(bytes)).toBe(murmur3x86_32(bytes, 0, bytes.length, 0x01000193));
    // The String "hello" as the member hashes it (its payload: int length 5, then the bytes).
    expect(murmur3x86_32(bytes)).toBe(1985248981);
  });

  it('hashes a window of a buffer like a copy of it', () => {
    const bytes = Buffer.from('xxThe quick brown fox jumps over the lazy dogyy', 'latin1');
    expect(murmur3x86_32(bytes, 2, bytes.length - 4, 0x9747b28c)).toBe(0x2fa826cd | 0);
  });

  it('agrees with the official client on random inputs of every tail length', () => {
    let state = 7;
    const next = (): number => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 24;
    for (let length = 0; length < 300; length++) {
      const bytes = Buffer.from(Array.from({ length }, next));
      expect(murmur3x86_32(bytes)).toBe(officialMurmur(bytes));
    }
  });
});
