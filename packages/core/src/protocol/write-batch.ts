/** The part of a socket a batch write needs (net.Socket and tls.TLSSocket have it). */
export interface BatchWritable {
  write(chunk: Buffer, callback?: (error?: Error | null) => void): boolean;
  cork(): void;
  uncork(): void;
}

/** Up to this many bytes, the messages of a batch are copied into one buffer for their write. */
export const CONCAT_MAX_BYTES = 16 * 1024;

/**
 * Writes messages (whole frames, back to back) in one socket write: small ones copied into one
 * buffer, large ones handed to the socket as they are, as one writev (copying them together
 * would cost more than the system call it saves, and the allocation feeds the garbage
 * collector). Returns what the socket's last write returned: false asks the caller to wait
 * for 'drain'. `onWritten` runs once the socket has handed every byte of the batch to the
 * kernel (with an error if it never will): from then on the messages' buffers may be reused.
 */
export function writeBatch(socket: BatchWritable, batch: readonly Buffer[], bytes: number, onWritten?: (error?: Error | null) => void): boolean {
  if (batch.length === 1) return socket.write(batch[0], onWritten);
  if (bytes <= CONCAT_MAX_BYTES) return socket.write(Buffer.concat(batch, bytes), onWritten);
  socket.cork();
  let ok = true;
  const last = batch.length - 1;
  for (let i = 0; i < last; i++) ok = socket.write(batch[i]);
  ok = socket.write(batch[last], onWritten);
  socket.uncork();
  return ok;
}
