import { javaClassNameOf } from '../dispatch/errors';
import type { ClientConnection } from '../network/connection';

/** What to do with the response to a request that a rule matches. */
export type FaultAction =
  | { kind: 'delay'; delayMs: number }
  | { kind: 'drop' }
  | { kind: 'error'; errorCode: number; className: string; message: string };

/** Which requests a rule applies to, and how many times. */
export interface FaultMatch {
  /** Message type of the request (a `*_REQUEST_TYPE` constant); every request when absent. */
  messageType?: number;
  /** Apply to this many requests, then retire (default: until removed). */
  times?: number;
}

/** A rule in force; `remove()` lifts it. */
export interface FaultHandle {
  remove(): void;
  /** How many requests the rule has applied to so far. */
  readonly hits: number;
}

/** Kinds of broken bytes `sendMalformedFrame` can write. */
export type MalformedKind = 'short-frame' | 'negative-length' | 'oversized-length';

interface Rule {
  messageType: number | null;
  remaining: number;
  action: FaultAction;
  hits: number;
}

/**
 * Fault injection for tests. A member has one, and the cluster has one that applies to every
 * member. Delay and drop act on responses: the request is still carried out (a dropped response
 * is a lost reply, not a lost request). An error rule answers with the error instead of carrying
 * the request out. Connection faults act on the client connections at once.
 */
export class FaultInjector {
  private rules: Rule[] = [];
  private authStatus: number | null = null;

  constructor(private readonly connections: () => Iterable<ClientConnection>) {}

  /** Delays responses by `delayMs` (without blocking anything else). */
  delayResponses(options: FaultMatch & { delayMs: number }): FaultHandle {
    return this.add(options, { kind: 'delay', delayMs: options.delayMs });
  }

  /** Never sends the responses. */
  dropResponses(options: FaultMatch = {}): FaultHandle {
    return this.add(options, { kind: 'drop' });
  }

  /** Answers with an error response carrying `errorCode` (and the matching Java class name). */
  failRequests(options: FaultMatch & { errorCode: number; className?: string; message?: string }): FaultHandle {
    return this.add(options, {
      kind: 'error',
      errorCode: options.errorCode,
      className: options.className ?? javaClassNameOf(options.errorCode),
      message: options.message ?? 'Injected fault',
    });
  }

  /** Answers every authentication with this status (1 CREDENTIALS_FAILED, 2 SERIALIZATION_VERSION_MISMATCH, 3 NOT_ALLOWED_IN_CLUSTER); null to stop. */
  failAuthentication(status: number | null): void {
    this.authStatus = status;
  }

  /** Status forced on authentication, if any. */
  forcedAuthenticationStatus(): number | null {
    return this.authStatus;
  }

  /** Closes client connections at once (all, or those of one client by its UUID). Returns how many. */
  dropConnections(clientUuid?: string): number {
    let n = 0;
    for (const c of [...this.connections()]) {
      if (clientUuid !== undefined && c.clientUuid !== clientUuid) continue;
      c.close('dropped by fault injection');
      n++;
    }
    return n;
  }

  /** Writes bytes that are not a valid frame to client connections (all, or one client's). Returns how many. */
  sendMalformedFrame(options: { clientUuid?: string; kind?: MalformedKind } = {}): number {
    const bytes = malformedBytes(options.kind ?? 'short-frame');
    let n = 0;
    for (const c of this.connections()) {
      if (options.clientUuid !== undefined && c.clientUuid !== options.clientUuid) continue;
      c.writeBytes(bytes);
      n++;
    }
    return n;
  }

  /** Lifts every rule and the forced authentication status. */
  clear(): void {
    this.rules = [];
    this.authStatus = null;
  }

  /** The action for a request of this type, if a rule applies (counting it against the rule). */
  take(messageType: number): FaultAction | null {
    for (const rule of this.rules) {
      if (rule.messageType !== null && rule.messageType !== messageType) continue;
      rule.hits++;
      if (--rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
      return rule.action;
    }
    return null;
  }

  private add(match: FaultMatch, action: FaultAction): FaultHandle {
    const rule: Rule = { messageType: match.messageType ?? null, remaining: match.times ?? Infinity, action, hits: 0 };
    this.rules.push(rule);
    return {
      remove: () => {
        this.rules = this.rules.filter((r) => r !== rule);
      },
      get hits() {
        return rule.hits;
      },
    };
  }
}

function malformedBytes(kind: MalformedKind): Buffer {
  const b = Buffer.alloc(6);
  // flags: unfragmented, final
  b.writeUInt16LE(0xe000, 4);
  if (kind === 'short-frame') b.writeInt32LE(3, 0);
  else if (kind === 'negative-length') b.writeInt32LE(-1, 0);
  else b.writeInt32LE(0x7fffffff, 0);
  return b;
}
