// Protocol conformance: every vector message of a service we generate codecs for is decoded
// by the receiving side's decoder, checked against the reference values, encoded again by the
// sending side's encoder and compared byte for byte (see shared/protocol/README.md).
import { readFileSync } from 'node:fs';
import Long from 'long';
import * as coreCodecs from '@hz/core/codec';
import * as proxyCodecs from '@hz/proxies/codec';
import * as cpCodecs from '@hz/cp/codec';
import { ClientMessage, HeapData, UUID } from '@hz/core/codec';
import * as memberCodecs from '../../packages/member/src/codec';
import { SERVICE_OWNERS } from '../../tools/codegen/src/generate';
import { loadProtocol, type CustomType } from '../../tools/codegen/src/model';
import { pascal } from '../../tools/codegen/src/naming';
import { sharedPath } from '../support/shared';

interface VectorParam {
  name: string;
  type: string;
  nullable: boolean;
}
interface Vector {
  service: string;
  method: string;
  part: string;
  messageType: number;
  params: VectorParam[];
  plain: { offset: number; length: number };
  nullVariant: { offset: number; length: number };
}
interface Reference {
  objects: Record<string, unknown>;
  list_objects: Record<string, unknown[]>;
  set_objects: Record<string, unknown[]>;
  map_objects: Record<string, Record<string, unknown[][]>>;
}

type Codecs = Record<string, unknown>;
const CLIENT_SIDE: Record<string, Codecs> = { core: coreCodecs, proxies: proxyCodecs, cp: cpCodecs };

const index: { protocolVersion: string; messages: Vector[] } = JSON.parse(readFileSync(sharedPath('protocol/vectors/index.json'), 'utf8'));
const reference: Reference = JSON.parse(readFileSync(sharedPath('protocol/vectors/reference-values.json'), 'utf8'));
const plainBin = readFileSync(sharedPath('protocol/vectors/messages.bin'));
const nullBin = readFileSync(sharedPath('protocol/vectors/messages-null.bin'));
const customTypes = loadProtocol(sharedPath('protocol/definitions'), []).customTypes;

// ---- expected values, in a normal form that decoded values are brought to as well ----

const ALIASES: Record<string, string> = { Integer: 'int', Long: 'long' };
const FIXED = new Set(['boolean', 'byte', 'int', 'long', 'float', 'UUID']);

function normalUuid(u: { mostSigBits: string; leastSigBits: string }): unknown {
  return { msb: u.mostSigBits, lsb: u.leastSigBits };
}

/** The expected value of a (non-null) value of `type`, in normal form. */
function expected(type: string, override?: unknown): unknown {
  type = ALIASES[type] ?? type;
  const o = reference.objects;
  switch (type) {
    case 'boolean':
    case 'byte':
    case 'int':
      return override ?? o[type];
    case 'long':
      return String(override ?? o.long);
    case 'float':
      return Math.fround(o.float as number);
    case 'UUID':
      return normalUuid(o.UUID as { mostSigBits: string; leastSigBits: string });
    case 'String':
      return o.String;
    case 'Data':
    case 'byteArray':
      return (o[type] as { hex: string }).hex;
    case 'longArray':
      return (o.longArray as number[]).map(String);
    case 'SqlPage':
      return { isLast: true, columnTypes: [4], columns: [[1, 2, 3, 4]] };
  }
  const custom = customTypes.get(type);
  if (custom) return expectedCustom(custom);
  const [kind, ...rest] = type.split('_');
  const inner = rest.join('_');
  if (kind === 'List' || kind === 'Set' || kind === 'ListCN') {
    const e = ALIASES[inner] ?? inner;
    if (FIXED.has(e)) {
      const list = (kind === 'Set' ? reference.set_objects : reference.list_objects)[e];
      return list.map((x) => (e === 'UUID' ? normalUuid(x as never) : e === 'long' ? String(x) : x));
    }
    return [expected(inner)];
  }
  if (kind === 'EntryList' || kind === 'Map') {
    const k = ALIASES[rest[0]] ?? rest[0];
    const v = ALIASES[rest.slice(1).join('_')] ?? rest.slice(1).join('_');
    if (FIXED.has(k) && FIXED.has(v)) {
      const fix = (t: string, x: unknown): unknown => (t === 'UUID' ? normalUuid(x as never) : t === 'long' ? String(x) : x);
      return reference.map_objects[k][v].map(([a, b]) => [fix(k, a), fix(v, b)]);
    }
    return [[expected(k), expected(v)]];
  }
  throw new Error(`No reference value for ${type}`);
}

