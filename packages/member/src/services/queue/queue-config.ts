/** What a member reports as the capacity of a queue without a bound (Java's Integer.MAX_VALUE). */
export const UNBOUNDED_CAPACITY = 2_147_483_647;

/**
 * Capacity of queues (a queue config's maxSize): one number for every queue, or a number per
 * name pattern. A pattern is a queue name, or a name with `*` wildcards; the key `default` is
 * used when no other matches, as a member's "default" queue config. 0 means unbounded.
 */
export type QueueCapacityOption = number | Readonly<Record<string, number>>;

/** The queue options of a cluster. */
export interface QueueOptions {
  /** Capacity of queues (default: unbounded). See {@link QueueCapacityOption}. */
  queueCapacity?: QueueCapacityOption;
}


interface Pattern {
  readonly regex: RegExp;
  /** Characters the pattern matches literally: the most specific pattern wins. */
  readonly weight: number;
  readonly capacity: number;
}

function checkCapacity(what: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > UNBOUNDED_CAPACITY) {
    throw new RangeError(`${what} must be an integer from 0 (unbounded) to ${UNBOUNDED_CAPACITY}, got ${String(v)}`);
  }
  return v === 0 ? UNBOUNDED_CAPACITY : v;
}

const escapeRegex = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * The capacity of each queue name, from the `queueCapacity` option: validated once, when the
 * cluster is created, so a bad value fails `startCluster` instead of a later offer.
 */
export class QueueCapacities {
  private readonly exact = new Map<string, number>();
  private readonly patterns: Pattern[] = [];
  private readonly fallback: number;

  constructor(option: QueueCapacityOption | undefined) {
    if (option === undefined || typeof option === 'number') {
      this.fallback = option === undefined ? UNBOUNDED_CAPACITY : checkCapacity('queueCapacity', option);
      return;
    }
    if (option === null || typeof option !== 'object') throw new RangeError(`queueCapacity must be a number or an object of name patterns, got ${String(option)}`);
    let fallback = UNBOUNDED_CAPACITY;
    for (const [pattern, value] of Object.entries(option)) {
      const capacity = checkCapacity(`queueCapacity["${pattern}"]`, value);
      if (pattern === 'default') fallback = capacity;
      else if (!pattern.includes('*')) this.exact.set(pattern, capacity);
      else {
        const regex = new RegExp(`^${pattern.split('*').map(escapeRegex).join('.*')}$`, 's');
        this.patterns.push({ regex, weight: pattern.replaceAll('*', '').length, capacity });
      }
    }
    this.fallback = fallback;
  }

  /**
   * The capacity of the queue `name`. As on a member, the config is looked up by the name
   * without its partition key (`name@key` is configured as `name`).
   */
  of(name: string): number {
    const at = name.indexOf('@');
    const base = at < 0 ? name : name.slice(0, at);
    const exact = this.exact.get(base);
    if (exact !== undefined) return exact;
    let best: Pattern | undefined;
    for (const p of this.patterns) if (p.regex.test(base) && (best === undefined || p.weight > best.weight)) best = p;
    return best?.capacity ?? this.fallback;
  }
}
