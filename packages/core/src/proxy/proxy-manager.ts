import {
  decodeClientAddDistributedObjectListenerDistributedObjectEvent,
  decodeClientAddDistributedObjectListenerResponse,
  decodeClientGetDistributedObjectsResponse,
  encodeClientAddDistributedObjectListenerRequest,
  encodeClientCreateProxyRequest,
  encodeClientDestroyProxyRequest,
  encodeClientGetDistributedObjectsRequest,
  encodeClientRemoveDistributedObjectListenerRequest,
} from '../codec/generated/client';
import type { DistributedObjectInfo } from '../codec/generated/custom';
import type { InvocationService } from '../invocation/invocation-service';
import type { ListenerService } from '../listener/listener-service';
import type { UUID } from '../util/uuid';

/** A distributed object was created or destroyed somewhere in the cluster. */
export interface DistributedObjectEvent {
  eventType: 'CREATED' | 'DESTROYED';
  serviceName: string;
  objectName: string;
  /** The member the event came from. */
  source: UUID;
}

export type DistributedObjectListener = (event: DistributedObjectEvent) => void;

/** What every proxy has. */
export interface DistributedObject {
  getName(): string;
  getServiceName(): string;
  /** Destroys the object on the cluster and forgets the proxy. */
  destroy(): Promise<void>;
}

/** The client's proxies, one per service and name, created on the cluster when first asked for. */
export class ProxyManager {
  private readonly proxies = new Map<string, Promise<DistributedObject>>();

  constructor(
    private readonly invocations: InvocationService,
    private readonly listeners: ListenerService,
  ) {}

  /**
   * The proxy of `serviceName`/`name`, made by `create` the first time and created on the
   * cluster; later calls get the same proxy.
   */
  getOrCreateProxy<T extends DistributedObject>(serviceName: string, name: string, create: () => T): Promise<T> {
    const key = `${serviceName}/${name}`;
    let proxy = this.proxies.get(key);
    if (!proxy) {
      proxy = this.invocations.invokeOnRandom(encodeClientCreateProxyRequest(name, serviceName)).then(() => create());
      this.proxies.set(key, proxy);
      proxy.catch(() => this.proxies.delete(key));
    }
    return proxy as Promise<T>;
  }

  /** Destroys an object on the cluster and forgets its proxy. */
  async destroyProxy(serviceName: string, name: string): Promise<void> {
    this.proxies.delete(`${serviceName}/${name}`);
    await this.invocations.invokeOnRandom(encodeClientDestroyProxyRequest(name, serviceName));
  }

  /** Forgets a proxy without touching the cluster (the object was destroyed elsewhere). */
  forgetProxy(serviceName: string, name: string): void {
    this.proxies.delete(`${serviceName}/${name}`);
  }

  /** Every distributed object in the cluster, as service and name. */
  async getDistributedObjects(): Promise<DistributedObjectInfo[]> {
    const response = await this.invocations.invokeOnRandom(encodeClientGetDistributedObjectsRequest());
    return decodeClientGetDistributedObjectsResponse(response);
  }

  addDistributedObjectListener(listener: DistributedObjectListener): Promise<string> {
    return this.listeners.registerListener({
      encodeAddRequest: (localOnly) => encodeClientAddDistributedObjectListenerRequest(localOnly),
      decodeAddResponse: (m) => decodeClientAddDistributedObjectListenerResponse(m),
      encodeRemoveRequest: (id) => encodeClientRemoveDistributedObjectListenerRequest(id),
      handle: (m) => {
        const e = decodeClientAddDistributedObjectListenerDistributedObjectEvent(m);
        listener({ eventType: e.eventType as 'CREATED' | 'DESTROYED', serviceName: e.serviceName, objectName: e.name, source: e.source });
      },
    });
  }

  removeDistributedObjectListener(id: string): Promise<boolean> {
    return this.listeners.deregisterListener(id);
  }
}
