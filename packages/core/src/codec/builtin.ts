// Codecs of the protocol's built-in variable-size types, shared by every generated codec.
// For each type T there is size (bytes it takes, frame headers included), write and read.
import type Long from 'long';
import { FRAME_HEADER_SIZE, INT_SIZE, LONG_SIZE, UUID_SIZE } from '../protocol/constants';
import { readUuidAt, type FrameCursor } from '../protocol/frame-cursor';
import { readLongLE, type LongLike } from '../protocol/long-bytes';
import type { MessageWriter } from '../protocol/message-writer';
import type { Data } from '../serialization/data';
import type { UUID } from '../util/uuid';

const FRAME = FRAME_HEADER_SIZE;
/** A begin frame and an end frame around a data structure. */
const BRACKETS = 2 * FRAME_HEADER_SIZE;
/** Size of a null frame. */
export const NULL_FRAME_SIZE = FRAME_HEADER_SIZE;

export function sizeString(s: string): number {
  return FRAME + Buffer.byteLength(s, 'utf8');
}
export function writeString(w: MessageWriter, s: string): void {
  w.string(s);
}
export function readString(c: FrameCursor): string {
  return c.string();
}

export function sizeData(d: Data): number {
  return FRAME + d.totalSize();
}
export function writeData(w: MessageWriter, d: Data): void {
  w.data(d);
}
export function readData(c: FrameCursor): Data {
  return c.data();
}

export function sizeByteArray(b: Uint8Array): number {
  return FRAME + b.length;
}
export function writeByteArray(w: MessageWriter, b: Uint8Array): void {
  w.bytes(b);
}
export function readByteArray(c: FrameCursor): Buffer {
  return c.bytes();
}

/** How to write and read one fixed-size element of a packed list. */
export interface FixedCodec<W, R = W> {
  readonly size: number;
  write(w: MessageWriter, v: W): void;
  read(buf: Buffer, at: number): R;
}

export const FIXED_INT: FixedCodec<number> = {
  size: INT_SIZE,
  write: (w, v) => w.int(v),
  read: (buf, at) => buf.readInt32LE(at),
};

export const FIXED_LONG: FixedCodec<LongLike, Long> = {
  size: LONG_SIZE,
  write: (w, v) => w.long(v),
  read: readLongLE,
};

/** UUIDs in packed lists are never null. */
export const FIXED_UUID: FixedCodec<UUID> = {
  size: UUID_SIZE,
  write: (w, v) => w.uuid(v),
  read: (buf, at) => readUuidAt(buf, at) as UUID,
};

/** A list of fixed-size elements packed into one frame. */
export function sizeFixedList<W>(v: readonly W[], e: FixedCodec<W, unknown>): number {
  return FRAME + v.length * e.size;
}
export function writeFixedList<W>(w: MessageWriter, v: readonly W[], e: FixedCodec<W, unknown>): void {
  w.frame(v.length * e.size);
  for (let i = 0; i < v.length; i++) e.write(w, v[i]);
}
export function readFixedList<R>(c: FrameCursor, e: FixedCodec<never, R>): R[] {
  c.next();
  const n = (c.stop - c.start) / e.size;
  const out = new Array<R>(n);
  for (let i = 0, at = c.start; i < n; i++, at += e.size) out[i] = e.read(c.buf, at);
  return out;
}

/** Key-value pairs of fixed-size types packed into one frame. */
export function sizeFixedEntryList<KW, VW>(v: ReadonlyArray<readonly [KW, VW]>, k: FixedCodec<KW, unknown>, e: FixedCodec<VW, unknown>): number {
  return FRAME + v.length * (k.size + e.size);
}
export function writeFixedEntryList<KW, VW>(
  w: MessageWriter,
  v: ReadonlyArray<readonly [KW, VW]>,
  k: FixedCodec<KW, unknown>,
  e: FixedCodec<VW, unknown>,
): void {
  w.frame(v.length * (k.size + e.size));
  for (let i = 0; i < v.length; i++) {
    k.write(w, v[i][0]);
    e.write(w, v[i][1]);
  }
}
export function readFixedEntryList<KR, VR>(c: FrameCursor, k: FixedCodec<never, KR>, e: FixedCodec<never, VR>): Array<[KR, VR]> {
  c.next();
  const step = k.size + e.size;
  const n = (c.stop - c.start) / step;
  const out = new Array<[KR, VR]>(n);
  for (let i = 0, at = c.start; i < n; i++, at += step) out[i] = [k.read(c.buf, at), e.read(c.buf, at + k.size)];
  return out;
}

