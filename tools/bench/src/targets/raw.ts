import { RawConnection } from '../raw/raw-connection';
import type { WireShape } from '../raw/wire-shapes';
import type { Target } from './target';

/** The raw baseline: the scenario's messages over a plain socket to the trivial responder. */
export async function connectRaw(address: string): Promise<Target> {
  const [host, port] = address.split(':');
  const connection = await RawConnection.open(host, Number(port));
  return {
    via: `plain TCP socket to the raw responder at ${address}`,
    partitionCount: null,
    populate: async () => undefined,
    async operation(_scenario, shape: WireShape) {
      if (shape.length === 1) {
        const { request, response } = shape[0];
        return () => connection.request(request, response);
      }
      return () => Promise.all(shape.map((m) => connection.request(m.request, m.response)));
    },
    close: () => connection.close(),
  };
}
