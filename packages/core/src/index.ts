// @hz/core: the client's foundation. Protocol-level codecs live in the `@hz/core/codec` subpath.
export { HazelcastError, MalformedMessageError } from './errors/hazelcast-error';
export { HeapData, DATA_HEADER_SIZE, type Data } from './serialization/data';
export { UUID } from './util/uuid';
export { ClientMessage } from './protocol/client-message';
export type { LongLike } from './protocol/long-bytes';
