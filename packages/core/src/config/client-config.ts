// The configuration a user writes: the official Node.js client's shape, so its programs run unchanged.
import type { ConnectionOptions } from 'node:tls';
import type { Logger } from '../logging/logger';
import type { OfficialLogger } from '../logging/official-logger';
import type { LoadBalancer } from '../cluster/load-balancer';
import type { MembershipListener } from '../cluster/membership';
import type { LifecycleState } from '../lifecycle/lifecycle-state';
import type { SerializationConfig } from '../serialization/serialization-config';

/** What the client does when it loses its connection to the cluster. */
export const ReconnectMode = {
  /** Reconnect in the background; operations wait for the connection. */
  ON: 'ON',
  /** Shut the client down. */
  OFF: 'OFF',
  /** Reconnect in the background; operations fail with ClientOfflineError until connected. */
  ASYNC: 'ASYNC',
} as const;
/** One of {@link ReconnectMode}. */
export type ReconnectMode = (typeof ReconnectMode)[keyof typeof ReconnectMode];

/** Built-in load balancers. */
export const LoadBalancerType = {
  ROUND_ROBIN: 'ROUND_ROBIN',
  RANDOM: 'RANDOM',
} as const;
/** One of {@link LoadBalancerType}. */
export type LoadBalancerType = (typeof LoadBalancerType)[keyof typeof LoadBalancerType];

/** Retry policy for connecting to the cluster: exponential backoff with jitter. */
export interface ConnectionRetryConfig {
  /** First pause after a failed attempt, ms. Default 1000. */
  initialBackoffMillis?: number;
  /** Upper bound of the pause, ms. Default 30000. */
  maxBackoffMillis?: number;
  /** Give up after this long, ms; -1 means never (the default). */
  clusterConnectTimeoutMillis?: number;
  /** Factor by which the pause grows. Default 1.05; at least 1. */
  multiplier?: number;
  /** Random spread of each pause, 0..1. Default 0. */
  jitter?: number;
}

/** How the client starts and reconnects. */
export interface ConnectionStrategyConfig {
  /** Resolve `newHazelcastClient` before the cluster is reached. Default false. */
  asyncStart?: boolean;
  /** Default ON. */
  reconnectMode?: ReconnectMode;
  connectionRetry?: ConnectionRetryConfig;
}

/** TLS for member connections. */
export interface SSLConfig {
  enabled?: boolean;
  /** Passed to `tls.connect`: ca, key, cert, servername, rejectUnauthorized, checkServerIdentity ... */
  sslOptions?: ConnectionOptions;
}

/** Hazelcast Cloud (Viridian) discovery. */
export interface ClientCloudConfig {
  /** The cluster's discovery token. Never logged. */
  discoveryToken?: string;
}

export interface ClientNetworkConfig {
  /** Member addresses, "host:port" or "host" (then ports 5701-5703 are tried). Default 127.0.0.1. */
  clusterMembers?: string[];
  hazelcastCloud?: ClientCloudConfig;
  /** Timeout of one connection attempt, ms; 0 means none. Default 5000. */
  connectionTimeout?: number;
  /** Retry operations whose outcome is unknown after a connection loss. Default false. */
  redoOperation?: boolean;
  /** One connection per member and operations sent to the partition owner. Default true. */
  smartRouting?: boolean;
  ssl?: SSLConfig;
}

/** Username and password credentials. */
export interface UsernamePasswordCredentials {
  username: string | null;
  password: string | null;
}

/** Token credentials. */
export interface TokenCredentials {
  token: Buffer;
  /** Name of the token's encoding (informational). */
  encoding?: string;
}

export interface SecurityConfig {
  usernamePassword?: UsernamePasswordCredentials;
  token?: TokenCredentials;
}

export interface LoadBalancerConfig {
  /** Default ROUND_ROBIN. */
  type?: LoadBalancerType;
  /** A user-supplied balancer; wins over `type`. */
  customLoadBalancer?: LoadBalancer;
}

/** Client statistics sent to the cluster (also settable through properties). */
export interface MetricsConfig {
  enabled?: boolean;
  collectionFrequencySeconds?: number;
}

/** Values of `properties`, keyed by Hazelcast property names. */
export type Properties = Record<string, string | number | boolean | null | undefined>;

/**
 * The client configuration: the shape of the official `hazelcast-client` package. Options the
 * core does not use itself (serialization formats, near caches, ...) are read by the feature
 * packages that implement them.
 */
export interface ClientConfig {
  /** Default "dev". */
  clusterName?: string;
  /** The client's name; default hz.client_N. */
  instanceName?: string;
  clientLabels?: string[];
  network?: ClientNetworkConfig;
  connectionStrategy?: ConnectionStrategyConfig;
  loadBalancer?: LoadBalancerConfig;
  lifecycleListeners?: Array<(state: LifecycleState) => void>;
  membershipListeners?: MembershipListener[];
  security?: SecurityConfig;
  /** Ask members to acknowledge backups to the client (smart routing only). Default true. */
  backupAckToClientEnabled?: boolean;
  metrics?: MetricsConfig;
  properties?: Properties;
  /**
   * Where the client's log lines go: a pino logger (used through a child that carries the
   * client's name), or a logger written for the official client (`log`, `info(objectName,
   * message, furtherInfo)` ...). Without one, `properties['hazelcast.logging.level']` sets the
   * level of the default logger (pino-format JSON lines on stdout).
   */
  customLogger?: Logger | OfficialLogger;
  /** Serialization options; the formats beyond the built-in types are read by @hz/serialization. */
  serialization?: SerializationConfig;
  /** Near cache options by map name pattern, read by @hz/near-cache. */
  nearCaches?: Record<string, object>;
  /** Reliable topic options by name pattern, read by @hz/proxies. */
  reliableTopics?: Record<string, object>;
  /** Flake id generator options by name pattern, read by @hz/proxies. */
  flakeIdGenerators?: Record<string, object>;
}