/** Fields of custom types keep their values in the null variant: only parameters are null there. */
function expectedCustom(t: CustomType): unknown {
  const overrides = (reference.objects[t.name] ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const p of t.params) out[p.name] = expected(p.type, overrides[p.name]);
  return out;
}

/** Brings a decoded value to the normal form. */
function normal(v: unknown): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  if (Long.isLong(v)) return v.toString();
  if (v instanceof UUID) return { msb: v.mostSignificant.toString(), lsb: v.leastSignificant.toString() };
  if (v instanceof HeapData) return v.toBuffer().toString('hex');
  if (Buffer.isBuffer(v)) return v.toString('hex');
  if (v instanceof Map) return [...v].map(([k, x]) => [normal(k), normal(x)]);
  if (Array.isArray(v)) return v.map(normal);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = normal(x);
  return out;
}

// ---- the run ----

type Fn = (...args: unknown[]) => unknown;

function fn(codecs: Codecs, name: string): Fn | undefined {
  return codecs[name] as Fn | undefined;
}

interface Sides {
  decoder?: Fn;
  encoder: Fn;
  /** Whether a single-parameter message decodes to the bare value. */
  unwrapped: boolean;
}

function sides(v: Vector): Sides {
  const client = CLIENT_SIDE[SERVICE_OWNERS[v.service]];
  const member = memberCodecs as Codecs;
  const base = `${v.service}${pascal(v.method)}`;
  const need = (codecs: Codecs, name: string): Fn => {
    const f = fn(codecs, name);
    if (!f) throw new Error(`Missing codec function ${name}`);
    return f;
  };
  const maybeDecoder = (codecs: Codecs, name: string): Fn | undefined => (v.params.length ? need(codecs, name) : undefined);
  if (v.part === 'request') {
    return { decoder: maybeDecoder(member, `decode${base}Request`), encoder: need(client, `encode${base}Request`), unwrapped: false };
  }
  if (v.part === 'response') {
    return { decoder: maybeDecoder(client, `decode${base}Response`), encoder: need(member, `encode${base}Response`), unwrapped: true };
  }
  const event = v.part.slice('event:'.length);
  return { decoder: need(client, `decode${base}${pascal(event)}Event`), encoder: need(member, `encode${base}${pascal(event)}Event`), unwrapped: false };
}

const covered = index.messages.filter((m) => m.service in SERVICE_OWNERS);
const leftOut = [...new Set(index.messages.filter((m) => !(m.service in SERVICE_OWNERS)).map((m) => m.service))].sort();

describe(`codec conformance (protocol ${index.protocolVersion} vectors)`, () => {
  afterAll(() => {
    process.stdout.write(
      `\ncodec conformance: ${covered.length} / ${index.messages.length} vector messages covered (each in its plain and null variant)\n` +
        `services left out (no codecs generated): ${leftOut.join(', ')}\n`,
    );
  });

  it('covers every service we generate codecs for', () => {
    const present = new Set(index.messages.map((m) => m.service));
    expect(Object.keys(SERVICE_OWNERS).filter((s) => !present.has(s))).toEqual([]);
    expect(covered.length).toBeGreaterThan(0);
  });

  describe.each([
    ['plain', plainBin, false],
    ['null', nullBin, true],
  ] as const)('%s variant', (_variant, bin, nulls) => {
    it.each(covered.map((m) => [`${m.service}.${m.method} ${m.part}`, m] as const))('%s', (_name, v) => {
      const at = nulls ? v.nullVariant : v.plain;
      const bytes = Buffer.from(bin.subarray(at.offset, at.offset + at.length));
      const message = new ClientMessage(bytes);
      expect(message.messageType).toBe(v.messageType);
      const { decoder, encoder, unwrapped } = sides(v);

      let values: unknown[] = [];
      if (decoder) {
        const decoded = decoder(message);
        values = unwrapped && v.params.length === 1 ? [decoded] : v.params.map((p) => (decoded as Record<string, unknown>)[p.name]);
        const want = v.params.map((p) => (nulls && p.nullable ? null : expected(p.type)));
        expect(values.map(normal)).toEqual(want);
      }
      const again = encoder(...values) as ClientMessage;
      expect(again.buffer.toString('hex')).toBe(bytes.toString('hex'));
    });
  });
});
