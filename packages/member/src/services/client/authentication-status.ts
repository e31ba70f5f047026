/** Status byte of an authentication response. */
export const AuthenticationStatus = {
  AUTHENTICATED: 0,
  CREDENTIALS_FAILED: 1,
  SERIALIZATION_VERSION_MISMATCH: 2,
  NOT_ALLOWED_IN_CLUSTER: 3,
} as const;

/** Serialization version of Hazelcast 4.x and 5.x members. */
export const SERIALIZATION_VERSION = 1;
