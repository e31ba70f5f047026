// The one table that maps protocol types to TypeScript types and to codec calls.

/** Names a generated file imports, by module specifier. */
export class Imports {
  readonly values = new Map<string, Set<string>>();
  readonly types = new Map<string, Set<string>>();

  /** Module '' is the file being generated: nothing to import. */
  value(module: string, name: string): string {
    if (module) add(this.values, module, name);
    return name;
  }

  type(module: string, name: string): string {
    if (module) add(this.types, module, name);
    return name;
  }

  /** Import lines for the names that `body` uses. */
  render(body: string): string {
    const used = (n: string): boolean => new RegExp(`\\b${n}\\b`).test(body);
    const lines: string[] = [];
    const modules = [...new Set([...this.types.keys(), ...this.values.keys()])].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
    for (const m of modules) {
      const values = [...(this.values.get(m) ?? [])].filter(used).sort();
      const types = [...(this.types.get(m) ?? [])].filter((t) => used(t) && !values.includes(t)).sort();
      if (values.length === 0 && types.length === 0) continue;
      if (m === 'long') {
        lines.push(values.length ? `import Long from 'long';` : `import type Long from 'long';`);
        continue;
      }
      if (values.length === 0) {
        lines.push(`import type { ${types.join(', ')} } from '${m}';`);
      } else {
        const all = [...values, ...types.map((t) => `type ${t}`)];
        lines.push(`import { ${all.join(', ')} } from '${m}';`);
      }
    }
    return lines.join('\n');
  }
}

const order = (m: string): number => (m === 'long' ? 0 : m.startsWith('@') ? 1 : 2);

function add(map: Map<string, Set<string>>, key: string, name: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(name);
}

/** How a fixed-size type is written into and read from a frame's content. */
export interface Fixed {
  size: number;
  write(w: string, v: string): string;
  read(c: string, offset: string): string;
  /** The packed-list element codec in the runtime (FIXED_INT ...), where one exists. */
  element?: string;
  /** The value written for a field newer than the given object. */
  zero: string;
}

export interface TypeCodec {
  /** TypeScript type of decoded values. */
  ts: string;
  /** TypeScript type accepted by encoders. */
  input: string;
  fixed?: Fixed;
  size(v: string): string;
  write(w: string, v: string): string;
  read(c: string): string;
}

/** Where the codecs of a custom type can be imported from, as seen from one generated file. */
export type CustomModuleOf = (typeName: string) => string;

const FIXED: Record<string, Omit<Fixed, 'write' | 'read'> & { ts: string; input: string; method: string }> = {
  boolean: { size: 1, ts: 'boolean', input: 'boolean', method: 'bool', zero: 'false' },
  byte: { size: 1, ts: 'number', input: 'number', method: 'byte', zero: '0' },
  int: { size: 4, ts: 'number', input: 'number', method: 'int', element: 'FIXED_INT', zero: '0' },
  float: { size: 4, ts: 'number', input: 'number', method: 'float', zero: '0' },
  long: { size: 8, ts: 'Long', input: 'LongLike', method: 'long', element: 'FIXED_LONG', zero: '0' },
  UUID: { size: 17, ts: 'UUID', input: 'UUID', method: 'uuid', element: 'FIXED_UUID', zero: 'null' },
};

/** Element type names used inside List_/EntryList_ names, mapped to base types. */
const ELEMENT_ALIASES: Record<string, string> = { Integer: 'int', Long: 'long', Boolean: 'boolean', Byte: 'byte' };

/** Custom types whose codecs are written by hand (module path relative to the owner's codec folder). */
export const HAND_WRITTEN: Record<string, { owner: string; module: string }> = {
  SqlPage: { owner: 'proxies', module: 'sql-page' },
};

export class TypeTable {
  private depth = 0;

  constructor(
    private readonly imports: Imports,
    private readonly runtime: string,
    private readonly customModuleOf: CustomModuleOf,
    private readonly customNames: ReadonlySet<string>,
  ) {}

