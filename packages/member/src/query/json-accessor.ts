// JSON values (HazelcastJsonValue, type id -130) as the member queries them: strings, booleans
// and null as themselves, a number as a long when it has no '.' and fits one, else a double;
// objects and arrays are not comparable (predicates on them are false) but can be walked with
// `a.b`, `arr[0]` and `arr[any]`. The text is parsed by a small parser of our own so that a
// large integer keeps all its digits and a sub-document keeps its exact text.
import { HazelcastJsonValue, type Data, type DefaultSerializationService } from '@hz/core';
import { NON_TERMINAL, type QueryTarget, type ValueAccessor } from './accessor';
import { jv, type JValue } from './java-values';

/** A parsed JSON value with where its text is. */
export type JsonNode =
  | { readonly type: 'object'; readonly fields: ReadonlyMap<string, JsonNode>; readonly text: string }
  | { readonly type: 'array'; readonly items: readonly JsonNode[]; readonly text: string }
  | { readonly type: 'scalar'; readonly value: JValue | null };

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Hazelcast's conversion of a JSON number: without a '.' a Long, else a Double. (An exponent or
 * a value beyond the long range makes the member fail; a double is kept here.)
 */
function jsonNumber(text: string): JValue {
  if (!/[.eE]/.test(text)) {
    const value = BigInt(text);
    if (value >= INT64_MIN && value <= INT64_MAX) return jv('long', value);
  }
  return jv('double', Number(text));
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

class JsonParser {
  private at = 0;
  constructor(private readonly text: string) {}

  parse(): JsonNode {
    const node = this.value();
    this.spaces();
    if (this.at !== this.text.length) this.fail('trailing characters');
    return node;
  }

  private fail(what: string): never {
    throw new SyntaxError(`Malformed JSON (${what}) at ${this.at}: ${this.text.slice(0, 80)}`);
  }

  private spaces(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at])) this.at++;
  }

  private value(): JsonNode {
    this.spaces();
    const c = this.text[this.at];
    const start = this.at;
    if (c === '{') {
      this.at++;
      const fields = new Map<string, JsonNode>();
      this.spaces();
      if (this.text[this.at] === '}') this.at++;
      else {
        for (;;) {
          this.spaces();
          if (this.text[this.at] !== '"') this.fail('field name expected');
          const name = this.string();
          this.spaces();
          if (this.text[this.at++] !== ':') this.fail('":" expected');
          fields.set(name, this.value());
          this.spaces();
          const next = this.text[this.at++];
          if (next === '}') break;
          if (next !== ',') this.fail('"," or "}" expected');
        }
      }
      return { type: 'object', fields, text: this.text.slice(start, this.at) };
    }
    if (c === '[') {
      this.at++;
      const items: JsonNode[] = [];
      this.spaces();
      if (this.text[this.at] === ']') this.at++;
      else {
        for (;;) {
          items.push(this.value());
          this.spaces();
          const next = this.text[this.at++];
          if (next === ']') break;
          if (next !== ',') this.fail('"," or "]" expected');
        }
      }
      return { type: 'array', items, text: this.text.slice(start, this.at) };
    }
    if (c === '"') return { type: 'scalar', value: jv('string', this.string()) };
    for (const [word, value] of [
      ['true', jv('boolean', true)],
      ['false', jv('boolean', false)],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return { type: 'scalar', value };
      }
    }
    NUMBER.lastIndex = this.at;
    const m = NUMBER.exec(this.text);
    if (m === null) this.fail('value expected');
    this.at += m[0].length;
    return { type: 'scalar', value: jsonNumber(m[0]) };
  }

  private string(): string {
    // The quoted text is valid JSON string syntax: JSON.parse decodes the escapes.
    STRING.lastIndex = this.at;
    const m = STRING.exec(this.text);
    if (m === null) this.fail('string expected');
    this.at += m[0].length;
    return JSON.parse(m[0]) as string;
  }
}

/** Parses JSON text (throws SyntaxError when malformed). */
export function parseJson(text: string): JsonNode {
  return new JsonParser(text).parse();
}

/** Walks parsed JSON. */
export const JSON_ACCESSOR: ValueAccessor<JsonNode> = {
  field: (node, name) => (node.type === 'object' ? node.fields.get(name) : undefined),
  elements: (node) => (node.type === 'array' ? node.items : undefined),
  value: (node) => (node.type === 'scalar' ? node.value : NON_TERMINAL),
  raw: (node) => (node.type === 'scalar' ? node.value : new HazelcastJsonValue(node.text)),
  classNames: () => ['com.hazelcast.core.HazelcastJsonValue', 'java.lang.Object'],
};

/** A JSON value as a query target (malformed JSON is null, as its results are undefined on a member). */
export function jsonTarget(data: Data, serializationService: DefaultSerializationService): QueryTarget<JsonNode> {
  const input = serializationService.createObjectDataInput(data.toBuffer(), 8);
  const text = input.readString();
  let root: JsonNode;
  try {
    root = text === null ? { type: 'scalar', value: null } : parseJson(text);
  } catch {
    root = { type: 'scalar', value: null };
  }
  return { accessor: JSON_ACCESSOR, root };
}
