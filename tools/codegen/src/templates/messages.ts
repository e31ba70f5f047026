// Templates: the codecs of one service, for the client side or the member side.
import { requestType, type EventDef, type Method, type Param, type Service } from '../model';
import { pascal, upperSnake } from '../naming';
import { Imports, TypeTable } from '../types';
import {
  decodedType,
  fields,
  fixedFields,
  fixedSize,
  inputType,
  interfaceBody,
  objectLiteral,
  readFixedExpr,
  readVarExpr,
  sizeExpr,
  varFields,
  writeStmt,
  type Field,
} from './fields';
import { renderFile } from './file';

const REQUEST_HEADER = 16;
const RESPONSE_HEADER = 13;
const EVENT_HEADER = 16;

type Kind = 'request' | 'response' | 'event';
const WRITER: Record<Kind, string> = { request: 'request', response: 'response', event: 'event' };

export type Side = 'client' | 'member';

export function renderService(service: Service, side: Side, makeTable: (imports: Imports) => TypeTable, runtime: string): string {
  const imports = new Imports();
  const table = makeTable(imports);
  const parts: string[] = [];
  const layouts = new Map<string, { label: string; fn: string }>();
  for (const method of service.methods) parts.push(renderMethod(service, method, side, table, layouts));
  return renderFile(parts.join('\n\n'), imports, runtime);
}

/**
 * `layouts`: response decoders already written in this file, by what they read. A response of
 * the same single field as an earlier one (Map.get and Map.put both answer a nullable Data)
 * reuses that decoder instead of repeating its body, which keeps bundles smaller.
 */
function renderMethod(service: Service, method: Method, side: Side, table: TypeTable, layouts: Map<string, { label: string; fn: string }>): string {
  const base = `${service.name}${pascal(method.name)}`;
  const constBase = `${upperSnake(service.name)}_${upperSnake(method.name)}`;
  const type = requestType(service, method);
  const label = `${service.name}.${method.name}`;
  const out: string[] = [
    `/** Message type of the ${label} request. */\nexport const ${constBase}_REQUEST_TYPE = ${type};`,
    `/** Message type of the ${label} response. */\nexport const ${constBase}_RESPONSE_TYPE = ${type + 1};`,
  ];
  method.events.forEach((e, i) => {
    out.push(`/** Message type of the ${label} ${e.name} event. */\nexport const ${constBase}_${upperSnake(e.name)}_EVENT_TYPE = ${type + 2 + i};`);
  });

  const req = fields(method.request.params, method.since, table, REQUEST_HEADER);
  const res = fields(method.response.params, method.since, table, RESPONSE_HEADER);
  if (side === 'client') {
    out.push(encoder(`encode${base}Request`, `Encodes a ${label} request.`, 'request', `${constBase}_REQUEST_TYPE`, req, method.request.retryable));
    if (res.length) out.push(decoder(`decode${base}Response`, `Decodes a ${label} response.`, `${base}Response`, res, true, layouts, label));
    method.events.forEach((e) => {
      const ev = eventFields(e, table);
      out.push(decoder(`decode${base}${pascal(e.name)}Event`, `Decodes a ${label} ${e.name} event.`, `${base}${pascal(e.name)}Event`, ev, false));
    });
  } else {
    if (req.length) out.push(decoder(`decode${base}Request`, `Decodes a ${label} request.`, `${base}Request`, req, false));
    out.push(encoder(`encode${base}Response`, `Encodes a ${label} response.`, 'response', `${constBase}_RESPONSE_TYPE`, res, false));
    method.events.forEach((e) => {
      const ev = eventFields(e, table);
      out.push(encoder(`encode${base}${pascal(e.name)}Event`, `Encodes a ${label} ${e.name} event.`, 'event', `${constBase}_${upperSnake(e.name)}_EVENT_TYPE`, ev, false));
    });
  }
  return out.join('\n\n');
}

const eventFields = (e: EventDef, table: TypeTable): Field[] => fields(e.params as Param[], e.since, table, EVENT_HEADER);

function encoder(name: string, doc: string, kind: Kind, typeConst: string, fs: Field[], retryable: boolean): string {
  const args = fs.map((f) => `${f.name}: ${inputType(f)}`).join(', ');
  const vars = varFields(fs);
  const varSize = vars.length ? vars.map((f) => sizeExpr(f, f.name, false)).join(' + ') : '0';
  const body = [`const w = MessageWriter.${WRITER[kind]}(${typeConst}, ${fixedSize(fs)}, ${varSize});`];
  for (const f of fixedFields(fs)) body.push(`${f.codec.fixed!.write('w', f.name)};`);
  for (const f of vars) body.push(writeStmt(f, f.name, false));
  body.push(`return w.finish(${retryable ? 'true' : ''});`);
  return `/** ${doc} */
export function ${name}(${args}): ClientMessage {
  ${body.join('\n  ')}
}`;
}

function decoder(
  name: string,
  doc: string,
  typeName: string,
  fs: Field[],
  singleUnwrapped: boolean,
  layouts?: Map<string, { label: string; fn: string }>,
  label?: string,
): string {
  const body = ['const c = m.cursor();', 'c.next();'];
  for (const f of fixedFields(fs)) body.push(`const ${f.name} = ${readFixedExpr(f)};`);
  for (const f of varFields(fs)) body.push(`const ${f.name} = ${readVarExpr(f, 'c.hasNext()')};`);
  if (singleUnwrapped && fs.length === 1) {
    const f = fs[0];
    body.push(`return ${f.name};`);
    const returns = `${decodedType(f)}${f.newer ? ' | undefined' : ''}`;
    const layout = `${returns}\n${body.join('\n').replace(new RegExp(`\\b${f.name}\\b`, 'g'), 'x')}`;
    const same = layouts?.get(layout);
    if (same !== undefined) {
      return `/** ${doc.replace(/\.$/, '')}: the same layout as ${same.label}'s. */
export const ${name}: (m: ClientMessage) => ${returns} = ${same.fn};`;
    }
    if (layouts !== undefined && label !== undefined) layouts.set(layout, { label, fn: name });
    return `/** ${doc} */
export function ${name}(m: ClientMessage): ${returns} {
  ${body.join('\n  ')}
}`;
  }
  body.push(`return ${objectLiteral(fs)};`);
  return `/** Parameters of ${doc.replace(/^Decodes (a |an )?/, '').replace(/\.$/, '')}. */
export interface ${typeName} {
${interfaceBody(fs)}
}

/** ${doc} */
export function ${name}(m: ClientMessage): ${typeName} {
  ${body.join('\n  ')}
}`;
}
