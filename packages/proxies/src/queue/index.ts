// @hz/proxies/queue: IQueue, a distributed blocking queue with item listeners.
export { getQueue, QueueProxy, QUEUE_SERVICE_NAME } from './queue-proxy';
export type { IQueue } from './iqueue';
export { ItemEvent, ItemEventType, type ItemEventListener, type ItemListener } from './item-listener';
