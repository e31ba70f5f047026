// The error response (message type 0): a list of ErrorHolder, the server-side exception and its causes.
import { readList, sizeList, writeList } from './builtin';
import { readErrorHolder, sizeErrorHolder, writeErrorHolder, type ErrorHolder } from './generated/custom';
import type { ClientMessage } from '../protocol/client-message';
import { MessageWriter } from '../protocol/message-writer';

/** Message type of an error response. */
export const ERROR_RESPONSE_TYPE = 0;

/** Encodes an error response (member side): the exception first, then its causes. */
export function encodeErrorResponse(errors: readonly ErrorHolder[]): ClientMessage {
  const w = MessageWriter.response(ERROR_RESPONSE_TYPE, 0, sizeList(errors, sizeErrorHolder));
  writeList(w, errors, writeErrorHolder);
  return w.finish();
}

/** Decodes an error response (client side). */
export function decodeErrorResponse(m: ClientMessage): ErrorHolder[] {
  const c = m.cursor();
  c.next();
  return readList(c, readErrorHolder);
}
