// @hz/core/codec: the protocol layer for packages built on the core (and for advanced users):
// framing, built-in codecs, the error response, and the generated codecs of the Client service
// and shared custom types.
export * from './runtime';
export * from './errors';
export * from './generated';
export { ClientMessageReader, DEFAULT_MAX_MESSAGE_SIZE, type ClientMessageReaderOptions } from '../protocol/message-reader';
export { writeBatch, CONCAT_MAX_BYTES, type BatchWritable } from '../protocol/write-batch';
export { BufferPool, messageBuffers } from '../util/buffer-pool';
export { SlabAllocator } from '../util/buffer-slab';
