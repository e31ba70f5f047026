import { ClientStatistics, HazelcastClient, type ClientConfig, type DefaultLoggerFactory, type SerializerExtension } from '@hz/core';
import pino from 'pino';
import { getMap, type IMap } from '@hz/proxies/map';
import { getQueue, type IQueue } from '@hz/proxies/queue';
import { queryResultsExtension } from '@hz/query';
import { createSerializationExtension } from '@hz/serialization';

/**
 * The Hazelcast client with every feature package wired in: a drop-in for the official
 * `hazelcast-client` package's `Client` (`Client.newHazelcastClient(config)`, `getMap`, ...).
 * Programs that care about bundle size can use `@hz/core` with the feature functions instead
 * (`getMap(client, name)` from `@hz/proxies/map`).
 */
export class Client extends HazelcastClient {
  protected constructor(config?: ClientConfig, extensions: readonly SerializerExtension[] = []) {
    super(config, { serializerExtensions: extensions, defaultLogger: pinoLogger, statistics: ClientStatistics });
  }

  /** Creates a client and connects it to the cluster (unless `connectionStrategy.asyncStart`). */
  static override async newHazelcastClient(config?: ClientConfig): Promise<Client> {
    const client = new Client(config, serializerExtensions(config));
    await client.start();
    return client;
  }

  /** The distributed map `name` (created on the cluster on first use). */
  getMap<K = unknown, V = unknown>(name: string): Promise<IMap<K, V>> {
    return getMap<K, V>(this, name);
  }

  /** The distributed queue `name`. */
  getQueue<E = unknown>(name: string): Promise<IQueue<E>> {
    return getQueue<E>(this, name);
  }
}

/**
 * Without a `customLogger`, the full client logs through pino at the configured level (the
 * lines of @hz/core's own light logger have the same format; it is there for small bundles).
 */
const pinoLogger: DefaultLoggerFactory = (level, bindings) => pino({ name: bindings.name, level, base: { client: bindings.client } });

/** The serialization formats the feature packages add, configured from `config.serialization`. */
function serializerExtensions(config?: ClientConfig): SerializerExtension[] {
  // Query results (distinct sets, maxBy/minBy entries) are IdentifiedDataSerializable values.
  return [createSerializationExtension(config?.serialization), queryResultsExtension()];
}
