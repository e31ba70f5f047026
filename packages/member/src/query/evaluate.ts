// Evaluating predicates on entries, as the member's predicates do: the attribute is read from the
// entry, the given value converted to the attribute's type, then compared. For `[any]` paths the
// predicate holds when it holds for one of the values (not-equal: when it holds for none equal).
import { Structured, type Terminal } from './accessor';
import { classCast, illegalArgument, queryError } from './errors';
import { compareValues, equalValues, hashKey } from './java-compare';
import { convertToAttributeType } from './java-convert';
import type { JValue } from './java-values';
import { likePattern, regexPattern } from './patterns';
import type { QueryEntry } from './query-entry';
import type { PredicateNode } from './query-tree';

type AttributeNode = Extract<PredicateNode, { attribute: string }>;

const patterns = new WeakMap<PredicateNode, RegExp>();
const inSets = new WeakMap<PredicateNode, Map<string, Set<string>>>();

const JAVA_NAMES: Record<AttributeNode['kind'], string> = {
  equal: 'EqualPredicate',
  notEqual: 'NotEqualPredicate',
  greaterLess: 'GreaterLessPredicate',
  between: 'BetweenPredicate',
  in: 'InPredicate',
  like: 'LikePredicate',
  ilike: 'ILikePredicate',
  regex: 'RegexPredicate',
};

/** Whether an entry satisfies a predicate. Throws a MemberError where the member would throw. */
export function evaluate(predicate: PredicateNode, entry: QueryEntry): boolean {
  switch (predicate.kind) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'and':
      return predicate.predicates.every((p) => evaluate(p, entry));
    case 'or':
      return predicate.predicates.some((p) => evaluate(p, entry));
    case 'not':
      return !evaluate(predicate.predicate, entry);
    case 'sql':
      return evaluate(predicate.predicate, entry);
    case 'paging':
      return predicate.predicate === null || evaluate(predicate.predicate, entry);
    case 'partition':
      // The partitions were chosen by whoever runs the query: here only the target matters.
      return evaluate(predicate.target, entry);
    case 'instanceOf':
      return entry.valueClassNames().includes(predicate.className);
    case 'custom':
      return predicate.test(entry);
    case 'notEqual':
      return !matchesAttribute(predicate, entry);
    default:
      return matchesAttribute(predicate, entry);
  }
}

function matchesAttribute(predicate: AttributeNode, entry: QueryEntry): boolean {
  const extraction = entry.extract(predicate.attribute);
  if (extraction.multi) return extraction.values.some((value) => matchesTerminal(predicate, value));
  const value = extraction.values[0];
  if (value instanceof Structured && value.kind === 'collection') {
    throw illegalArgument(`Cannot use ${JAVA_NAMES[predicate.kind]} predicate with an array or a collection attribute`);
  }
  return matchesTerminal(predicate, value);
}

function matchesTerminal(predicate: AttributeNode, value: Terminal): boolean {
  if (value instanceof Structured) {
    // A JSON object or array is not a value to compare: the predicate is false for it.
    if (value.kind === 'nonTerminal') return false;
    throw notComparable(predicate);
  }
  if (value !== null && value.kind === 'object') throw notComparable(predicate);
  return matchesValue(predicate, value);
}

function notComparable(predicate: AttributeNode): Error {
  return queryError(`${predicate.attribute} field can not be compared, because it does not implement Comparable interface`);
}

/** The predicate on one attribute value (for not-equal: the equality it negates). */
function matchesValue(predicate: AttributeNode, attribute: JValue | null): boolean {
  switch (predicate.kind) {
    case 'equal':
    case 'notEqual':
      if (attribute === null) return predicate.value === null;
      return equalValues(attribute, convertToAttributeType(attribute, predicate.value));
    case 'greaterLess': {
      if (attribute === null) return false;
      const given = convertToAttributeType(attribute, predicate.value);
      if (given === null) return false;
      const result = compareValues(attribute, given);
      return (predicate.equal && result === 0) || (predicate.less ? result < 0 : result > 0);
    }
    case 'between': {
      if (attribute === null) return false;
      const from = convertToAttributeType(attribute, predicate.from);
      const to = convertToAttributeType(attribute, predicate.to);
      if (from === null || to === null) return false;
      return compareValues(attribute, from) >= 0 && compareValues(attribute, to) <= 0;
    }
    case 'in':
      return matchesIn(predicate, attribute);
    case 'like':
    case 'ilike':
      return matchesPattern(predicate, attribute, predicate.expression, () => likePattern(predicate.expression ?? '', predicate.kind === 'ilike'));
    case 'regex':
      return matchesPattern(predicate, attribute, predicate.regex, () => regexPattern(predicate.regex ?? ''));
  }
}

function matchesIn(predicate: Extract<PredicateNode, { kind: 'in' }>, attribute: JValue | null): boolean {
  if (attribute === null) return predicate.values.includes(null);
  // The converted values depend on the attribute's type: one set per type met.
  let byKind = inSets.get(predicate);
  if (byKind === undefined) inSets.set(predicate, (byKind = new Map()));
  let set = byKind.get(attribute.kind);
  if (set === undefined) {
    set = new Set(predicate.values.map((v) => hashKey(convertToAttributeType(attribute, v))));
    byKind.set(attribute.kind, set);
  }
  return set.has(hashKey(attribute));
}

function matchesPattern(predicate: AttributeNode, attribute: JValue | null, expression: string | null, compile: () => RegExp): boolean {
  if (attribute === null) return expression === null;
  if (attribute.kind !== 'string') {
    throw classCast(`${JAVA_NAMES[predicate.kind]} on ${predicate.attribute}: a ${attribute.kind} value cannot be cast to java.lang.String`);
  }
  if (expression === null) return false;
  let pattern = patterns.get(predicate);
  if (pattern === undefined) patterns.set(predicate, (pattern = compile()));
  return pattern.test(attribute.value);
}
