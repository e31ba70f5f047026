// Encoding and decoding of a parameter list: fixed-size parameters packed into one frame,
// then one frame (or structure) per variable-size parameter. Messages and custom types share it.
import { isNewer, type Param } from '../model';
import { ident } from '../naming';
import type { TypeCodec, TypeTable } from '../types';

export interface Field {
  param: Param;
  /** Identifier for locals and arguments (the protocol name, unless reserved). */
  name: string;
  codec: TypeCodec;
  /** Newer than the message or type it belongs to: may be missing when the peer is older. */
  newer: boolean;
  /** Offset inside the fixed-fields frame, for fixed-size fields. */
  offset: number;
}

export function fields(params: Param[], since: string, types: TypeTable, fixedStart: number): Field[] {
  let offset = fixedStart;
  return params.map((param) => {
    const codec = types.codec(param.type);
    if (codec.fixed && param.nullable && param.type !== 'UUID') throw new Error(`Nullable fixed-size parameter ${param.name}`);
    const field: Field = { param, name: ident(param.name), codec, newer: isNewer(param.since, since), offset };
    if (codec.fixed) offset += codec.fixed.size;
    return field;
  });
}

export const fixedFields = (fs: Field[]): Field[] => fs.filter((f) => f.codec.fixed);
export const varFields = (fs: Field[]): Field[] => fs.filter((f) => !f.codec.fixed);
export const fixedSize = (fs: Field[]): number => fixedFields(fs).reduce((n, f) => n + f.codec.fixed!.size, 0);

/** TypeScript type of a decoded field. */
export function decodedType(f: Field): string {
  return f.param.nullable && !f.codec.fixed ? `${f.codec.ts} | null` : f.param.type === 'UUID' && f.param.nullable ? 'UUID | null' : f.codec.ts;
}

/** TypeScript type an encoder takes for a field. */
export function inputType(f: Field): string {
  return f.param.nullable ? `${f.codec.input} | null` : f.codec.input;
}

/** Expression: bytes taken by a variable-size field held in `v`. */
export function sizeExpr(f: Field, v: string, optional: boolean): string {
  let e = f.codec.size(v);
  if (f.param.nullable) e = `(${v} === null ? NULL_FRAME_SIZE : ${e})`;
  if (optional) e = `(${v} === undefined ? 0 : ${e})`;
  return e;
}

/** Statements writing a variable-size field held in `v`. */
export function writeStmt(f: Field, v: string, optional: boolean): string {
  let s = f.param.nullable ? `if (${v} === null) w.nullFrame();\n  else ${f.codec.write('w', v)};` : `${f.codec.write('w', v)};`;
  if (optional) s = `if (${v} !== undefined) {\n    ${s.replace(/\n  /g, '\n    ')}\n  }`;
  return s;
}

/** Expression reading a fixed-size field from the frame the cursor took last. */
export function readFixedExpr(f: Field): string {
  const fx = f.codec.fixed!;
  const read = f.param.type === 'UUID' && f.param.nullable ? `c.uuid(${f.offset})` : fx.read('c', String(f.offset));
  return f.newer ? `c.has(${f.offset}, ${fx.size}) ? ${read} : undefined` : read;
}

/** Expression reading a variable-size field; `more` tests whether a newer field is present. */
export function readVarExpr(f: Field, more: string): string {
  let e = f.codec.read('c');
  if (f.param.nullable) e = `c.nextIsNull() ? null : ${e}`;
  if (f.newer) e = `${more} ? ${f.param.nullable ? `(${e})` : e} : undefined`;
  return e;
}

/** Interface members for the fields; newer ones optional. */
export function interfaceBody(fs: Field[]): string {
  return fs.map((f) => `  ${f.param.name}${f.newer ? '?' : ''}: ${decodedType(f)};`).join('\n');
}

/** An object literal of the fields read into locals (property names are the protocol's). */
export function objectLiteral(fs: Field[]): string {
  return `{ ${fs.map((f) => (f.name === f.param.name ? f.name : `${f.param.name}: ${f.name}`)).join(', ')} }`;
}
