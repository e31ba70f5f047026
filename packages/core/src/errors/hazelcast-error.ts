/** Base class of every error the client raises. */
export class HazelcastError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Bytes from the network that do not form a valid protocol message: a frame length that is
 * negative, shorter than a frame header or over the configured maximum, or fragments that do
 * not fit together. The connection that produced them is closed; the client goes on.
 */
export class MalformedMessageError extends HazelcastError {}