  private rt(name: string): string {
    return this.imports.value(this.runtime, name);
  }

  private rtType(name: string): string {
    return this.imports.type(this.runtime, name);
  }

  /** The codec of a non-null value of `type`. */
  codec(type: string): TypeCodec {
    type = ELEMENT_ALIASES[type] ?? type;
    const fixed = FIXED[type];
    if (fixed) {
      const f: Fixed = {
        size: fixed.size,
        zero: fixed.zero,
        element: fixed.element,
        write: (w, v) => `${w}.${fixed.method}(${v})`,
        read: (c, off) => (type === 'UUID' ? `(${c}.uuid(${off}) as UUID)` : `${c}.${fixed.method}(${off})`),
      };
      const unsupported = (): string => {
        throw new Error(`${type} is fixed-size: no frame of its own`);
      };
      return { ts: fixed.ts, input: fixed.input, fixed: f, size: unsupported, write: unsupported, read: unsupported };
    }
    switch (type) {
      case 'String':
        return this.named('string', 'string', 'String');
      case 'Data':
        return this.named('Data', 'Data', 'Data');
      case 'byteArray':
        return this.named('Buffer', 'Uint8Array', 'ByteArray');
      case 'longArray':
        return this.fixedList('long');
    }
    if (HAND_WRITTEN[type] || this.customNames.has(type)) {
      const module = this.customModuleOf(type);
      const t = this.imports.type(module, type);
      const size = this.imports.value(module, `size${type}`);
      const write = this.imports.value(module, `write${type}`);
      const read = this.imports.value(module, `read${type}`);
      return { ts: t, input: t, size: (v) => `${size}(${v})`, write: (w, v) => `${write}(${w}, ${v})`, read: (c) => `${read}(${c})` };
    }
    const [kind, ...rest] = type.split('_');
    switch (kind) {
      case 'List':
      case 'Set':
        return this.list(rest.join('_'));
      case 'ListCN':
        return this.nullableList(rest.join('_'));
      case 'EntryList':
      case 'Map':
        return this.entries(kind, rest);
    }
    throw new Error(`No codec for protocol type ${type}`);
  }

  private named(ts: string, input: string, suffix: string): TypeCodec {
    const size = this.rt(`size${suffix}`);
    const write = this.rt(`write${suffix}`);
    const read = this.rt(`read${suffix}`);
    return { ts, input, size: (v) => `${size}(${v})`, write: (w, v) => `${write}(${w}, ${v})`, read: (c) => `${read}(${c})` };
  }

  private fixedList(element: string): TypeCodec {
    const e = this.codec(element);
    const desc = this.rt(e.fixed!.element!);
    const size = this.rt('sizeFixedList');
    const write = this.rt('writeFixedList');
    const read = this.rt('readFixedList');
    return {
      ts: `${e.ts}[]`,
      input: `readonly ${e.input}[]`,
      size: (v) => `${size}(${v}, ${desc})`,
      write: (w, v) => `${write}(${w}, ${v}, ${desc})`,
      read: (c) => `${read}(${c}, ${desc})`,
    };
  }

  private list(element: string): TypeCodec {
    const e = this.codec(element);
    if (e.fixed) return this.fixedList(element);
    const size = this.rt('sizeList');
    const write = this.rt('writeList');
    const read = this.rt('readList');
    return {
      ts: `${wrap(e.ts)}[]`,
      input: `readonly ${wrap(e.input)}[]`,
      size: (v) => `${size}(${v}, ${this.sizeFn(e)})`,
      write: (w, v) => `${write}(${w}, ${v}, ${this.writeFn(e)})`,
      read: (c) => `${read}(${c}, ${this.readFn(e)})`,
    };
  }

  private nullableList(element: string): TypeCodec {
    const e = this.codec(element);
    const size = this.rt('sizeListNullable');
    const write = this.rt('writeListNullable');
    const read = this.rt('readListNullable');
    return {
      ts: `Array<${e.ts} | null>`,
      input: `ReadonlyArray<${e.input} | null>`,
      size: (v) => `${size}(${v}, ${this.sizeFn(e)})`,
      write: (w, v) => `${write}(${w}, ${v}, ${this.writeFn(e)})`,
      read: (c) => `${read}(${c}, ${this.readFn(e)})`,
    };
  }

