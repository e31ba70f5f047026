// @hz/client: every @hz package in one import, and `Client`, the drop-in for the official
// `hazelcast-client` package.
export { Client } from './client';
export * from '@hz/core';
export * from '@hz/proxies/map';
export * from '@hz/proxies/queue';
export * from '@hz/query';
export * from '@hz/serialization';
