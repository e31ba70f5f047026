import { MalformedMessageError } from '../errors/hazelcast-error';
import { SlabAllocator } from '../util/buffer-slab';
import { ClientMessage } from './client-message';
import {
  BEGIN_FRAGMENT_FLAG,
  END_FRAGMENT_FLAG,
  FRAGMENTATION_ID_OFFSET,
  FRAME_HEADER_SIZE,
  IS_FINAL_FLAG,
  LONG_SIZE,
  UNFRAGMENTED_MESSAGE,
} from './constants';

const HEADER = FRAME_HEADER_SIZE;

/** Largest message (or reassembled fragmented message) accepted unless configured otherwise: 64 MiB. */
export const DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024 * 1024;

/**
 * Pieces of a message that spans chunks and are shorter than this are copied into a scratch
 * buffer instead of being kept as views: a view costs an object (~100 bytes) and pins its whole
 * chunk, so a peer trickling bytes one at a time would otherwise make memory grow ~100x faster
 * than the data.
 */
const COPY_PIECES_BELOW = 1024;
const SCRATCH_SIZE = 16 * 1024;
/**
 * Units that span chunks and are at most this large are put together in a shared 64 KiB buffer,
 * several to a buffer, as Node reads them into its 64 KiB chunks: a Buffer of its own per unit
 * costs more to create (and to collect) than copying the unit into it.
 */
const SHARED_ASSEMBLY_MAX = 16 * 1024;
const assembly = new SlabAllocator(64 * 1024, 0, SHARED_ASSEMBLY_MAX);

export interface ClientMessageReaderOptions {
  /** Largest frame, message and reassembled fragmented message accepted, in bytes. */
  maxMessageSize?: number;
}

/** Frames received so far for one fragmentation id. */
interface OpenFragments {
  /** Frames of each fragment, fragmentation frame removed, in arrival order. */
  parts: Buffer[];
  /** Offset, inside each part, of its last frame (whose IS_FINAL is cleared on reassembly). */
  lastFrames: number[];
  size: number;
}

/**
 * Turns a stream of TCP chunks into client messages.
 *
 * A "unit" below is what the wire delimits: frames up to and including one with IS_FINAL. It is
 * either a whole message or one fragment of a fragmented message.
 *
 * A unit that lies wholly inside one chunk is delivered as a view of that chunk (no copy), so the
 * caller must not reuse a chunk's memory after feeding it (node's 'data' chunks are fresh buffers).
 * A unit that spans chunks is kept as a list of pieces and copied once, at its end, into a buffer
 * of the exact size. Fragments are copied once more when their message is reassembled.
 */
export class ClientMessageReader {
  readonly maxMessageSize: number;

  // Header of the current frame while it is split across chunks.
  private readonly header = Buffer.alloc(HEADER);
  private headerHave = 0;
  /** Whether the current frame's header has been read and its content is being skipped. */
  private inBody = false;
  private bodyLeft = 0;
  private frameFlags = 0;
  /** Offset, inside the current unit, of the current frame's header. */
  private frameAt = 0;
  /** Flags of the current unit's first frame: tells a message from a fragment. */
  private unitFlags = 0;

  // Bytes of the current unit received in earlier chunks.
  private pieces: Buffer[] = [];
  private piecesSize = 0;
  private scratch: Buffer | null = null;
  private scratchStart = 0;
  private scratchEnd = 0;

  private readonly fragments = new Map<bigint, OpenFragments>();
  private fragmentBytes = 0;
  private failure: unknown = null;

  constructor(options: ClientMessageReaderOptions = {}) {
    const max = options.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE;
    if (!Number.isSafeInteger(max) || max < HEADER) {
      throw new RangeError(`maxMessageSize must be an integer of at least ${HEADER}, got ${max}`);
    }
    this.maxMessageSize = max;
  }

  /** Bytes held for messages not complete yet: the unit being read and open fragmented messages. */
  get pendingBytes(): number {
    return this.piecesSize + this.fragmentBytes;
  }

