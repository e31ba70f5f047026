import type { HazelcastClient } from '../client/hazelcast-client';
import { IllegalArgumentError } from '../errors';
import type { ListenerCodec } from '../listener/listener-service';
import type { ClientMessage } from '../protocol/client-message';
import type { Data } from '../serialization/data';
import { hashToPartitionId } from '../serialization/partition-id';
import { SerializationNeedsRoundTripError } from '../serialization/round-trip';
import type { UUID } from '../util/uuid';
import type { DistributedObject } from './proxy-manager';

/**
 * What every proxy shares: its name and service, argument checks, serialization, routing by
 * key, and destroy. A proxy method is then: check, serialize, encode, invoke, decode.
 */
export abstract class ProxyBase implements DistributedObject {
  constructor(
    protected readonly client: HazelcastClient,
    protected readonly serviceName: string,
    protected readonly name: string,
  ) {
    // The instance's own prototype rather than new.target: minifiers that inline functions
    // (terser with two passes) can lose new.target.
    recoverSerializationRoundTrips(Object.getPrototypeOf(this) as object);
  }

  getName(): string {
    return this.name;
  }

  getServiceName(): string {
    return this.serviceName;
  }

  /** Destroys the object on the cluster; its data is gone for every client. */
  async destroy(): Promise<void> {
    await this.client.proxies.destroyProxy(this.serviceName, this.name);
  }

  /** Serializes a value that must not be null or undefined; `what` names it in the error. */
  protected toData(value: unknown, what = 'value'): Data {
    if (value === null || value === undefined) throw new IllegalArgumentError(`${what} cannot be ${value === null ? 'null' : 'undefined'}`);
    return this.client.serialization.toData(value)!;
  }

  /**
   * {@link toData} for a value encoded into the request right away (see
   * SerializationService.toTransientData): call it after every other argument is serialized.
   */
  protected toTransientData(value: unknown, what = 'value'): Data {
    if (value === null || value === undefined) throw new IllegalArgumentError(`${what} cannot be ${value === null ? 'null' : 'undefined'}`);
    return this.client.serialization.toTransientData(value)!;
  }

  /** Serializes a value that may be null. */
  protected toNullableData(value: unknown): Data | null {
    return value === undefined ? null : this.client.serialization.toData(value);
  }

  protected toObject<T>(data: Data | null | undefined): T | null {
    return this.client.serialization.toObject<T>(data);
  }

  /** The partition of serialized key bytes. */
  protected partitionOf(key: Data): number {
    return hashToPartitionId(key.getPartitionHash(), this.client.partitions.getPartitionCount());
  }

  /** Sends to the owner of the key's partition; `timeoutMillis` overrides the invocation timeout. */
  protected invokeOnKey(request: ClientMessage, key: Data, timeoutMillis?: number): Promise<ClientMessage> {
    return this.client.invocations.invokeOnPartition(request, this.partitionOf(key), timeoutMillis);
  }

  /** {@link invokeOnKey}, resolving with `decode(response)` (decoded as the response is read). */
  protected invokeOnKeyAndDecode<T>(request: ClientMessage, key: Data, decode: (response: ClientMessage) => T, timeoutMillis?: number): Promise<T> {
    return this.client.invocations.invokeOnPartitionAndDecode(request, this.partitionOf(key), decode, timeoutMillis);
  }

  /** How long a call that waits `waitMillis` on the member may be retried. */
  protected blockingTimeout(waitMillis: number): number {
    return waitMillis < 0 ? Infinity : waitMillis + this.client.config.invocationTimeoutMillis;
  }

  protected invokeOnPartition(request: ClientMessage, partitionId: number): Promise<ClientMessage> {
    return this.client.invocations.invokeOnPartition(request, partitionId);
  }

  /** {@link invokeOnPartition}, resolving with `decode(response)` (decoded as the response is read). */
  protected invokeOnPartitionAndDecode<T>(request: ClientMessage, partitionId: number, decode: (response: ClientMessage) => T): Promise<T> {
    return this.client.invocations.invokeOnPartitionAndDecode(request, partitionId, decode);
  }

  protected invokeOnMember(request: ClientMessage, uuid: UUID): Promise<ClientMessage> {
    return this.client.invocations.invokeOnMember(request, uuid);
  }

  /** Sends to a member chosen by the load balancer. */
  protected invoke(request: ClientMessage): Promise<ClientMessage> {
    return this.client.invocations.invokeOnRandom(request);
  }

  protected registerListener(codec: ListenerCodec): Promise<string> {
    return this.client.listeners.registerListener(codec);
  }

  protected deregisterListener(id: string): Promise<boolean> {
    return this.client.listeners.deregisterListener(id);
  }
}

/** Checks a number argument: finite and at least `min`; `what` names it in the error. */
export function checkNumber(value: unknown, what: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new IllegalArgumentError(`${what} must be a number of at least ${min}, got ${String(value)}`);
  }
  return value;
}

/** Round trips one call may make before giving up: one per Compact schema its values need. */
const MAX_ROUND_TRIPS = 64;
const recovering = new WeakSet<object>();

/**
 * Makes every promise-returning method of a proxy class recover from serialization that needs
 * the cluster first (a Compact schema to send or to fetch): the rejected call waits for the
 * round trip and runs again. The common path costs one `catch` handler, and nothing when no
 * serialization format of the client can ask for a round trip.
 */
function recoverSerializationRoundTrips(proto: object): void {
  for (let p: object | null = proto; p !== null && p !== ProxyBase.prototype && !recovering.has(p); p = Object.getPrototypeOf(p) as object | null) {
    recovering.add(p);
    for (const name of Object.getOwnPropertyNames(p)) {
      const descriptor = Object.getOwnPropertyDescriptor(p, name);
      if (name === 'constructor' || !descriptor || typeof descriptor.value !== 'function') continue;
      const method = descriptor.value as (...args: unknown[]) => unknown;
      if (method.constructor.name === 'AsyncGeneratorFunction') continue;
      Object.defineProperty(p, name, {
        ...descriptor,
        value: function (this: ProxyBase, ...args: unknown[]): unknown {
          const result = method.apply(this, args);
          if (!this.client.serialization.mayNeedRoundTrips) return result;
          if (!(result instanceof Promise)) return result;
          const retry = (error: unknown, round: number): Promise<unknown> => {
            if (!(error instanceof SerializationNeedsRoundTripError) || round >= MAX_ROUND_TRIPS) return Promise.reject(error);
            return error.recover().then(() => (method.apply(this, args) as Promise<unknown>).catch((e: unknown) => retry(e, round + 1)));
          };
          return result.catch((error: unknown) => retry(error, 0));
        },
      });
    }
  }
}
