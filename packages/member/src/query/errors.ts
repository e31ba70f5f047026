// The exceptions a Java member throws while evaluating queries, as the error responses a client
// sees (code and Java class name). Exceptions without a code of their own in the protocol
// (NumberFormatException, ArithmeticException) go as UNDEFINED with their class name, as a
// member sends them.
import { ErrorCode, MemberError } from '../dispatch/errors';

export function queryError(message: string): MemberError {
  return new MemberError(ErrorCode.QUERY, message);
}

export function illegalArgument(message: string): MemberError {
  return new MemberError(ErrorCode.ILLEGAL_ARGUMENT, message);
}

export function numberFormat(text: string): MemberError {
  return new MemberError(ErrorCode.UNDEFINED, `For input string: "${text}"`, 'java.lang.NumberFormatException');
}

export function classCast(message: string): MemberError {
  return new MemberError(ErrorCode.CLASS_CAST, message);
}

export function nullPointer(message: string): MemberError {
  return new MemberError(ErrorCode.NULL_POINTER, message);
}

export function arithmetic(message: string): MemberError {
  return new MemberError(ErrorCode.UNDEFINED, message, 'java.lang.ArithmeticException');
}

export function serializationError(message: string): MemberError {
  return new MemberError(ErrorCode.HAZELCAST_SERIALIZATION, message);
}
