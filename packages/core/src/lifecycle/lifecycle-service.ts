import type { Logger } from '../logging/logger';
import { LifecycleState } from './lifecycle-state';

/** Fires lifecycle state changes to listeners; the client's single source of "is it running". */
export class LifecycleService {
  private state: LifecycleState = LifecycleState.STARTING;
  private readonly listeners = new Map<string, (state: LifecycleState) => void>();
  private nextId = 0;

  constructor(
    private readonly logger: Logger,
    initial: Array<(state: LifecycleState) => void>,
  ) {
    for (const l of initial) this.addLifecycleListener(l);
  }

  /** Whether the client is running (started and not shutting down). */
  isRunning(): boolean {
    return this.state !== LifecycleState.SHUTTING_DOWN && this.state !== LifecycleState.SHUTDOWN && this.state !== LifecycleState.STARTING;
  }

  getState(): LifecycleState {
    return this.state;
  }

  /** Adds a listener; returns the id to remove it with. */
  addLifecycleListener(listener: (state: LifecycleState) => void): string {
    const id = `lifecycle-${++this.nextId}`;
    this.listeners.set(id, listener);
    return id;
  }

  removeLifecycleListener(id: string): boolean {
    return this.listeners.delete(id);
  }

  /** @internal */
  emit(state: LifecycleState): void {
    this.state = state;
    this.logger.info(`lifecycle: ${state}`);
    for (const listener of this.listeners.values()) {
      try {
        listener(state);
      } catch (error) {
        this.logger.warn({ err: error }, 'lifecycle listener threw');
      }
    }
  }
}
