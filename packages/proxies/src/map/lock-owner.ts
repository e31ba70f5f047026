// Who owns a map lock. A member knows a lock's owner as the client's UUID plus a "thread id"
// that every key request carries (the Java client sends the calling thread's id). Node.js has
// one thread, so the official Node.js client sends one constant id: every async flow of a
// client shares its locks, and any flow may unlock what another locked. Here an async flow
// gets its own thread id when it runs inside a lock owner (AsyncLocalStorage carries it
// through awaits, timers and callbacks); code outside any owner keeps the official behaviour.
import { AsyncLocalStorage } from 'node:async_hooks';

/** Thread id of the default owner, shared by all code that runs outside `LockOwner.run`. */
const DEFAULT_THREAD_ID = 1;

/** Only this module can make the default owner. */
const DEFAULT_OWNER: unique symbol = Symbol('LockOwner.default');

let nextThreadId = DEFAULT_THREAD_ID + 1;
let storage: AsyncLocalStorage<LockOwner> | undefined;
let defaultOwner: LockOwner | undefined;

/**
 * The owner of map locks, as members see it: this client plus a thread id. Everything a
 * function run by {@link LockOwner.run} does - and every async operation it starts, however
 * deep - acts as that owner: its `lock`s are its own, an `unlock` by any other owner fails with
 * `IllegalMonitorStateError`, and other owners' writes to a key it locked wait until it
 * unlocks. Code outside any `run` acts as the client's default owner, shared by all such code
 * (the official Node.js client's behaviour).
 *
 * ```ts
 * // Each request handler owns the locks it takes:
 * server.on('request', (req, res) => withLockOwner(() => handle(req, res)));
 * // Hand a lock to another flow explicitly:
 * const owner = new LockOwner();
 * await owner.run(() => map.lock('k'));
 * setTimeout(() => owner.run(() => map.unlock('k')), 1000);
 * ```
 */
export class LockOwner {
  /** The thread id members see in this owner's requests. */
  readonly threadId: number;

  /** A new owner, distinct from every other (in this process). */
  constructor(kind?: typeof DEFAULT_OWNER) {
    this.threadId = kind === DEFAULT_OWNER ? DEFAULT_THREAD_ID : nextThreadId++;
  }

  /** The owner of all code that runs outside {@link LockOwner.run}. */
  static get default(): LockOwner {
    return (defaultOwner ??= new LockOwner(DEFAULT_OWNER));
  }

  /** The owner of the calling async flow: the innermost `run`, else the default owner. */
  static current(): LockOwner {
    return storage?.getStore() ?? LockOwner.default;
  }

  /** Runs `fn`, and everything it starts, as this owner; returns what `fn` returns. */
  run<T>(fn: () => T): T {
    storage ??= new AsyncLocalStorage<LockOwner>();
    return storage.run(this, fn);
  }
}

/** Runs `fn` as a new lock owner: the locks it takes belong to it alone. */
export function withLockOwner<T>(fn: () => T): T {
  return new LockOwner().run(fn);
}