/** A list of variable-size elements: begin frame, the elements, end frame. */
export function sizeList<T>(v: readonly T[], size: (e: T) => number): number {
  let n = BRACKETS;
  for (let i = 0; i < v.length; i++) n += size(v[i]);
  return n;
}
export function writeList<T>(w: MessageWriter, v: readonly T[], write: (w: MessageWriter, e: T) => void): void {
  w.begin();
  for (let i = 0; i < v.length; i++) write(w, v[i]);
  w.end();
}
export function readList<T>(c: FrameCursor, read: (c: FrameCursor) => T): T[] {
  c.next();
  const out: T[] = [];
  while (!c.nextIsEnd()) out.push(read(c));
  c.next();
  return out;
}

/** Like a list, where an element may be a null frame. */
export function sizeListNullable<T>(v: ReadonlyArray<T | null>, size: (e: T) => number): number {
  let n = BRACKETS;
  for (let i = 0; i < v.length; i++) {
    const e = v[i];
    n += e === null ? NULL_FRAME_SIZE : size(e);
  }
  return n;
}
export function writeListNullable<T>(w: MessageWriter, v: ReadonlyArray<T | null>, write: (w: MessageWriter, e: T) => void): void {
  w.begin();
  for (let i = 0; i < v.length; i++) {
    const e = v[i];
    if (e === null) w.nullFrame();
    else write(w, e);
  }
  w.end();
}
export function readListNullable<T>(c: FrameCursor, read: (c: FrameCursor) => T): Array<T | null> {
  c.next();
  const out: Array<T | null> = [];
  while (!c.nextIsEnd()) out.push(c.nextIsNull() ? null : read(c));
  c.next();
  return out;
}

/** Key-value pairs of variable-size types: begin frame, key, value, key, value..., end frame. */
export function sizeEntryList<K, V>(v: Iterable<readonly [K, V]>, sk: (k: K) => number, sv: (e: V) => number): number {
  let n = BRACKETS;
  for (const [k, e] of v) n += sk(k) + sv(e);
  return n;
}
export function writeEntryList<K, V>(
  w: MessageWriter,
  v: Iterable<readonly [K, V]>,
  wk: (w: MessageWriter, k: K) => void,
  wv: (w: MessageWriter, e: V) => void,
): void {
  w.begin();
  for (const [k, e] of v) {
    wk(w, k);
    wv(w, e);
  }
  w.end();
}
export function readEntryList<K, V>(c: FrameCursor, rk: (c: FrameCursor) => K, rv: (c: FrameCursor) => V): Array<[K, V]> {
  c.next();
  const out: Array<[K, V]> = [];
  while (!c.nextIsEnd()) {
    const k = rk(c);
    out.push([k, rv(c)]);
  }
  c.next();
  return out;
}

/** The same wire form as an entry list, read into a Map. */
export function readMap<K, V>(c: FrameCursor, rk: (c: FrameCursor) => K, rv: (c: FrameCursor) => V): Map<K, V> {
  c.next();
  const out = new Map<K, V>();
  while (!c.nextIsEnd()) {
    const k = rk(c);
    out.set(k, rv(c));
  }
  c.next();
  return out;
}

/**
 * UUID keys with lists of ints (the partition table): the int lists bracketed, then
 * the keys packed into one frame.
 */
export function sizeEntryListUuidListInt(v: ReadonlyArray<readonly [UUID, readonly number[]]>): number {
  let n = BRACKETS + FRAME + v.length * UUID_SIZE;
  for (let i = 0; i < v.length; i++) n += FRAME + v[i][1].length * INT_SIZE;
  return n;
}
export function writeEntryListUuidListInt(w: MessageWriter, v: ReadonlyArray<readonly [UUID, readonly number[]]>): void {
  w.begin();
  for (let i = 0; i < v.length; i++) writeFixedList(w, v[i][1], FIXED_INT);
  w.end();
  w.frame(v.length * UUID_SIZE);
  for (let i = 0; i < v.length; i++) w.uuid(v[i][0]);
}
export function readEntryListUuidListInt(c: FrameCursor): Array<[UUID, number[]]> {
  const values = readList(c, (c) => readFixedList(c, FIXED_INT));
  const keys = readFixedList(c, FIXED_UUID);
  return keys.map((k, i) => [k, values[i]]);
}
