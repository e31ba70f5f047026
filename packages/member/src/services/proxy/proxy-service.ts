import type { ClientMessage, DistributedObjectInfo } from '@hz/core/codec';
import type { Member } from '../../cluster/member';
import type { RequestContext } from '../../dispatch/context';
import type { Dispatcher } from '../../dispatch/dispatcher';
import type { ClientConnection } from '../../network/connection';
import {
  CLIENT_ADD_DISTRIBUTED_OBJECT_LISTENER_REQUEST_TYPE,
  CLIENT_CREATE_PROXIES_REQUEST_TYPE,
  CLIENT_CREATE_PROXY_REQUEST_TYPE,
  CLIENT_DESTROY_PROXY_REQUEST_TYPE,
  CLIENT_GET_DISTRIBUTED_OBJECTS_REQUEST_TYPE,
  CLIENT_REMOVE_DISTRIBUTED_OBJECT_LISTENER_REQUEST_TYPE,
  decodeClientAddDistributedObjectListenerRequest,
  decodeClientCreateProxiesRequest,
  decodeClientCreateProxyRequest,
  decodeClientDestroyProxyRequest,
  decodeClientRemoveDistributedObjectListenerRequest,
  encodeClientAddDistributedObjectListenerDistributedObjectEvent,
  encodeClientAddDistributedObjectListenerResponse,
  encodeClientCreateProxiesResponse,
  encodeClientCreateProxyResponse,
  encodeClientDestroyProxyResponse,
  encodeClientGetDistributedObjectsResponse,
  encodeClientRemoveDistributedObjectListenerResponse,
} from '../../codec';
import { ListenerRegistry, sendEvent } from '../listener-registry';
import type { Service } from '../service';

/** Called when a distributed object of a service is destroyed, to drop its data and listeners. */
export type DestroyHook = (name: string) => void;

/**
 * The cluster's distributed objects (proxies): created and destroyed by clients, listed by
 * getDistributedObjects, and announced to distributed object listeners.
 */
export class ProxyService implements Service {
  /** serviceName -> object names, in creation order. */
  private readonly objects = new Map<string, Set<string>>();
  private readonly listeners = new ListenerRegistry<Record<string, never>>();
  private readonly destroyHooks = new Map<string, DestroyHook>();

  /** Lets a data structure service drop an object's data when the object is destroyed. */
  onDestroy(serviceName: string, hook: DestroyHook): void {
    this.destroyHooks.set(serviceName, hook);
  }

  register(d: Dispatcher): void {
    d.register(CLIENT_CREATE_PROXY_REQUEST_TYPE, (m, ctx) => {
      const { name, serviceName } = decodeClientCreateProxyRequest(m);
      this.create(serviceName, name, ctx.member);
      return encodeClientCreateProxyResponse();
    });
    d.register(CLIENT_CREATE_PROXIES_REQUEST_TYPE, (m, ctx) => {
      for (const [name, serviceName] of decodeClientCreateProxiesRequest(m).proxies) this.create(serviceName, name, ctx.member);
      return encodeClientCreateProxiesResponse();
    });
    d.register(CLIENT_DESTROY_PROXY_REQUEST_TYPE, (m, ctx) => {
      const { name, serviceName } = decodeClientDestroyProxyRequest(m);
      this.destroy(serviceName, name, ctx.member);
      return encodeClientDestroyProxyResponse();
    });
    d.register(CLIENT_GET_DISTRIBUTED_OBJECTS_REQUEST_TYPE, () => encodeClientGetDistributedObjectsResponse(this.list()));
    d.register(CLIENT_ADD_DISTRIBUTED_OBJECT_LISTENER_REQUEST_TYPE, (m, ctx) => this.addListener(m, ctx));
    d.register(CLIENT_REMOVE_DISTRIBUTED_OBJECT_LISTENER_REQUEST_TYPE, (m, ctx) => {
      const { registrationId } = decodeClientRemoveDistributedObjectListenerRequest(m);
      return encodeClientRemoveDistributedObjectListenerResponse(this.listeners.remove(registrationId, (r) => r.connection === ctx.connection));
    });
  }

  /** Creates an object if it does not exist yet; true when it was created. */
  create(serviceName: string, name: string, source: Member): boolean {
    let names = this.objects.get(serviceName);
    if (names === undefined) {
      names = new Set();
      this.objects.set(serviceName, names);
    }
    if (names.has(name)) return false;
    names.add(name);
    this.publish(name, serviceName, 'CREATED', source);
    return true;
  }

  /** Destroys an object and its data; true when it existed. */
  destroy(serviceName: string, name: string, source: Member): boolean {
    const existed = this.objects.get(serviceName)?.delete(name) === true;
    this.destroyHooks.get(serviceName)?.(name);
    if (existed) this.publish(name, serviceName, 'DESTROYED', source);
    return existed;
  }

  exists(serviceName: string, name: string): boolean {
    return this.objects.get(serviceName)?.has(name) === true;
  }

  list(): DistributedObjectInfo[] {
    const out: DistributedObjectInfo[] = [];
    for (const [serviceName, names] of this.objects) for (const name of names) out.push({ serviceName, name });
    return out;
  }

  private addListener(m: ClientMessage, ctx: RequestContext): ClientMessage {
    const { localOnly } = decodeClientAddDistributedObjectListenerRequest(m);
    return encodeClientAddDistributedObjectListenerResponse(this.listeners.add(ctx.connection, ctx.correlationId, ctx.member, localOnly, {}).id);
  }

  /**
   * A client that registered on every member with localOnly hears each event once: from the
   * member that handled the change. A registration without localOnly hears every event.
   */
  private publish(name: string, serviceName: string, eventType: 'CREATED' | 'DESTROYED', source: Member): void {
    const targets = [...this.listeners.all()].filter((r) => !r.localOnly || r.member === source);
    if (targets.length === 0) return;
    sendEvent(encodeClientAddDistributedObjectListenerDistributedObjectEvent(name, serviceName, eventType, source.uuid), targets);
  }

  onConnectionClosed(connection: ClientConnection): void {
    this.listeners.onConnectionClosed(connection);
  }

  shutdown(): void {
    this.objects.clear();
  }
}
