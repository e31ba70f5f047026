// @hz/core/codec: the protocol layer for packages built on the core (and for advanced users):
// framing, built-in codecs, and the generated codecs of the Client service and shared custom types.
export * from './runtime';
export * from './generated';
