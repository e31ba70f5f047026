import { HazelcastClient } from '@hz/core';
import { CodecMap } from './codec-map';
import { clientConfig, mapTarget, type BenchMap } from './map-target';
import type { ClusterAddress, Target } from './target';

/** The shape we expect of `@hz/proxies/map`, which may not exist yet. */
interface MapProxyModule {
  getMap(client: HazelcastClient, name: string): Promise<BenchMap> | BenchMap;
}

/**
 * Loads the map proxy if the package has it. The specifier is a variable so that the benchmark
 * type-checks and runs before the proxy exists; then it falls back to the generated codecs.
 */
async function loadMapProxy(): Promise<{ module: MapProxyModule | null; why: string }> {
  const specifier = '@hz/proxies/map';
  try {
    // require, like the import of @hz/core above once compiled: a dynamic import() would load
    // the proxy's ESM build beside the client's CommonJS one, two copies of the shared code.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(specifier) as Partial<MapProxyModule>;
    if (typeof module.getMap !== 'function') return { module: null, why: `${specifier} has no getMap()` };
    return { module: module as MapProxyModule, why: '' };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const missing = code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND';
    return { module: null, why: missing ? `${specifier} does not exist yet` : `${specifier} failed to load: ${(error as Error).message.split('\n')[0]}` };
  }
}

export async function connectOurs(cluster: ClusterAddress, keyCount: number): Promise<Target> {
  const proxy = await loadMapProxy();
  const client = await HazelcastClient.newHazelcastClient(clientConfig(cluster));
  const mapProxy = proxy.module;
  return mapTarget({
    via: mapProxy ? 'our client: getMap() from @hz/proxies/map' : `our client: generated codecs + invocations.invokeOnPartition (${proxy.why})`,
    partitionCount: client.partitions.getPartitionCount(),
    keyCount,
    getMap: (name) => (mapProxy ? mapProxy.getMap(client, name) : new CodecMap(client, name)),
    close: () => client.shutdown(),
  });
}