  /**
   * Reads a chunk and calls `onMessage` for each message it completes, in order.
   * Throws MalformedMessageError on bad input. After any throw (also one from `onMessage`, which
   * leaves the rest of the chunk unread) the stream position is lost, so the reader refuses all
   * further input and the connection has to be closed.
   */
  feed(chunk: Buffer, onMessage: (message: ClientMessage) => void): void {
    if (this.failure !== null) {
      throw new MalformedMessageError('The message reader failed earlier and cannot read further input', { cause: this.failure });
    }
    try {
      this.read(chunk, onMessage);
    } catch (e) {
      this.failure = e;
      this.release();
      throw e;
    }
  }

  private read(chunk: Buffer, onMessage: (message: ClientMessage) => void): void {
    const end = chunk.length;
    let pos = 0;
    // Where the current unit's bytes start in this chunk (0 when it began in an earlier one).
    let unitStart = 0;
    while (pos < end) {
      if (!this.inBody) {
        let length: number;
        let flags: number;
        if (this.headerHave === 0 && end - pos >= HEADER) {
          length = chunk.readInt32LE(pos);
          flags = chunk.readUInt16LE(pos + 4);
          pos += HEADER;
        } else {
          const n = Math.min(HEADER - this.headerHave, end - pos);
          chunk.copy(this.header, this.headerHave, pos, pos + n);
          this.headerHave += n;
          pos += n;
          if (this.headerHave < HEADER) break;
          this.headerHave = 0;
          length = this.header.readInt32LE(0);
          flags = this.header.readUInt16LE(4);
        }
        const frameAt = this.piecesSize + (pos - unitStart) - HEADER;
        // Checked before any byte of the frame is buffered, so a bogus length costs nothing.
        if (length < HEADER || length > this.maxMessageSize) {
          throw new MalformedMessageError(`Invalid frame length ${length} (must be ${HEADER}..${this.maxMessageSize})`);
        }
        if (frameAt + length > this.maxMessageSize) {
          throw new MalformedMessageError(`Message exceeds the maximum size of ${this.maxMessageSize} bytes`);
        }
        if (frameAt === 0) this.unitFlags = flags;
        this.frameAt = frameAt;
        this.frameFlags = flags;
        this.bodyLeft = length - HEADER;
        this.inBody = true;
      }
      // Frame contents are not parsed here, only skipped.
      const take = Math.min(this.bodyLeft, end - pos);
      pos += take;
      this.bodyLeft -= take;
      if (this.bodyLeft > 0) break;
      this.inBody = false;
      if ((this.frameFlags & IS_FINAL_FLAG) !== 0) {
        this.completeUnit(chunk, unitStart, pos, onMessage);
        unitStart = pos;
      }
    }
    if (unitStart < end) this.stash(chunk.subarray(unitStart, end));
  }

  /** The current unit ends at `pos` in `chunk`: builds it and hands it on. */
  private completeUnit(chunk: Buffer, unitStart: number, pos: number, onMessage: (message: ClientMessage) => void): void {
    let unit: Buffer;
    if (this.piecesSize === 0) {
      unit = chunk.subarray(unitStart, pos);
    } else {
      this.flushScratch();
      this.pieces.push(chunk.subarray(0, pos));
      unit = this.assemble(this.pieces, this.piecesSize + pos);
      // The pieces are copied: drop them and reuse the scratch for the next unit.
      this.pieces = [];
      this.piecesSize = 0;
      this.scratchStart = this.scratchEnd = 0;
    }
    if ((this.unitFlags & UNFRAGMENTED_MESSAGE) === UNFRAGMENTED_MESSAGE) {
      onMessage(new ClientMessage(unit));
    } else {
      this.addFragment(unit, this.unitFlags, this.frameAt, onMessage);
    }
  }

  /** Copies the pieces of a unit into one buffer: a part of a shared one when the unit is small. */
  private assemble(pieces: readonly Buffer[], size: number): Buffer {
    if (size > SHARED_ASSEMBLY_MAX) return Buffer.concat(pieces, size);
    const unit = assembly.allocate(size);
    let at = 0;
    for (const piece of pieces) at += piece.copy(unit, at);
    return unit;
  }

