import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface Param {
  name: string;
  type: string;
  nullable: boolean;
  since: string;
}

export interface EventDef {
  name: string;
  since: string;
  params: Param[];
}

export interface Method {
  id: number;
  name: string;
  since: string;
  request: { retryable: boolean; partitionIdentifier?: string; params: Param[] };
  response: { params: Param[] };
  events: EventDef[];
}

export interface Service {
  id: number;
  name: string;
  methods: Method[];
}

export interface CustomType {
  name: string;
  since: string;
  params: Param[];
}

export interface Protocol {
  services: Map<string, Service>;
  customTypes: Map<string, CustomType>;
}

interface RawParam {
  name: string;
  type: string;
  nullable?: boolean;
  since: string;
}

const params = (raw: RawParam[] | undefined | null): Param[] =>
  (raw ?? []).map((p) => ({ name: p.name, type: p.type, nullable: p.nullable === true, since: String(p.since) }));

/**
 * Reads the definitions of the named services (all when none are named) and the custom types.
 * `doc` texts are dropped on purpose.
 */
export function loadProtocol(definitionsDir: string, serviceNames?: readonly string[]): Protocol {
  const services = new Map<string, Service>();
  const files = serviceNames ? serviceNames.map((n) => `${n}.yaml`) : readdirSync(definitionsDir).filter((f) => f.endsWith('.yaml')).sort();
  for (const file of files) {
    const raw = parse(readFileSync(join(definitionsDir, file), 'utf8'));
    services.set(raw.name, {
      id: raw.id,
      name: raw.name,
      methods: (raw.methods ?? []).map((m: any) => ({
        id: m.id,
        name: m.name,
        since: String(m.since),
        request: { retryable: m.request?.retryable === true, partitionIdentifier: m.request?.partitionIdentifier, params: params(m.request?.params) },
        response: { params: params(m.response?.params) },
        events: (m.events ?? []).map((e: any) => ({ name: e.name, since: String(e.since), params: params(e.params) })),
      })),
    });
  }
  const custom = parse(readFileSync(join(definitionsDir, 'custom', 'Custom.yaml'), 'utf8'));
  const customTypes = new Map<string, CustomType>();
  for (const t of custom.customTypes) customTypes.set(t.name, { name: t.name, since: String(t.since), params: params(t.params) });
  return { services, customTypes };
}

/** Message type of a method's request; the response is +1 and its events +2, +3, ... */
export const requestType = (service: Service, method: Method): number => (service.id << 16) | (method.id << 8);

/** Whether version a ("2.0.1") is newer than version b. */
export function isNewer(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return false;
}
