import { connect, type Socket } from 'node:net';
import { FrameSplitter, padding, REQUEST_HEADER_BYTES, requestHeader } from './frames';

/**
 * The raw baseline's client: one socket, requests matched to responses by correlation id, and
 * the writes of one tick coalesced (cork until the next tick), as both Hazelcast clients do.
 */
export class RawConnection {
  private readonly pending = new Map<number, () => void>();
  private readonly splitter = new FrameSplitter();
  private nextCorrelationId = 1;
  private corked = false;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.splitter.push(chunk, (frame) => this.onResponse(frame)));
    socket.on('close', () => {
      for (const resolve of this.pending.values()) resolve();
      this.pending.clear();
    });
  }

  static open(host: string, port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port }, () => {
        socket.off('error', reject);
        resolve(new RawConnection(socket));
      });
      socket.once('error', reject);
    });
  }

  /** Sends a request frame of `requestBytes` and resolves when its `responseBytes` response arrives. */
  request(requestBytes: number, responseBytes: number): Promise<void> {
    const id = this.nextCorrelationId++ | 0;
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    this.socket.write(requestHeader(id, requestBytes, responseBytes));
    this.socket.write(padding(requestBytes - REQUEST_HEADER_BYTES));
    return new Promise<void>((resolve) => this.pending.set(id, resolve));
  }

  private onResponse(frame: Buffer): void {
    const id = frame.readInt32LE(4);
    const resolve = this.pending.get(id);
    if (resolve === undefined) return;
    this.pending.delete(id);
    resolve();
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.end(resolve));
  }
}
