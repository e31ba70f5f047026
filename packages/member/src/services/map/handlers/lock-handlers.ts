import type { ClientMessage } from '@hz/core';
import * as codec from '../../../codec';
import type { RequestContext } from '../../../dispatch/context';
import type { Dispatcher } from '../../../dispatch/dispatcher';
import { ErrorCode, MemberError } from '../../../dispatch/errors';
import type { LockOwner } from '../lock-store';
import { resourceId } from '../map-data';
import type { MapService } from '../map-service';

/**
 * Key locks. The owner is the client and the thread id of the request; lock and tryLock with a
 * timeout are parked (never blocking the event loop) until the lock frees or the time is up.
 */
export function registerLockHandlers(d: Dispatcher, map: MapService): void {
  const id = (ctx: RequestContext, key: Buffer): string => resourceId(map.partitionOf(ctx, key), key);

  /** Parks until `owner` can take the lock, then takes it; `timeoutMs` < 0 waits for as long as it takes. */
  const acquire = (ctx: RequestContext, name: string, key: Buffer, owner: LockOwner, leaseMs: number, timeoutMs: number, referenceId: string, answer: (locked: boolean) => ClientMessage): Promise<ClientMessage> =>
    new Promise((resolve) => {
      const resource = id(ctx, key);
      map.locks.whenAvailable(
        name,
        resource,
        owner,
        ctx.connection,
        timeoutMs,
        () => resolve(answer(map.locks.lock(name, resource, owner, leaseMs, referenceId))),
        () => resolve(answer(false)),
      );
    });

  d.register(codec.MAP_LOCK_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapLockRequest(m);
    return acquire(ctx, r.name, r.key.toBuffer(), map.ownerOf(ctx, r.threadId), r.ttl.toNumber(), -1, r.referenceId.toString(), () => codec.encodeMapLockResponse());
  });
  d.register(codec.MAP_TRY_LOCK_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapTryLockRequest(m);
    const timeout = Math.max(0, r.timeout.toNumber());
    return acquire(ctx, r.name, r.key.toBuffer(), map.ownerOf(ctx, r.threadId), r.lease.toNumber(), timeout, r.referenceId.toString(), (locked) =>
      codec.encodeMapTryLockResponse(locked),
    );
  });
  d.register(codec.MAP_UNLOCK_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapUnlockRequest(m);
    const resource = id(ctx, r.key.toBuffer());
    if (!map.locks.unlock(r.name, resource, map.ownerOf(ctx, r.threadId), r.referenceId.toString())) {
      throw new MemberError(ErrorCode.ILLEGAL_MONITOR_STATE, `Current thread is not owner of the lock! -> ${map.locks.ownerInfo(r.name, resource)}`);
    }
    return codec.encodeMapUnlockResponse();
  });
  d.register(codec.MAP_FORCE_UNLOCK_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapForceUnlockRequest(m);
    map.locks.forceUnlock(r.name, id(ctx, r.key.toBuffer()));
    return codec.encodeMapForceUnlockResponse();
  });
  d.register(codec.MAP_IS_LOCKED_REQUEST_TYPE, (m, ctx) => {
    const r = codec.decodeMapIsLockedRequest(m);
    return codec.encodeMapIsLockedResponse(map.locks.isLocked(r.name, id(ctx, r.key.toBuffer())));
  });
}
