import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { TlsOptions } from '../config';
import type { MemberLogger } from '../logging';

/**
 * A member's listener: plain TCP or TLS. It only accepts sockets; what they carry is the
 * connection's business. Every accepted socket is tracked so that a kill can drop them at once.
 */
export class MemberServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  constructor(
    tls: TlsOptions | null,
    onSocket: (socket: Socket) => void,
    private readonly logger: MemberLogger,
  ) {
    if (tls === null) {
      this.server = createTcpServer(onSocket);
    } else {
      this.server = createTlsServer(
        {
          key: tls.key,
          cert: tls.cert,
          ca: tls.ca,
          requestCert: tls.requireClientCert === true,
          rejectUnauthorized: tls.requireClientCert === true,
        },
        onSocket,
      );
      this.server.on('tlsClientError', (e: Error) => this.logger.warn({ err: e.message }, 'TLS handshake with a client failed'));
    }
    // Raw sockets, before any TLS handshake, so that a kill also drops half-open handshakes.
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  /** Listens; resolves to the bound port. Rejects with the listen error (EADDRINUSE...). */
  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (e: Error): void => reject(e);
      this.server.once('error', onError);
      this.server.listen({ host, port, exclusive: true }, () => {
        this.server.off('error', onError);
        this.server.on('error', (e) => this.logger.error({ err: e.message }, 'Listener error'));
        const address = this.server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : port);
      });
    });
  }

  /** Stops listening and destroys every socket it accepted. */
  close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    return new Promise((resolve) => {
      if (!this.server.listening) {
        resolve();
        return;
      }
      this.server.close(() => resolve());
    });
  }
}
