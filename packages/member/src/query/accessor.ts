// The seam between the query engine and the formats values are stored in. A stored key or
// value (Data) is resolved, by its serializer type id, to a target: an accessor and the root
// node it walks. The engine follows attribute paths through `field` and `elements` and turns
// the last node into a typed value with `value`. JSON and the built-in Java types are provided
// here; Portable, Compact and IdentifiedDataSerializable accessors are registered by whoever
// provides those formats (`AccessorRegistry.register`).
import type { Data, DefaultSerializationService } from '@hz/core';
import type { PathStep } from './attribute-path';
import { toJValue, type JValue } from './java-values';

/**
 * What `value` returns for a structured node that predicates cannot compare and aggregators
 * skip: a JSON object or array (Java's NonTerminalJsonValue).
 */
export const NON_TERMINAL: unique symbol = Symbol('hz.query.nonTerminal');

/** Walks the nodes of one format. `N` is whatever the format's nodes are. */
export interface ValueAccessor<N = unknown> {
  /** The named field of a node; undefined when the node has none (or is null, or not a record). */
  field(node: N, name: string): N | undefined;
  /** The elements of an array or collection node; undefined for any other node. */
  elements(node: N): readonly N[] | undefined;
  /**
   * The node as a value: a JavaScript value (a number is a Java Double), one of the core's typed
   * wrappers (Integer, Float, Char, a Long, BigDecimal, LocalDate ...), a JavaEnum, a JValue
   * with its Java type, or NON_TERMINAL.
   */
  value(node: N): unknown;
  /** What a projection returns for a NON_TERMINAL node (JSON: the sub-document as HazelcastJsonValue). */
  raw?(node: N): unknown;
  /** Java class names the node is an instance of, for `instanceOf` (most specific first). */
  classNames?(node: N): readonly string[];
}

/** A decoded key or value: the accessor that understands it and its root node. */
export interface QueryTarget<N = unknown> {
  readonly accessor: ValueAccessor<N>;
  readonly root: N;
}

/** Decodes a stored Data into a target; undefined when it does not handle the Data. */
export type TargetResolver = (data: Data, serializationService: DefaultSerializationService) => QueryTarget | undefined;

/**
 * A structured value at the end of a path: a JSON object or array (`nonTerminal`, skipped by
 * predicates and aggregators), or an array or collection reached without `[any]`
 * (`collection`, which predicates reject as Java's do).
 */
export class Structured {
  constructor(
    readonly kind: 'nonTerminal' | 'collection',
    /** What a projection returns for it. */
    readonly raw: unknown,
  ) {}
}

/** One value at the end of a path. */
export type Terminal = JValue | null | Structured;

/** The values of an attribute path in one key or value. */
export interface Extraction {
  readonly values: readonly Terminal[];
  /** The path has `[any]`: the values are a MultiResult. */
  readonly multi: boolean;
  /**
   * `[any]` met a null or empty collection: the first null of `values` stands for it (Java's
   * MultiResult.isNullEmptyTarget); aggregators skip it.
   */
  readonly nullEmptyTarget: boolean;
}

/** The typed value of a node (its terminal form). */
export function terminalOf<N>(accessor: ValueAccessor<N>, node: N): Terminal {
  const value = accessor.value(node);
  if (value === NON_TERMINAL) return new Structured('nonTerminal', accessor.raw === undefined ? null : accessor.raw(node));
  if (value !== null && value !== undefined && accessor.elements(node) !== undefined) return new Structured('collection', value);
  return toJValue(value);
}

/** Follows a path from a target's root. */
export function extract<N>(target: QueryTarget<N>, steps: readonly PathStep[]): Extraction {
  const { accessor } = target;
  const values: Terminal[] = [];
  let multi = false;
  let nullEmptyTarget = false;
  const anyAfter = steps.map((_, i) => steps.slice(i).some((s) => s.kind === 'any'));
  const visit = (node: N | undefined, at: number): void => {
    if (node === undefined) {
      // A missing collection before [any] is a null target, as an empty one.
      if (anyAfter[at]) nullEmptyTarget = multi = true;
      values.push(null);
      return;
    }
    if (at === steps.length) {
      values.push(terminalOf(accessor, node));
      return;
    }
    const step = steps[at];
    if (step.kind === 'field') {
      visit(accessor.field(node, step.name), at + 1);
    } else if (step.kind === 'index') {
      visit(accessor.elements(node)?.[step.index], at + 1);
    } else {
      multi = true;
      const elements = accessor.elements(node);
      if (elements === undefined || elements.length === 0) {
        nullEmptyTarget = true;
        values.push(null);
        return;
      }
      for (const element of elements) visit(element, at + 1);
    }
  };
  visit(target.root, 0);
  return { values, multi, nullEmptyTarget };
}

/**
 * Which accessor reads which stored values, by serializer type id. JSON (-130) is built in;
 * every other type goes to the fallback (by default the built-in Java types, decoded with the
 * serialization service, so any format the service can read is walked as JavaScript objects).
 */
export class AccessorRegistry {
  private readonly byTypeId = new Map<number, TargetResolver>();

  constructor(private fallback: TargetResolver) {}

  /** Plugs in the accessor of a format (Portable -1, IDS -2, Compact -55/-56, custom ids ...). */
  register(typeId: number, resolver: TargetResolver): this {
    this.byTypeId.set(typeId, resolver);
    return this;
  }

  /** Replaces the accessor of values no registered one takes. */
  setFallback(resolver: TargetResolver): this {
    this.fallback = resolver;
    return this;
  }

  resolve(data: Data, serializationService: DefaultSerializationService): QueryTarget {
    const registered = this.byTypeId.get(data.getType());
    const target = registered?.(data, serializationService) ?? this.fallback(data, serializationService);
    if (target === undefined) throw new TypeError(`No query accessor for values of type id ${data.getType()}`);
    return target;
  }
}
