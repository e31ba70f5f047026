// @hz/cp/codec: generated codecs of the CP services.
export * from './generated';
