// Serialization failures use the official client's HazelcastSerializationError (it carries the
// type id involved, when there is one).
export { HazelcastSerializationError } from '../errors/error-classes';
