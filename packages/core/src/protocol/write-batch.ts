/** The part of a socket a batch write needs (net.Socket and tls.TLSSocket have it). */
export interface BatchWritable {
  write(chunk: Buffer): boolean;
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
 * for 'drain'.
 */
export function writeBatch(socket: BatchWritable, batch: readonly Buffer[], bytes: number): boolean {
  if (batch.length === 1) return socket.write(batch[0]);
  if (bytes <= CONCAT_MAX_BYTES) return socket.write(Buffer.concat(batch, bytes));
  socket.cork();
  let ok = true;
  for (const b of batch) ok = socket.write(b);
  socket.uncork();
  return ok;
}
