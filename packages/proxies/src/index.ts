// @hz/proxies: data structure proxies. The protocol codecs are in the `@hz/proxies/codec` subpath;
// the proxies themselves arrive with the map and data-structure work (see README).
export {};
