// Hazelcast client properties (`config.properties`) the core reads, with their defaults.

/** Property names and default values. */
export const PROPERTY_DEFAULTS = {
  'hazelcast.client.heartbeat.interval': 5000,
  'hazelcast.client.heartbeat.timeout': 60000,
  'hazelcast.client.invocation.timeout.millis': 120000,
  'hazelcast.client.invocation.retry.pause.millis': 1000,
  'hazelcast.client.operation.backup.timeout.millis': 5000,
  'hazelcast.client.operation.fail.on.indeterminate.state': false,
  /** Cap on invocations waiting for a response; beyond it new ones are rejected or wait. */
  'hazelcast.client.max.concurrent.invocations': 65536,
  /** How long a new invocation may wait for room under the cap, ms; -1 rejects at once. */
  'hazelcast.client.invocation.backoff.timeout.millis': -1,
  'hazelcast.client.statistics.enabled': false,
  'hazelcast.client.statistics.period.seconds': 3,
  'hazelcast.client.cloud.url': 'https://api.cloud.hazelcast.com',
  'hazelcast.client.shuffle.member.list': true,
  'hazelcast.client.socket.no.delay': true,
  /**
   * Requests written in one tick are coalesced into writes of up to 64 KiB, sent at the tick's
   * end; once this many bytes are queued, the tick's first write goes out at once, so that the
   * member starts on those requests while the client is still making the rest (with 256 gets in
   * flight, 1.8x the throughput of waiting for the tick's end; see tools/bench).
   */
  'hazelcast.client.autopipelining.threshold.bytes': 4096,
  'hazelcast.logging.level': 'INFO',
  'hazelcast.discovery.public.ip.enabled': null as boolean | null,
} as const;

export type PropertyName = keyof typeof PROPERTY_DEFAULTS;
