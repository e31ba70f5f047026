// What generated codecs build on: message framing, the built-in type codecs and the value types.
export * from '../protocol/constants';
export { ClientMessage } from '../protocol/client-message';
export { FrameCursor, readUuidAt } from '../protocol/frame-cursor';
export { MessageWriter } from '../protocol/message-writer';
export { readLongLE, writeLongLE, type LongLike } from '../protocol/long-bytes';
export * from './builtin';
export { HeapData, type Data } from '../serialization/data';
export { UUID } from '../util/uuid';
