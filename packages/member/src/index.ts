// @hz/member: a development Hazelcast member in TypeScript, for tests and local development.
// Not a production server.
export { Cluster, startCluster } from './cluster/cluster';
export { Member, type MemberState } from './cluster/member';
export { PartitionTable } from './cluster/partition-table';
export type { ClusterOptions, TlsOptions } from './config';
export type { LogLevel, MemberLogger } from './logging';
export { ErrorCode, MemberError, javaClassNameOf } from './dispatch/errors';
export type { Handler, RequestContext } from './dispatch/context';
export { Dispatcher } from './dispatch/dispatcher';
export { FaultInjector, type FaultAction, type FaultHandle, type FaultMatch, type MalformedKind } from './faults/fault-injector';
export type { ClientConnection } from './network/connection';
export { AuthenticationStatus } from './services/client/authentication-status';
export type { ClientInfo, ClientStatistics } from './services/client/endpoint';
export { EntryEventType } from './services/map/entry-event-type';
export { MAP_SERVICE_NAME } from './services/map/map-service';
export { partitionOf } from './storage/partitioning';
export { runCli, parseCliArgs, type CliOptions } from './cli/run';
