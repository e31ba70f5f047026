// Errors as a Hazelcast member reports them to clients: a protocol error code (the numbers of
// ClientProtocolErrorCodes) and the Java class name of the exception.
import { ClientProtocolErrorCodes, javaClassNameOfErrorCode } from '@hz/core';

/** Error codes of the client protocol, as members send them in an error response (core's table). */
export const ErrorCode = ClientProtocolErrorCodes;

/** The Java class name a member reports for an error code (HazelcastException when unknown). */
export function javaClassNameOf(code: number): string {
  return javaClassNameOfErrorCode(code) ?? 'com.hazelcast.core.HazelcastException';
}

/**
 * An exception raised while serving a request, sent to the client as an error response.
 * `causes` follow the exception in the response, as a Java member lists an exception's causes.
 */
export class MemberError extends Error {
  readonly className: string;

  constructor(
    readonly code: number,
    message: string,
    className?: string,
    readonly causes: readonly MemberError[] = [],
  ) {
    super(message);
    this.name = 'MemberError';
    this.className = className ?? javaClassNameOf(code);
  }
}
