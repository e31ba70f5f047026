// A minimal protocol-level client for tests: sends encoded requests, matches responses by
// correlation id and collects events. It checks what the member puts on the wire.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { UUID } from '@hz/core';
import {
  ClientMessage,
  ClientMessageReader,
  decodeClientAuthenticationResponse,
  decodeErrorResponse,
  encodeClientAuthenticationRequest,
  type ErrorHolder,
} from '@hz/core/codec';

export class ErrorResponse extends Error {
  constructor(readonly holders: ErrorHolder[]) {
    super(`${holders[0]?.className}: ${holders[0]?.message}`);
  }
  get code(): number {
    return this.holders[0].errorCode;
  }
  get className(): string {
    return this.holders[0].className;
  }
}

interface Pending {
  resolve(m: ClientMessage): void;
  reject(e: Error): void;
}

export interface AuthOptions {
  clusterName?: string;
  username?: string | null;
  password?: string | null;
  uuid?: UUID;
  clientName?: string;
  labels?: string[];
  serializationVersion?: number;
}

export class RawClient {
  private readonly reader = new ClientMessageReader();
  private readonly pending = new Map<number, Pending>();
  private nextCorrelationId = 1;
  readonly events: ClientMessage[] = [];
  private eventWaiters: Array<() => void> = [];
  /** Chunks received (to see write coalescing). */
  chunks = 0;
  readError: Error | null = null;
  readonly closed: Promise<void>;
  isClosed = false;

  private constructor(private readonly socket: Socket) {
    this.closed = new Promise((resolve) => {
      socket.on('close', () => {
        this.isClosed = true;
        for (const p of this.pending.values()) p.reject(new Error('connection closed'));
        this.pending.clear();
        this.wakeEventWaiters();
        resolve();
      });
    });
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      this.chunks++;
      try {
        this.reader.feed(chunk, (m) => this.onMessage(m));
      } catch (e) {
        this.readError = e as Error;
        socket.destroy();
      }
    });
  }

  /** Connects and sends the CP2 preamble (unless `preamble` is false). */
  static connect(address: string, options: { tls?: ConnectionOptions; preamble?: boolean } = {}): Promise<RawClient> {
    const [host, portText] = address.split(':');
    const port = Number(portText);
    return new Promise((resolve, reject) => {
      const socket =
        options.tls === undefined
          ? netConnect({ host, port })
          : tlsConnect({ host, port, servername: 'localhost', ...options.tls });
      const ready = options.tls === undefined ? 'connect' : 'secureConnect';
      socket.once('error', reject);
      socket.once(ready, () => {
        socket.off('error', reject);
        const c = new RawClient(socket);
        if (options.preamble !== false) socket.write('CP2');
        resolve(c);
      });
    });
  }

  private onMessage(m: ClientMessage): void {
    if (m.isEvent()) {
      this.events.push(m);
      this.wakeEventWaiters();
      return;
    }
    const p = this.pending.get(m.correlationId);
    if (p === undefined) return;
    this.pending.delete(m.correlationId);
    if (m.messageType === 0) p.reject(new ErrorResponse(decodeErrorResponse(m)));
    else p.resolve(m);
  }

  private wakeEventWaiters(): void {
    const w = this.eventWaiters;
    this.eventWaiters = [];
    for (const f of w) f();
  }

  /** Sends a request; resolves to the response (rejects with ErrorResponse on an error response). */
  invoke(request: ClientMessage, partitionId = -1): Promise<ClientMessage> {
    const id = this.nextCorrelationId++;
    request.correlationId = id;
    request.partitionId = partitionId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.write(request.buffer);
    });
  }

  /** Sends several requests in a single socket write. */
  invokeAll(requests: Array<{ request: ClientMessage; partitionId?: number }>): Array<Promise<ClientMessage>> {
    const promises = requests.map(({ request, partitionId }) => {
      const id = this.nextCorrelationId++;
      request.correlationId = id;
      request.partitionId = partitionId ?? -1;
      return new Promise<ClientMessage>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    });
    this.socket.write(Buffer.concat(requests.map((r) => r.request.buffer)));
    return promises;
  }

  /** The correlation id the next invoke will use. */
  peekCorrelationId(): number {
    return this.nextCorrelationId;
  }

  writeRaw(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  async authenticate(o: AuthOptions = {}): Promise<ReturnType<typeof decodeClientAuthenticationResponse>> {
    const request = encodeClientAuthenticationRequest(
      o.clusterName ?? 'dev',
      o.username ?? null,
      o.password ?? null,
      o.uuid ?? UUID.random(),
      'NJS',
      o.serializationVersion ?? 1,
      '5.6.0',
      o.clientName ?? 'raw-client',
      o.labels ?? [],
      1,
      false,
    );
    return decodeClientAuthenticationResponse(await this.invoke(request));
  }

  /** Waits for an event that `match` accepts (looking at those already received first). */
  async waitForEvent(match: (m: ClientMessage) => boolean, timeoutMs = 5000): Promise<ClientMessage> {
    const deadline = Date.now() + timeoutMs;
    let seen = 0;
    for (;;) {
      for (; seen < this.events.length; seen++) if (match(this.events[seen])) return this.events[seen];
      if (this.isClosed) throw new Error('connection closed while waiting for an event');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for an event');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.eventWaiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  eventsOfType(messageType: number, correlationId?: number): ClientMessage[] {
    return this.events.filter((e) => e.messageType === messageType && (correlationId === undefined || e.correlationId === correlationId));
  }

  close(): Promise<void> {
    this.socket.destroy();
    return this.closed;
  }
}

/** Serialized-looking bytes (8-byte header, then the UTF-8 text) to use as keys and values. */
export function dataOf(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const b = Buffer.alloc(8 + payload.length);
  b.writeInt32BE(-11, 4);
  payload.copy(b, 8);
  return b;
}

export function textOf(data: { toBuffer(): Buffer } | null): string | null {
  return data === null ? null : data.toBuffer().subarray(8).toString('utf8');
}

/** Polls `cond` until it holds; fails after `timeoutMs`. */
export async function waitFor(cond: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export { ClientMessage };
