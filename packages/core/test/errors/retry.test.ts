import * as errors from '../../src/errors';
import {
  ClientNotActiveError,
  ClientOfflineError,
  HazelcastError,
  HazelcastInstanceNotActiveError,
  HazelcastOverloadError,
  HazelcastSqlException,
  IllegalStateError,
  InvocationMightContainCompactDataError,
  IOError,
  isRetryableError,
  MemberLeftError,
  OperationTimeoutError,
  PartitionMigratingError,
  RetryableHazelcastError,
  TargetDisconnectedError,
  TargetNotMemberError,
  type RetryContext,
} from '../../src/errors';
import { UUID } from '../../src/util/uuid';
import { officialErrorClasses, officialShouldRetry } from './official-client';

type Situation = Required<RetryContext>;

const SITUATIONS: Situation[] = [];
for (let bits = 0; bits < 16; bits++) {
  SITUATIONS.push({ boundToConnection: (bits & 1) !== 0, targetsMember: (bits & 2) !== 0, requestRetryable: (bits & 4) !== 0, redoOperation: (bits & 8) !== 0 });
}

const FREE: RetryContext = {};

describe('isRetryableError', () => {
  it('decides like the official Invocation.shouldRetry for every error class and situation', () => {
    let compared = 0;
    for (const [name, ours] of Object.entries(errors)) {
      if (typeof ours !== 'function' || !((ours as { prototype: unknown }).prototype instanceof Error)) continue;
      // Ours-only classes are compared with the official class they refine or stand for.
      const officialName = name === 'HazelcastOverloadError' || name === 'MalformedMessageError' ? 'HazelcastError' : name;
      const officialClass = officialErrorClasses.get(officialName) as (new (...args: unknown[]) => Error) | undefined;
      expect({ name, official: officialClass !== undefined }).toEqual({ name, official: true });
      const ourError =
        name === 'HazelcastSqlException' ? new HazelcastSqlException(UUID.fromString('00000000-0000-0000-0000-000000000001'), 1, 'm') : new (ours as new (m: string) => Error)('m');
      const officialError = name === 'HazelcastSqlException' ? new officialClass!(null, 1, 'm') : name === 'ClientOfflineError' ? new officialClass!() : new officialClass!('m');
      for (const situation of SITUATIONS) {
        expect({ name, situation, retry: isRetryableError(ourError, situation) }).toEqual({ name, situation, retry: officialShouldRetry(officialError, situation) });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(55 * 16);
  });

  it('always retries the RetryableHazelcastError family, HazelcastInstanceNotActiveError and IOError', () => {
    for (const e of [
      new RetryableHazelcastError('m'),
      new TargetNotMemberError('m'),
      new MemberLeftError('m'),
      new PartitionMigratingError('m'),
      new errors.CallerNotMemberError('m'),
      new errors.RetryableIOError('m'),
      new errors.CannotReplicateError('m'),
      new HazelcastInstanceNotActiveError('m'),
      new IOError('No connection found to invoke'),
      new InvocationMightContainCompactDataError('m'),
    ]) {
      expect(isRetryableError(e)).toBe(true);
      expect(isRetryableError(e, FREE)).toBe(true);
    }
  });

  it('retries TargetDisconnectedError only for a retryable request or with redoOperation', () => {
    const e = new TargetDisconnectedError('connection closed');
    expect(isRetryableError(e)).toBe(false);
    expect(isRetryableError(e, { requestRetryable: true })).toBe(true);
    expect(isRetryableError(e, { redoOperation: true })).toBe(true);
    expect(isRetryableError(e, true)).toBe(true);
    expect(isRetryableError(e, false)).toBe(false);
  });

  it('does not retry a connection-bound invocation after the connection failed', () => {
    expect(isRetryableError(new IOError('m'), { boundToConnection: true })).toBe(false);
    expect(isRetryableError(new TargetDisconnectedError('m'), { boundToConnection: true, requestRetryable: true, redoOperation: true })).toBe(false);
    expect(isRetryableError(new MemberLeftError('m'), { boundToConnection: true })).toBe(true);
    expect(isRetryableError(new InvocationMightContainCompactDataError('m'), { boundToConnection: true })).toBe(true);
  });

  it('does not retry an invocation sent to a member that is no longer one', () => {
    expect(isRetryableError(new TargetNotMemberError('m'), { targetsMember: true })).toBe(false);
    expect(isRetryableError(new MemberLeftError('m'), { targetsMember: true })).toBe(true);
  });

  it('does not retry anything else', () => {
    for (const e of [
      new HazelcastError('m'),
      new HazelcastOverloadError('m'),
      new IllegalStateError('m'),
      new ClientNotActiveError('m'),
      new ClientOfflineError(),
      new OperationTimeoutError('m'),
      new errors.IndeterminateOperationStateError('m'),
      new errors.UndefinedErrorCodeError('m'),
      new Error('plain'),
    ]) {
      expect(isRetryableError(e, { requestRetryable: true, redoOperation: true })).toBe(false);
    }
    for (const value of [undefined, null, 'IOError', 42, { name: 'IOError', message: 'x' }]) {
      expect(isRetryableError(value, true)).toBe(false);
    }
  });

  it('follows instanceof for subclasses', () => {
    class MyRetryable extends RetryableHazelcastError {}
    class MyDisconnect extends TargetDisconnectedError {}
    expect(isRetryableError(new MyRetryable('m'))).toBe(true);
    expect(isRetryableError(new MyDisconnect('m'))).toBe(false);
    expect(isRetryableError(new MyDisconnect('m'), true)).toBe(true);
  });
});
