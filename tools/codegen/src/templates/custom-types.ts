// Template: the codecs of custom types (size, write, read) with their interfaces.
import type { CustomType } from '../model';
import { Imports, TypeTable } from '../types';
import { fields, fixedFields, fixedSize, interfaceBody, objectLiteral, readFixedExpr, readVarExpr, sizeExpr, varFields, writeStmt } from './fields';
import { renderFile } from './file';

export function renderCustomTypes(types: CustomType[], makeTable: (imports: Imports) => TypeTable, runtime: string): string {
  const imports = new Imports();
  const table = makeTable(imports);
  const parts = types.map((t) => customType(t, table));
  return renderFile(parts.join('\n\n'), imports, runtime);
}

function customType(t: CustomType, table: TypeTable): string {
  const fs = fields(t.params, t.since, table, 0);
  const fixed = fixedFields(fs);
  const vars = varFields(fs);
  const fixedBytes = fixedSize(fs);
  const frames = 12 + (fixed.length ? 6 + fixedBytes : 0);
  const sizeTerms = [String(frames), ...vars.map((f) => sizeExpr(f, `v.${f.param.name}`, f.newer))];

  const write = ['w.begin();'];
  if (fixed.length) {
    write.push(`w.frame(${fixedBytes});`);
    for (const f of fixed) write.push(`${f.codec.fixed!.write('w', f.newer ? `v.${f.name} ?? ${f.codec.fixed!.zero}` : `v.${f.param.name}`)};`);
  }
  for (const f of vars) write.push(writeStmt(f, `v.${f.param.name}`, f.newer));
  write.push('w.end();');

  const read = ['c.next();'];
  if (fixed.length) {
    read.push('c.next();');
    for (const f of fixed) read.push(`const ${f.name} = ${readFixedExpr(f)};`);
  }
  for (const f of vars) read.push(`const ${f.name} = ${readVarExpr(f, '!c.nextIsEnd()')};`);
  read.push('c.skipToEnd();');
  read.push(`return ${objectLiteral(fs)};`);

  const a = /^[AEIOU]/.test(t.name) ? 'an' : 'a';
  return `/** The ${t.name} structure of the protocol. */
export interface ${t.name} {
${interfaceBody(fs)}
}

/** Encoded size of ${a} ${t.name}, frames included. */
export function size${t.name}(${vars.length ? 'v' : '_v'}: ${t.name}): number {
  return ${sizeTerms.join(' + ')};
}

/** Writes ${a} ${t.name} as a data structure. */
export function write${t.name}(w: MessageWriter, v: ${t.name}): void {
  ${write.join('\n  ')}
}

/** Reads ${a} ${t.name}, skipping fields added by newer peers. */
export function read${t.name}(c: FrameCursor): ${t.name} {
  ${read.join('\n  ')}
}`;
}
