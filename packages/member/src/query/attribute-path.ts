// Attribute paths as the member parses them: `__key` and `this` name the entry's key and value,
// `a.b.c` walks nested fields, `arr[2]` takes an element, `arr[any]` every element (the
// predicate then holds if it holds for one of them).
import { illegalArgument } from './errors';

export type PathStep = { readonly kind: 'field'; readonly name: string } | { readonly kind: 'index'; readonly index: number } | { readonly kind: 'any' };

export interface AttributePath {
  /** Which side of the entry the path starts from. */
  readonly target: 'key' | 'value';
  readonly steps: readonly PathStep[];
  /** Whether a step is `[any]` (the path may give several values). */
  readonly multi: boolean;
}

export const KEY_ATTRIBUTE = '__key';
export const THIS_ATTRIBUTE = 'this';

const cache = new Map<string, AttributePath>();
const CACHE_LIMIT = 1024;

function parseSteps(text: string, whole: string): PathStep[] {
  const steps: PathStep[] = [];
  if (text === '') return steps;
  for (const segment of text.split('.')) {
    const bracket = segment.indexOf('[');
    const name = bracket < 0 ? segment : segment.slice(0, bracket);
    if (name !== '') steps.push({ kind: 'field', name });
    else if (bracket !== 0 || steps.length === 0) throw illegalArgument(`Wrong attribute path: "${whole}"`);
    let rest = bracket < 0 ? '' : segment.slice(bracket);
    while (rest !== '') {
      const m = /^\[([^\]]*)\]/.exec(rest);
      if (m === null) throw illegalArgument(`Wrong attribute path: "${whole}"`);
      const inner = m[1].trim();
      if (inner.toLowerCase() === 'any') steps.push({ kind: 'any' });
      else if (/^\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else throw illegalArgument(`Wrong attribute path: "${whole}": [${inner}] is neither [any] nor an index`);
      rest = rest.slice(m[0].length);
    }
  }
  return steps;
}

/** Parses (and caches) an attribute path. */
export function parseAttributePath(path: string): AttributePath {
  const cached = cache.get(path);
  if (cached !== undefined) return cached;
  const text = path.trim();
  if (text === '') throw illegalArgument('The attribute path must not be empty');
  let target: 'key' | 'value' = 'value';
  let rest = text;
  for (const [prefix, side] of [
    [KEY_ATTRIBUTE, 'key'],
    [THIS_ATTRIBUTE, 'value'],
  ] as const) {
    if (text === prefix || text.startsWith(`${prefix}.`) || text.startsWith(`${prefix}[`)) {
      target = side;
      rest = text.slice(prefix.length).replace(/^\./, '');
      break;
    }
  }
  const steps = rest.startsWith('[') ? parseIndexOnly(rest, text) : parseSteps(rest, text);
  const parsed: AttributePath = { target, steps, multi: steps.some((s) => s.kind === 'any') };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(path, parsed);
  return parsed;
}

// `__key[0]`, `this[any].name`: brackets right after the root.
function parseIndexOnly(rest: string, whole: string): PathStep[] {
  const dot = rest.indexOf('.');
  const head = dot < 0 ? rest : rest.slice(0, dot);
  const steps = parseSteps(`x${head}`, whole).slice(1);
  return dot < 0 ? steps : [...steps, ...parseSteps(rest.slice(dot + 1), whole)];
}
