import Long from 'long';
import { ByteArrayObjectDataInput, ByteArrayObjectDataOutput, DefaultSerializationService, HazelcastSerializationError, HeapData } from '../../src/serialization';

function output(bigEndian: boolean, initialSize?: number): ByteArrayObjectDataOutput {
  return new ByteArrayObjectDataOutput(bigEndian, undefined, initialSize);
}

describe('ByteArrayObjectDataOutput and ByteArrayObjectDataInput', () => {
  it.each([true, false])('round-trip every primitive and array (big-endian: %s)', (bigEndian) => {
    const out = output(bigEndian, 16);
    out.writeBoolean(true);
    out.writeByte(-5);
    out.writeByte(227);
    out.writeChar('x');
    out.writeChar(0xd83d);
    out.writeShort(-500);
    out.writeShort(32867);
    out.writeInt(-56789);
    out.writeLong(Long.fromString('-9223372036854775808'));
    out.writeLong(-1234567890123n);
    out.writeLong(2 ** 53 - 1);
    out.writeLong(-(2 ** 40) - 7);
    out.writeFloat(900.5678100585938);
    out.writeDouble(-897543.3678909);
    out.writeString('héllo 😀');
    out.writeString(null);
    out.writeBooleanArray([true, false]);
    out.writeByteArray(Buffer.from([1, 255]));
    out.writeByteArray(Int8Array.from([-1, 2]));
    out.writeCharArray(['a', 'ğ']);
    out.writeShortArray([1, -2]);
    out.writeIntArray(Int32Array.from([3, -4]));
    out.writeLongArray([Long.fromInt(5), -6n, 7]);
    out.writeFloatArray([1.5]);
    out.writeDoubleArray([0.1]);
    out.writeStringArray(['a', null, 'ç']);
    out.writeIntArray(null);
    out.writeData(new HeapData(Buffer.from('00000000fffffff901020304', 'hex')));
    out.writeData(null);
    const bytes = out.toBuffer();
    const input = new ByteArrayObjectDataInput(bytes, 0, bigEndian);
    expect(input.readBoolean()).toBe(true);
    expect(input.readByte()).toBe(-5);
    expect(input.readUnsignedByte()).toBe(227);
    expect(input.readChar()).toBe('x');
    expect(input.readChar().charCodeAt(0)).toBe(0xd83d);
    expect(input.readShort()).toBe(-500);
    expect(input.readUnsignedShort()).toBe(32867);
    expect(input.readInt()).toBe(-56789);
    expect(input.readLong().toString()).toBe('-9223372036854775808');
    expect(input.readLong().toString()).toBe('-1234567890123');
    expect(input.readLong().toString()).toBe(String(2 ** 53 - 1));
    expect(input.readLong().toString()).toBe(String(-(2 ** 40) - 7));
    expect(input.readFloat()).toBe(900.5678100585938);
    expect(input.readDouble()).toBe(-897543.3678909);
    expect(input.readString()).toBe('héllo 😀');
    expect(input.readString()).toBeNull();
    expect(input.readBooleanArray()).toEqual([true, false]);
    expect(input.readByteArray()).toEqual(Buffer.from([1, 255]));
    expect(input.readByteArray()).toEqual(Buffer.from([255, 2]));
    expect(input.readCharArray()).toEqual(['a', 'ğ']);
    expect(input.readShortArray()).toEqual([1, -2]);
    expect(input.readIntArray()).toEqual([3, -4]);
    expect(input.readLongArray()?.map(String)).toEqual(['5', '-6', '7']);
    expect(input.readFloatArray()).toEqual([1.5]);
    expect(input.readDoubleArray()).toEqual([0.1]);
    expect(input.readStringArray()).toEqual(['a', null, 'ç']);
    expect(input.readIntArray()).toBeNull();
    expect(input.readData()?.toBuffer().toString('hex')).toBe('00000000fffffff901020304');
    expect(input.readData()).toBeNull();
    expect(input.available()).toBe(0);
  });

  it('writes in the chosen byte order, except writeIntBE', () => {
    const little = output(false);
    little.writeInt(1);
    little.writeIntBE(1);
    little.writeShort(0x0102);
    little.writeDouble(1);
    expect(little.toBuffer().toString('hex')).toBe('01000000000000010201000000000000f03f');
    const big = output(true);
    big.writeInt(1);
    big.writeShort(0x0102);
    expect(big.toBuffer().toString('hex')).toBe('000000010102');
  });

  it('encodes strings as int32 UTF-8 length then UTF-8, on the ASCII fast path and off it', () => {
    const cases = ['', 'a', 'x'.repeat(32), 'x'.repeat(33), 'x'.repeat(100000), 'ğ', `${'x'.repeat(31)}ğ`, 'ğ'.repeat(40), '😀'.repeat(30000), '\u0000\u007f\u0080\u07ff\u0800\uffff'];
    for (const text of cases) {
      const out = output(true, 16);
      out.writeString(text);
      const utf8 = Buffer.from(text, 'utf8');
      const expected = Buffer.alloc(4 + utf8.length);
      expected.writeInt32BE(utf8.length, 0);
      utf8.copy(expected, 4);
      expect(out.toBuffer().equals(expected)).toBe(true);
      expect(new ByteArrayObjectDataInput(out.toBuffer(), 0, true).readString()).toBe(text);
    }
  });

  it('writes raw chars and raw low bytes without a length', () => {
    const out = output(false);
    out.writeChars('ab');
    out.writeBytes('ab\u0141');
    out.write(7);
    out.write(Buffer.from([8, 9]));
    out.writeZeroBytes(2);
    expect(out.toBuffer().toString('hex')).toBe('610062006162410708090000');
    const input = new ByteArrayObjectDataInput(out.toBuffer(), 4, false);
    expect(input.readFully(3).toString('latin1')).toBe('abA');
    expect(input.read()).toBe(7);
    input.skipBytes(2);
    expect(input.available()).toBe(2);
  });

  it('grows from a tiny buffer and keeps what was written', () => {
    const out = output(true, 1);
    for (let i = 0; i < 10000; i++) out.writeInt(i);
    const bytes = out.toBuffer();
    expect(bytes.length).toBe(40000);
    expect(bytes.readInt32BE(4 * 9999)).toBe(9999);
    expect(out.capacity()).toBeGreaterThanOrEqual(40000);
  });

  it('overwrites written bytes in place and moves the position (Portable/Compact offsets)', () => {
    const out = output(false);
    out.writeZeroBytes(8);
    out.writeInt(5);
    out.pwriteInt(0, 0x11223344);
    out.pwriteShort(4, 0x5566);
    out.pwriteByte(6, 0x77);
    out.pwriteBoolean(7, true);
    expect(out.toBuffer().toString('hex')).toBe('443322116655770105000000');
    out.pwriteIntBE(8, 1);
    out.pwriteLong(4, -1n);
    out.pwriteDouble(4, 0);
    out.pwriteFloat(0, 1);
    out.pwriteChar(0, 'A');
    expect(out.toBuffer().toString('hex')).toBe('4100803f0000000000000000');
    expect(() => out.pwriteInt(10, 1)).toThrow(RangeError);
    expect(() => out.pwriteInt(-1, 1)).toThrow(RangeError);
    // Moving back and forth: what was written stays; skipped-over bytes read as zeros.
    out.position(4);
    out.writeByte(0xaa);
    expect(out.position()).toBe(5);
    out.position(20);
    expect(out.toBuffer().toString('hex')).toBe('4100803faa000000000000000000000000000000');
  });

  it('reads at a position without moving', () => {
    const input = new ByteArrayObjectDataInput(Buffer.from('0000000100000002', 'hex'), 0, true);
    expect(input.readInt(4)).toBe(2);
    expect(input.position()).toBe(0);
    expect(input.readInt()).toBe(1);
    input.position(0);
    expect(input.readLong().toString()).toBe(String(2 ** 32 + 2));
  });

  it('fails with a typed error, not a huge allocation, on a corrupt array length', () => {
    const input = new ByteArrayObjectDataInput(Buffer.from('7fffffff00', 'hex'), 0, true);
    expect(() => input.readLongArray()).toThrow(HazelcastSerializationError);
    expect(() => new ByteArrayObjectDataInput(Buffer.from('0000000a61', 'hex'), 0, true).readString()).toThrow(/String/);
    expect(() => new ByteArrayObjectDataInput(Buffer.from('fffffffe', 'hex'), 0, true).readByteArray()).toThrow(/byte\[\]/);
    // Node's own bounds check (a RangeError, from another realm under Jest).
    expect(() => new ByteArrayObjectDataInput(Buffer.from('00', 'hex'), 0, true).readInt()).toThrow(/outside buffer bounds/);
  });

  it('nests objects through the service, with the type id in the stream byte order', () => {
    const service = new DefaultSerializationService({ isBigEndian: false });
    const out = service.createObjectDataOutput();
    out.writeObject('a');
    out.writeObject(null);
    expect(out.toBuffer().toString('hex')).toBe('f5ffffff010000006100000000');
    const input = service.createObjectDataInput(out.toBuffer());
    expect(input.readObject()).toBe('a');
    expect(input.readObject()).toBeNull();
    expect(() => output(true).writeObject('a')).toThrow(HazelcastSerializationError);
  });
});
