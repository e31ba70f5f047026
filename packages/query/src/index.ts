// @hz/query: see README.md for what this package will hold. It has no code yet.
export {};
