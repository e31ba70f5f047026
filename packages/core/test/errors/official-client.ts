// The official Node.js client (hazelcast-client 5.6.0, a dev dependency), to compare with. Its
// protocol internals ship without typings (their .d.ts files are empty), hence the require()
// calls with the shapes declared here.
import type { ErrorHolder } from '../../src/codec/generated/custom';

/** An error class of the official client. */
export type OfficialErrorClass = new (...args: never[]) => Error;

interface OfficialErrorFactory {
  createError(holders: ErrorHolder[], index: number): Error | null;
}

interface OfficialInvocation {
  connection?: object;
  uuid?: object;
  request: { isRetryable(): boolean };
  invocationService: { redoOperationEnabled(): boolean };
  shouldRetry(error: Error): boolean;
}

const officialIndex = require('hazelcast-client') as Record<string, unknown>;

/** The official client's exports that are error classes, by name. */
export const officialErrorClasses: ReadonlyMap<string, OfficialErrorClass> = new Map(
  Object.entries(officialIndex)
    .filter((entry): entry is [string, OfficialErrorClass] => typeof entry[1] === 'function' && (entry[1] as { prototype: unknown }).prototype instanceof Error)
    .map(([name, cls]) => [name, cls]),
);

/** The official ClientProtocolErrorCodes (a class with static number fields). */
export const officialErrorCodes: Readonly<Record<string, number>> = { ...(require('hazelcast-client/lib/protocol/ClientProtocolErrorCodes') as { ClientProtocolErrorCodes: Record<string, number> }).ClientProtocolErrorCodes };

const { ClientErrorFactory } = require('hazelcast-client/lib/protocol/ErrorFactory') as { ClientErrorFactory: new () => OfficialErrorFactory };
const officialFactory = new ClientErrorFactory();

/** What the official client makes of an error response. */
export function officialCreateError(holders: ErrorHolder[]): Error | null {
  return officialFactory.createError(holders, 0);
}

const { Invocation } = require('hazelcast-client/lib/invocation/InvocationService') as { Invocation: { prototype: OfficialInvocation } };

/** The official `Invocation.shouldRetry` for an invocation in the given situation. */
export function officialShouldRetry(
  error: Error,
  situation: { boundToConnection: boolean; targetsMember: boolean; requestRetryable: boolean; redoOperation: boolean },
): boolean {
  const invocation = Object.create(Invocation.prototype) as OfficialInvocation;
  if (situation.boundToConnection) invocation.connection = {};
  if (situation.targetsMember) invocation.uuid = {};
  invocation.request = { isRetryable: () => situation.requestRetryable };
  invocation.invocationService = { redoOperationEnabled: () => situation.redoOperation };
  return invocation.shouldRetry(error);
}

/** The name of the class an object was made by. */
export function classNameOf(value: object): string {
  return (Object.getPrototypeOf(value) as { constructor: { name: string } }).constructor.name;
}

/** The name of the parent class of a class. */
export function parentNameOf(cls: object): string {
  return (Object.getPrototypeOf(cls) as { name: string }).name;
}
