import pino from 'pino';
import { ClientMessage, MessageWriter } from '@hz/core/codec';
import { resolveConfig } from '../../src/config/resolve-config';
import { InvocationService, type ConnectionRegistry } from '../../src/invocation/invocation-service';
import type { Connection } from '../../src/network/connection';
import type { PartitionService } from '../../src/partition/partition-service';

// Fakes for invocation service tests: connections that keep what is written to them, requests
// and their responses.

/** A connection that keeps what is written to it; `accept` false makes writes fail (closed). */
export function fakeConnection(accept = true) {
  const written: ClientMessage[] = [];
  const connection = {
    write: (m: ClientMessage) => {
      if (accept) written.push(m);
      return accept;
    },
    isAlive: () => true,
  };
  return { connection: connection as unknown as Connection, written };
}

export function service(connections: Connection[]) {
  let next = 0;
  const registry: ConnectionRegistry = {
    getConnection: () => undefined,
    getRandomConnection: () => connections[Math.min(next++, connections.length - 1)],
    isOfflineFailFast: () => false,
  };
  const partitions = { getPartitionOwner: () => undefined, getPartitionCount: () => 271 } as unknown as PartitionService;
  return new InvocationService(resolveConfig({}), registry, partitions, pino({ level: 'silent' }), () => true);
}

export function request(payload: number): ClientMessage {
  const w = MessageWriter.request(0x0b00, 0, 6 + payload);
  w.bytes(Buffer.alloc(payload, 7));
  const m = w.finish();
  m.retryable = true;
  return m;
}

export function responseTo(req: ClientMessage): ClientMessage {
  const m = MessageWriter.response(0x0b01, 0, 0).finish();
  m.correlationId = req.correlationId;
  return m;
}
