import type { Member } from '../../cluster/member';
import type { ClientConnection } from '../../network/connection';

/** An authenticated client connection, as the member knows it. */
export interface ClientEndpoint {
  readonly clientUuid: string;
  readonly clientName: string;
  readonly labels: readonly string[];
  /** Client type from the authentication request ("NJS", "JVM", ...). */
  readonly clientType: string;
  readonly clientVersion: string;
  readonly connection: ClientConnection;
  readonly member: Member;
  readonly authenticatedAt: number;
}

/** The last Client.statistics a client sent. */
export interface ClientStatistics {
  /** The client's timestamp, in ms since the epoch. */
  readonly timestamp: number;
  /** The raw "key=value,key=value" attribute text. */
  readonly clientAttributes: string;
  /** The same, split into keys and values. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The compressed metrics blob, as sent. */
  readonly metricsBlob: Buffer;
  /** When the member received it. */
  readonly receivedAt: number;
  /** UUID of the member it was sent to. */
  readonly memberUuid: string;
}

/** A client as seen through the inspection API (`cluster.clients()`). */
export interface ClientInfo {
  readonly uuid: string;
  readonly name: string;
  readonly labels: readonly string[];
  readonly type: string;
  readonly version: string;
  /** One entry per member the client is connected to. */
  readonly connections: ReadonlyArray<{ readonly memberUuid: string; readonly remoteAddress: string; readonly remotePort: number }>;
  readonly statistics: ClientStatistics | null;
}

/** Splits statistics attributes: commas separate pairs; a backslash escapes the next character. */
export function parseStatisticsAttributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let cur = '';
  const pairs: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      cur += text[++i];
    } else if (ch === ',') {
      pairs.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  if (cur.length > 0) pairs.push(cur);
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq > 0) out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}
