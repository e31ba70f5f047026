// @hz/member: the development member. Its member-side codecs are generated into src/codec;
// the cluster itself arrives with the member work (see README).
export {};
