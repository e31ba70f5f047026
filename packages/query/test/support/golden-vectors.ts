/*
 * The member-side entries of shared/serialization (predicates, aggregators, projections):
 * their bytes, their value nodes, and the object a `javaExpression` builds, made with this
 * package's factory functions. Shared by the @hz/query golden test (writing) and the member's
 * (reading). See shared/serialization/README.md.
 */
import { readFileSync } from 'node:fs';
import { Integer } from '@hz/core';
import { Aggregators, Predicates, Projections } from '@hz/query';
import { sharedPath } from '../../../../test/support/shared';

/** An object node of index.json. */
export interface ObjectNode {
  type: string;
  typeId: number;
  value?: unknown;
  class?: string;
  javaClass?: string;
  factoryId?: number;
  classId?: number;
  fields?: FieldNode[];
}

/** One stream call of an IDS object. */
export interface FieldNode {
  name: string;
  type: string;
  value: unknown;
}

export interface GoldenEntry {
  index: number;
  name: string;
  object: string;
  byteOrder: 'BIG_ENDIAN' | 'LITTLE_ENDIAN';
  typeId: number | null;
  offset: number;
  length: number;
  clientDeserializes: boolean;
  javaExpression?: string;
  value: ObjectNode;
}

export interface GoldenIndex {
  entryCount: number;
  entries: GoldenEntry[];
  registrations: { memberSideFactories: Array<{ factoryId: number; name: string; classes: Array<{ classId: number; class: string }> }> };
}

let cache: { index: GoldenIndex; binary: Buffer } | undefined;

export function loadGolden(): { index: GoldenIndex; binary: Buffer } {
  cache ??= {
    index: JSON.parse(readFileSync(sharedPath('serialization', 'index.json'), 'utf8')) as GoldenIndex,
    binary: readFileSync(sharedPath('serialization', 'compatibility.binary')),
  };
  return cache;
}

/** The 66 predicate, aggregator and projection entries (both byte orders). */
export function memberSideEntries(): GoldenEntry[] {
  return loadGolden().index.entries.filter((e) => !e.clientDeserializes);
}

/** A fresh copy of an entry's Data bytes. */
export function entryBytes(entry: GoldenEntry): Buffer {
  const { binary } = loadGolden();
  return Buffer.from(binary.subarray(entry.offset, entry.offset + entry.length));
}

/** The named values of the Java generator (README: anSqlString, anInt). */
const NAMED_VALUES: Record<string, () => unknown> = {
  anSqlString: () => 'this > 5 AND this < 100',
  anInt: () => new Integer(56789),
};

// Java factory names that are not this package's function names.
const JAVA_NAMES: Record<string, string> = { in: 'inPredicate' };

const FACTORIES: Record<string, Record<string, unknown>> = {
  Predicates: Predicates as unknown as Record<string, unknown>,
  Aggregators: Aggregators as unknown as Record<string, unknown>,
  Projections: Projections as unknown as Record<string, unknown>,
};

/**
 * Evaluates a `javaExpression` (`Predicates.and(Predicates.sql(anSqlString), ...)`) with this
 * package's functions. A `SomeClass.class` argument becomes the fully qualified name the entry
 * holds, since the expression names the class without its package.
 */
export function buildFromJavaExpression(entry: GoldenEntry): unknown {
  const text = entry.javaExpression;
  if (text === undefined) throw new Error(`${entry.name} has no javaExpression`);
  let at = 0;
  const skipSpaces = (): void => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const identifier = (): string => {
    skipSpaces();
    const m = /^[A-Za-z_$][\w$]*/.exec(text.slice(at));
    if (m === null) throw new Error(`${entry.name}: identifier expected at ${at} in ${text}`);
    at += m[0].length;
    return m[0];
  };
  const expression = (): unknown => {
    const first = identifier();
    skipSpaces();
    if (text[at] !== '.') {
      const named = NAMED_VALUES[first];
      if (named === undefined) throw new Error(`${entry.name}: unknown value ${first}`);
      return named();
    }
    at++;
    const member = identifier();
    if (member === 'class') {
      const klass = entry.value.fields?.find((f) => f.name === 'klass')?.value;
      if (typeof klass !== 'string' || !klass.endsWith(`.${first}`)) throw new Error(`${entry.name}: cannot resolve ${first}.class`);
      return klass;
    }
    const factory = FACTORIES[first]?.[JAVA_NAMES[member] ?? member];
    if (typeof factory !== 'function') throw new Error(`${entry.name}: no ${first}.${member} in @hz/query`);
    skipSpaces();
    if (text[at] !== '(') throw new Error(`${entry.name}: ( expected at ${at}`);
    at++;
    const args: unknown[] = [];
    skipSpaces();
    if (text[at] !== ')') {
      for (;;) {
        args.push(expression());
        skipSpaces();
        if (text[at] === ',') {
          at++;
          continue;
        }
        break;
      }
    }
    skipSpaces();
    if (text[at] !== ')') throw new Error(`${entry.name}: ) expected at ${at}`);
    at++;
    return (factory as (...a: unknown[]) => unknown)(...args);
  };
  const result = expression();
  skipSpaces();
  if (at !== text.length) throw new Error(`${entry.name}: trailing text at ${at}`);
  return result;
}
