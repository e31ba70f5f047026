import { DefaultSerializationService, type SerializationConfig } from '@hz/core';
import { createSerializationExtension, type CompactExtension, type SerializationExtension } from '../../src';
import { FakeCluster } from './fake-cluster';

/** Our service with every format, attached to a fake cluster that knows every schema sent to it. */
export function ourService(config: SerializationConfig = {}): {
  service: DefaultSerializationService;
  extension: SerializationExtension;
  cluster: FakeCluster;
  compact: CompactExtension;
} {
  const extension = createSerializationExtension(config);
  const service = new DefaultSerializationService(config, [extension]);
  const cluster = new FakeCluster();
  service.attach(cluster.context());
  return { service, extension, cluster, compact: extension.parts.get('Compact') as CompactExtension };
}