  private addFragment(unit: Buffer, flags: number, lastFrameAt: number, onMessage: (message: ClientMessage) => void): void {
    const idFrameLength = unit.readInt32LE(0);
    if (idFrameLength < HEADER + FRAGMENTATION_ID_OFFSET + LONG_SIZE) {
      throw new MalformedMessageError(`Fragmentation frame of ${idFrameLength} bytes is too short for a fragmentation id`);
    }
    if (idFrameLength === unit.length) {
      throw new MalformedMessageError('Fragment holds no frames after its fragmentation frame');
    }
    const id = unit.readBigInt64LE(HEADER + FRAGMENTATION_ID_OFFSET);
    const part = unit.subarray(idFrameLength);
    const lastFrame = lastFrameAt - idFrameLength;

    if ((flags & BEGIN_FRAGMENT_FLAG) !== 0) {
      if (this.fragments.has(id)) {
        throw new MalformedMessageError(`First fragment of fragmentation id ${id}, which is already open`);
      }
      this.fragments.set(id, { parts: [part], lastFrames: [lastFrame], size: part.length });
      this.fragmentBytes += part.length;
      return;
    }
    const open = this.fragments.get(id);
    if (open === undefined) {
      throw new MalformedMessageError(`Fragment of fragmentation id ${id}, which has no first fragment`);
    }
    if (open.size + part.length > this.maxMessageSize) {
      throw new MalformedMessageError(`Fragmented message ${id} exceeds the maximum size of ${this.maxMessageSize} bytes`);
    }
    open.parts.push(part);
    open.lastFrames.push(lastFrame);
    open.size += part.length;
    this.fragmentBytes += part.length;
    if ((flags & END_FRAGMENT_FLAG) !== 0) {
      this.fragments.delete(id);
      this.fragmentBytes -= open.size;
      onMessage(new ClientMessage(reassemble(open)));
    }
  }

  /** Keeps bytes of the unspent unit until a later chunk completes it. */
  private stash(piece: Buffer): void {
    this.piecesSize += piece.length;
    if (piece.length >= COPY_PIECES_BELOW) {
      this.flushScratch();
      this.pieces.push(piece);
      return;
    }
    let scratch = this.scratch;
    if (scratch === null || this.scratchEnd + piece.length > scratch.length) {
      this.flushScratch();
      // The old scratch stays alive through the piece that views it.
      scratch = this.scratch = Buffer.allocUnsafe(SCRATCH_SIZE);
      this.scratchStart = this.scratchEnd = 0;
    }
    piece.copy(scratch, this.scratchEnd);
    this.scratchEnd += piece.length;
  }

  /** Turns the bytes gathered in the scratch into a piece, keeping the pieces in order. */
  private flushScratch(): void {
    if (this.scratch !== null && this.scratchEnd > this.scratchStart) {
      this.pieces.push(this.scratch.subarray(this.scratchStart, this.scratchEnd));
      this.scratchStart = this.scratchEnd;
    }
  }

  /** Drops everything buffered (the reader is not used after a failure). */
  private release(): void {
    this.pieces = [];
    this.piecesSize = 0;
    this.scratch = null;
    this.scratchStart = this.scratchEnd = 0;
    this.fragments.clear();
    this.fragmentBytes = 0;
  }
}

/** Concatenates the fragments' frames; only the very last frame keeps IS_FINAL. */
function reassemble(open: OpenFragments): Buffer {
  const out = Buffer.allocUnsafe(open.size);
  const last = open.parts.length - 1;
  let at = 0;
  for (let i = 0; i <= last; i++) {
    const part = open.parts[i];
    part.copy(out, at);
    if (i < last) {
      // Patched in the copy: the parts may be views of the caller's chunks.
      const flagsAt = at + open.lastFrames[i] + 4;
      out.writeUInt16LE(out.readUInt16LE(flagsAt) & ~IS_FINAL_FLAG, flagsAt);
    }
    at += part.length;
  }
  return out;
}