  private entries(kind: string, rest: string[]): TypeCodec {
    // Split "K_V" where V may itself contain underscores (EntryList_String_EntryList_Integer_Long).
    const keyType = rest[0];
    const valueType = rest.slice(1).join('_');
    const k = this.codec(keyType);
    const v = this.codec(valueType);
    if (kind === 'EntryList' && k.fixed && v.fixed) {
      const kd = this.rt(k.fixed.element!);
      const vd = this.rt(v.fixed.element!);
      const size = this.rt('sizeFixedEntryList');
      const write = this.rt('writeFixedEntryList');
      const read = this.rt('readFixedEntryList');
      return {
        ts: `Array<[${k.ts}, ${v.ts}]>`,
        input: `ReadonlyArray<readonly [${k.input}, ${v.input}]>`,
        size: (x) => `${size}(${x}, ${kd}, ${vd})`,
        write: (w, x) => `${write}(${w}, ${x}, ${kd}, ${vd})`,
        read: (c) => `${read}(${c}, ${kd}, ${vd})`,
      };
    }
    if (kind === 'EntryList' && keyType === 'UUID' && valueType === 'List_Integer') {
      return {
        ...this.named('', '', 'EntryListUuidListInt'),
        ts: 'Array<[UUID, number[]]>',
        input: 'ReadonlyArray<readonly [UUID, readonly number[]]>',
      };
    }
    if (k.fixed || v.fixed) throw new Error(`No codec for ${kind}_${rest.join('_')}: mixed fixed and variable entries`);
    const size = this.rt('sizeEntryList');
    const write = this.rt('writeEntryList');
    const read = this.rt(kind === 'Map' ? 'readMap' : 'readEntryList');
    return {
      ts: kind === 'Map' ? `Map<${k.ts}, ${v.ts}>` : `Array<[${k.ts}, ${v.ts}]>`,
      input: kind === 'Map' ? `ReadonlyMap<${k.input}, ${v.input}>` : `ReadonlyArray<readonly [${k.input}, ${v.input}]>`,
      size: (x) => `${size}(${x}, ${this.sizeFn(k)}, ${this.sizeFn(v)})`,
      write: (w, x) => `${write}(${w}, ${x}, ${this.writeFn(k)}, ${this.writeFn(v)})`,
      read: (c) => `${read}(${c}, ${this.readFn(k)}, ${this.readFn(v)})`,
    };
  }

  // Function forms for element codecs: a bare name where the call is `name(x)`, else an arrow.
  private fn(render: (arg: string) => string, arg: string, type: string, extra = ''): string {
    const name = `${arg}${++this.depth}`;
    const body = render(name);
    const bare = body.match(/^(\w+)\((\w+)(, (\w+))?\)$/);
    if (bare && (extra ? bare[2] === 'w' && bare[4] === name : bare[2] === name && !bare[3])) return bare[1];
    return extra ? `(w: MessageWriter, ${name}: ${type}) => ${body}` : `(${name}: ${type}) => ${body}`;
  }

  private sizeFn(e: TypeCodec): string {
    return this.fn((x) => e.size(x), 'e', e.input);
  }

  private writeFn(e: TypeCodec): string {
    this.rtType('MessageWriter');
    return this.fn((x) => e.write('w', x), 'e', e.input, 'w');
  }

  private readFn(e: TypeCodec): string {
    const body = e.read('c');
    const bare = body.match(/^(\w+)\(c\)$/);
    if (bare) return bare[1];
    this.rtType('FrameCursor');
    return `(c: FrameCursor) => ${body}`;
  }
}

const wrap = (t: string): string => (/[ |]/.test(t) && !t.startsWith('Array<') && !t.startsWith('Map<') ? `(${t})` : t);
