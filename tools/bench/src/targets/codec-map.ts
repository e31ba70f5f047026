// Our client driven the way the map proxy drives it (serialize, encode with the generated codec,
// invoke on the key's partition, decode, deserialize), for when @hz/proxies/map is not there.
import type { Data, HazelcastClient } from '@hz/core';
import {
  decodeMapGetAllResponse,
  decodeMapGetResponse,
  decodeMapPutResponse,
  encodeMapGetAllRequest,
  encodeMapGetRequest,
  encodeMapPutRequest,
  encodeMapSetRequest,
} from '@hz/proxies/codec';
import type { BenchMap } from './map-target';

const THREAD_ID = 1;
const NO_TTL = -1;

export class CodecMap implements BenchMap {
  constructor(
    private readonly client: HazelcastClient,
    private readonly name: string,
  ) {}

  async get(key: string): Promise<unknown> {
    const k = this.toData(key);
    const response = await this.client.invocations.invokeOnPartition(encodeMapGetRequest(this.name, k, THREAD_ID), this.partitionOf(k));
    return this.client.serialization.toObject(decodeMapGetResponse(response));
  }

  async put(key: string, value: Buffer): Promise<unknown> {
    const k = this.toData(key);
    const request = encodeMapPutRequest(this.name, k, this.toData(value), THREAD_ID, NO_TTL);
    const response = await this.client.invocations.invokeOnPartition(request, this.partitionOf(k));
    return this.client.serialization.toObject(decodeMapPutResponse(response));
  }

  async set(key: string, value: Buffer): Promise<void> {
    const k = this.toData(key);
    const request = encodeMapSetRequest(this.name, k, this.toData(value), THREAD_ID, NO_TTL);
    await this.client.invocations.invokeOnPartition(request, this.partitionOf(k));
  }

  /** One request per partition, in parallel, as every Hazelcast client sends a getAll. */
  async getAll(keys: string[]): Promise<Array<[unknown, unknown]>> {
    const byPartition = new Map<number, Data[]>();
    for (const key of keys) {
      const k = this.toData(key);
      const p = this.partitionOf(k);
      const list = byPartition.get(p);
      if (list === undefined) byPartition.set(p, [k]);
      else list.push(k);
    }
    const responses = await Promise.all(
      [...byPartition].map(([p, ks]) => this.client.invocations.invokeOnPartition(encodeMapGetAllRequest(this.name, ks), p)),
    );
    const s = this.client.serialization;
    return responses.flatMap((r) => decodeMapGetAllResponse(r).map(([k, v]): [unknown, unknown] => [s.toObject(k), s.toObject(v)]));
  }

  private toData(value: unknown): Data {
    return this.client.serialization.toData(value)!;
  }

  private partitionOf(key: Data): number {
    return this.client.partitions.getPartitionId(key);
  }
}
