// The member's SqlPredicate grammar (not the SQL service): a where clause of
//   AND, OR, NOT (loosest to tightest: OR, AND, NOT, then the comparisons), parentheses,
//   =, ==, !=, <>, <, <=, >, >=, [NOT] BETWEEN a AND b, [NOT] IN (a, b, ...),
//   [NOT] LIKE, [NOT] ILIKE, [NOT] REGEX,
// keywords in any case, values as bare words or 'quoted strings' ('' is a quote). Every value is
// a string that the comparison converts to the attribute's type; a bare `null` is null (there is
// no IS NULL: `attr = null` matches null and missing attributes). An attribute alone means
// `attr = true`. A leading % on an attribute (Java's "skip index" marker) is dropped.
import { illegalArgument } from './errors';
import { jv, type JValue } from './java-values';
import type { PredicateNode } from './query-tree';

type Token = { type: 'word' | 'string' | 'op' | '(' | ')' | ','; text: string; at: number };

const OPERATORS = ['==', '!=', '<>', '<=', '>=', '=', '<', '>'];
const KEYWORDS = new Set(['and', 'or', 'not', 'between', 'in', 'like', 'ilike', 'regex']);

function invalid(sql: string, why: string): Error {
  return illegalArgument(`Invalid SQL: [${sql}]: ${why}`);
}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < sql.length) {
    const c = sql[at];
    if (/\s/.test(c)) {
      at++;
    } else if (c === "'") {
      let text = '';
      let i = at + 1;
      for (;;) {
        if (i >= sql.length) throw illegalArgument("Missing ' in sql");
        if (sql[i] === "'") {
          if (sql[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          break;
        }
        text += sql[i++];
      }
      tokens.push({ type: 'string', text, at });
      at = i + 1;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c, text: c, at });
      at++;
    } else {
      const op = OPERATORS.find((o) => sql.startsWith(o, at));
      if (op !== undefined) {
        tokens.push({ type: 'op', text: op, at });
        at += op.length;
        continue;
      }
      let end = at;
      while (end < sql.length && !/[\s'(),=<>!]/.test(sql[end])) end++;
      if (end === at) throw invalid(sql, `unexpected "${c}" at ${at}`);
      tokens.push({ type: 'word', text: sql.slice(at, end), at });
      at = end;
    }
  }
  return tokens;
}

class SqlParser {
  private at = 0;
  private readonly tokens: Token[];

  constructor(private readonly sql: string) {
    this.tokens = tokenize(sql);
  }

  parse(): PredicateNode {
    if (this.tokens.length === 0) throw invalid(this.sql, 'empty');
    const node = this.or();
    const extra = this.peek();
    if (extra !== undefined) throw invalid(this.sql, `unexpected "${extra.text}" at ${extra.at}`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.tokens[this.at + offset];
    return token?.type === 'word' && token.text.toLowerCase() === word;
  }

  private expect(type: Token['type'], what: string): Token {
    const token = this.tokens[this.at];
    if (token?.type !== type) throw invalid(this.sql, `${what} expected${token === undefined ? ' at the end' : ` at ${token.at}`}`);
    this.at++;
    return token;
  }

  private or(): PredicateNode {
    const parts = [this.and()];
    while (this.isKeyword('or')) {
      this.at++;
      parts.push(this.and());
    }
    return parts.length === 1 ? parts[0] : { kind: 'or', predicates: flatten(parts, 'or') };
  }

  private and(): PredicateNode {
    const parts = [this.not()];
    while (this.isKeyword('and')) {
      this.at++;
      parts.push(this.not());
    }
    return parts.length === 1 ? parts[0] : { kind: 'and', predicates: flatten(parts, 'and') };
  }

  private not(): PredicateNode {
    if (this.isKeyword('not')) {
      this.at++;
      return { kind: 'not', predicate: this.not() };
    }
    return this.primary();
  }

  private primary(): PredicateNode {
    if (this.peek()?.type === '(') {
      this.at++;
      const node = this.or();
      this.expect(')', '")"');
      return node;
    }
    return this.comparison();
  }

  /** A bare word or a quoted string. */
  private operand(what: string): Token {
    const token = this.peek();
    if (token === undefined || (token.type !== 'word' && token.type !== 'string') || (token.type === 'word' && KEYWORDS.has(token.text.toLowerCase()))) {
      throw invalid(this.sql, `${what} expected${token === undefined ? ' at the end' : ` at ${token.at}`}`);
    }
    this.at++;
    return token;
  }

  private attribute(): string {
    const name = this.operand('an attribute').text;
    return name.startsWith('%') ? name.slice(1) : name;
  }

  /** A value: a string, or null for a bare `null`. */
  private value(): JValue | null {
    const token = this.operand('a value');
    return token.type === 'word' && token.text.toLowerCase() === 'null' ? null : jv('string', token.text);
  }

  private comparison(): PredicateNode {
    const attribute = this.attribute();
    const token = this.peek();
    if (token?.type === 'op') {
      this.at++;
      const value = this.value();
      switch (token.text) {
        case '=':
        case '==':
          return { kind: 'equal', attribute, value };
        case '!=':
        case '<>':
          return { kind: 'notEqual', attribute, value };
        default: {
          if (value === null) throw illegalArgument(`Arguments can't be null: ${attribute} ${token.text} null`);
          const less = token.text[0] === '<';
          return { kind: 'greaterLess', attribute, value, equal: token.text.length === 2, less };
        }
      }
    }
    let negated = false;
    if (this.isKeyword('not') && ['between', 'in', 'like', 'ilike', 'regex'].some((k) => this.isKeyword(k, 1))) {
      negated = true;
      this.at++;
    }
    const node = this.keywordComparison(attribute);
    if (node === undefined) {
      if (negated) throw invalid(this.sql, 'BETWEEN, IN, LIKE, ILIKE or REGEX expected after NOT');
      // An attribute alone: true when it is true.
      return { kind: 'equal', attribute, value: jv('string', 'true') };
    }
    return negated ? { kind: 'not', predicate: node } : node;
  }

  private keywordComparison(attribute: string): PredicateNode | undefined {
    if (this.isKeyword('between')) {
      this.at++;
      const from = this.value();
      if (!this.isKeyword('and')) throw invalid(this.sql, 'AND expected in BETWEEN');
      this.at++;
      const to = this.value();
      if (from === null || to === null) throw illegalArgument(`Arguments can't be null: ${attribute} BETWEEN`);
      return { kind: 'between', attribute, from, to };
    }
    if (this.isKeyword('in')) {
      this.at++;
      this.expect('(', '"(" after IN');
      // Java splits the list at commas: every item is a string, `null` included.
      const values: JValue[] = [jv('string', this.operand('a value').text)];
      while (this.peek()?.type === ',') {
        this.at++;
        values.push(jv('string', this.operand('a value').text));
      }
      this.expect(')', '")" after the IN list');
      return { kind: 'in', attribute, values };
    }
    for (const kind of ['like', 'ilike', 'regex'] as const) {
      if (this.isKeyword(kind)) {
        this.at++;
        const value = this.value();
        const text = value === null ? null : (value.value as string);
        return kind === 'regex' ? { kind, attribute, regex: text } : { kind, attribute, expression: text };
      }
    }
    return undefined;
  }
}

function flatten(parts: PredicateNode[], kind: 'and' | 'or'): PredicateNode[] {
  return parts.flatMap((p) => (p.kind === kind ? p.predicates : [p]));
}

/** Parses the where clause of an SQL predicate (throws IllegalArgumentException when invalid). */
export function parseSql(sql: string): PredicateNode {
  return new SqlParser(sql).parse();
}
