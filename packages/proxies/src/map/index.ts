// @hz/proxies/map: the IMap proxy. `getMap(client, name)` is all a bundle needs to pull in.
export { getMap, MapProxy, MAP_SERVICE_NAME } from './map-proxy';
export type { IMap, EntryProcessor, Millis } from './imap';
export { EntryEvent, MapEvent, EntryEventType, type MapListener, type EntryEventListener, type MapEventListener } from './map-listener';
export { LockOwner, withLockOwner } from './lock-owner';
export { SimpleEntryView } from './entry-view';
export { ReadOnlyLazyList } from './read-only-lazy-list';
export type { IndexConfig, IndexType, BitmapIndexOptions, UniqueKeyTransformation } from './index-config';
