import { MalformedMessageError } from '@hz/core';
import { BACKUP_AWARE_FLAG, FRAME_HEADER_SIZE, RESPONSE_BACKUP_ACKS_FIELD_OFFSET, encodeErrorResponse, type ClientMessage, type ErrorHolder } from '@hz/core/codec';
import {
  MAP_DELETE_REQUEST_TYPE,
  MAP_EXECUTE_ON_KEY_REQUEST_TYPE,
  MAP_PUT_IF_ABSENT_REQUEST_TYPE,
  MAP_PUT_REQUEST_TYPE,
  MAP_PUT_TRANSIENT_REQUEST_TYPE,
  MAP_REMOVE_IF_SAME_REQUEST_TYPE,
  MAP_REMOVE_REQUEST_TYPE,
  MAP_REPLACE_IF_SAME_REQUEST_TYPE,
  MAP_REPLACE_REQUEST_TYPE,
  MAP_SET_REQUEST_TYPE,
  MAP_SET_TTL_REQUEST_TYPE,
  MAP_TRY_PUT_REQUEST_TYPE,
  MAP_TRY_REMOVE_REQUEST_TYPE,
} from '../codec/generated/map';
import type { MemberLogger } from '../logging';
import type { FaultAction } from '../faults/fault-injector';
import type { Handler, HandlerOptions, RequestContext } from './context';
import { ErrorCode, MemberError, javaClassNameOf } from './errors';

/** Mutations that a member backs up synchronously, and so acknowledges to clients that ask. */
const BACKED_UP = new Set([
  MAP_PUT_REQUEST_TYPE,
  MAP_SET_REQUEST_TYPE,
  MAP_REMOVE_REQUEST_TYPE,
  MAP_DELETE_REQUEST_TYPE,
  MAP_PUT_IF_ABSENT_REQUEST_TYPE,
  MAP_REPLACE_REQUEST_TYPE,
  MAP_REPLACE_IF_SAME_REQUEST_TYPE,
  MAP_REMOVE_IF_SAME_REQUEST_TYPE,
  MAP_PUT_TRANSIENT_REQUEST_TYPE,
  MAP_SET_TTL_REQUEST_TYPE,
  MAP_TRY_PUT_REQUEST_TYPE,
  MAP_TRY_REMOVE_REQUEST_TYPE,
  MAP_EXECUTE_ON_KEY_REQUEST_TYPE,
]);

interface Entry {
  handler: Handler;
  allowUnauthenticated: boolean;
}

/**
 * The one table from message type to handler. Services register their handlers; the dispatcher
 * runs them, answers unknown types and failures as a member does, applies injected faults, and
 * stamps each response with the request's correlation id.
 */
export class Dispatcher {
  private readonly handlers = new Map<number, Entry>();

  constructor(private readonly logger: MemberLogger) {}

  register(messageType: number, handler: Handler, options: HandlerOptions = {}): void {
    if (this.handlers.has(messageType)) throw new Error(`A handler for message type ${messageType} is already registered`);
    this.handlers.set(messageType, { handler, allowUnauthenticated: options.allowUnauthenticated === true });
  }

  /** Message types that have a handler. */
  messageTypes(): number[] {
    return [...this.handlers.keys()];
  }

  dispatch(request: ClientMessage, ctx: RequestContext): void {
    const type = request.messageType;
    const entry = this.handlers.get(type);
    if (entry !== undefined && !entry.allowUnauthenticated && ctx.connection.clientUuid === null) {
      // A member answers an operation on a connection that has not authenticated with a
      // retryable error caused by an AuthenticationException, then closes the connection.
      const message = `Client ${ctx.connection} must authenticate before any operation.`;
      this.logger.warn({ connection: ctx.connection.toString(), messageType: type }, message);
      const cause = new MemberError(ErrorCode.AUTHENTICATION, message);
      this.send(ctx, errorResponse(new MemberError(ErrorCode.RETRYABLE_HAZELCAST, message, undefined, [cause])));
      ctx.connection.close('not authenticated', true);
      return;
    }
    const fault = ctx.member.faults.take(type) ?? ctx.cluster.faults.take(type);
    if (fault !== null && fault.kind === 'error') {
      this.respond(ctx, errorResponse(new MemberError(fault.errorCode, fault.message, fault.className)), null);
      return;
    }
    if (entry === undefined) {
      // What a member's NoSuchMessageTask does.
      const message = `Unrecognized client message received with type: 0x${type.toString(16)}`;
      this.logger.warn({ connection: ctx.connection.toString() }, message);
      this.respond(ctx, errorResponse(new MemberError(ErrorCode.UNSUPPORTED_OPERATION, message)), fault);
      return;
    }
    let result: ClientMessage | Promise<ClientMessage>;
    try {
      result = entry.handler(request, ctx);
    } catch (e) {
      this.respond(ctx, this.failure(e, type), fault);
      return;
    }
    const backups = (request.flags & BACKUP_AWARE_FLAG) !== 0 && BACKED_UP.has(type) ? Math.min(ctx.cluster.options.backupCount, ctx.cluster.members.length - 1) : 0;
    if (backups > 0) {
      const acknowledge = (response: ClientMessage): ClientMessage => {
        if (response.messageType === type + 1) {
          const acks = ctx.cluster.clientService.acknowledgeBackups(ctx.connection, ctx.correlationId, backups);
          response.buffer[FRAME_HEADER_SIZE + RESPONSE_BACKUP_ACKS_FIELD_OFFSET] = acks;
        }
        return response;
      };
      result = result instanceof Promise ? result.then(acknowledge) : acknowledge(result);
    }
    if (result instanceof Promise) {
      result.then(
        (response) => this.respond(ctx, response, fault),
        (e: unknown) => this.respond(ctx, this.failure(e, type), fault),
      );
    } else {
      this.respond(ctx, result, fault);
    }
  }

  private failure(e: unknown, messageType: number): ClientMessage {
    if (e instanceof MemberError) return errorResponse(e);
    if (e instanceof MalformedMessageError) {
      this.logger.warn({ messageType, err: e.message }, 'Request could not be decoded');
      return errorResponse(new MemberError(ErrorCode.HAZELCAST_SERIALIZATION, e.message));
    }
    this.logger.error({ messageType, err: e instanceof Error ? (e.stack ?? e.message) : String(e) }, 'Handler failed');
    return errorResponse(new MemberError(ErrorCode.HAZELCAST, e instanceof Error ? e.message : String(e)));
  }

  private respond(ctx: RequestContext, response: ClientMessage, fault: FaultAction | null): void {
    if (fault === null) {
      this.send(ctx, response);
    } else if (fault.kind === 'delay') {
      ctx.connection.schedule(() => this.send(ctx, response), fault.delayMs);
    } else if (fault.kind === 'error') {
      this.send(ctx, errorResponse(new MemberError(fault.errorCode, fault.message, fault.className)));
    }
    // 'drop': the response is lost.
  }

  private send(ctx: RequestContext, response: ClientMessage): void {
    response.correlationId = ctx.correlationId;
    ctx.connection.write(response);
  }
}

function toHolder(e: MemberError): ErrorHolder {
  return { errorCode: e.code, className: e.className || javaClassNameOf(e.code), message: e.message, stackTraceElements: [] };
}

/** An error response: the exception, then its causes. */
export function errorResponse(e: MemberError): ClientMessage {
  return encodeErrorResponse([toHolder(e), ...e.causes.map(toHolder)]);
}
