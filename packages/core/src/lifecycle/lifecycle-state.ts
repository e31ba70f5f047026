/** States a client goes through, in the order it can reach them. */
export const LifecycleState = {
  STARTING: 'STARTING',
  STARTED: 'STARTED',
  CONNECTED: 'CONNECTED',
  DISCONNECTED: 'DISCONNECTED',
  SHUTTING_DOWN: 'SHUTTING_DOWN',
  SHUTDOWN: 'SHUTDOWN',
} as const;
/** One of {@link LifecycleState}. */
export type LifecycleState = (typeof LifecycleState)[keyof typeof LifecycleState];
