// @hz/proxies/codec: generated codecs of the data structure services, and the hand-written SqlPage codec.
export * from './generated';
export * from './sql-page';
