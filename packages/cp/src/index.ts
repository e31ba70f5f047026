// @hz/cp: CP subsystem proxies. The protocol codecs are in the `@hz/cp/codec` subpath;
// the proxies themselves arrive with the CP work (see README).
export {};
