// Decides which package owns which codecs and renders every generated file.
import type { Protocol } from './model';
import { kebab } from './naming';
import { renderCustomTypes } from './templates/custom-types';
import { GENERATED_HEADER } from './templates/file';
import { renderService } from './templates/messages';
import { HAND_WRITTEN, TypeTable, type Imports } from './types';

export type Owner = 'core' | 'proxies' | 'cp';

/** The services we implement, and the package that holds their client-side codecs. */
export const SERVICE_OWNERS: Record<string, Owner> = {
  Client: 'core',
  Map: 'proxies',
  MultiMap: 'proxies',
  ReplicatedMap: 'proxies',
  Queue: 'proxies',
  Set: 'proxies',
  List: 'proxies',
  Ringbuffer: 'proxies',
  Topic: 'proxies',
  PNCounter: 'proxies',
  FlakeIdGenerator: 'proxies',
  Transaction: 'proxies',
  TransactionalMap: 'proxies',
  TransactionalMultiMap: 'proxies',
  TransactionalQueue: 'proxies',
  TransactionalSet: 'proxies',
  TransactionalList: 'proxies',
  Sql: 'proxies',
  ContinuousQuery: 'proxies',
  AtomicLong: 'cp',
  AtomicRef: 'cp',
  FencedLock: 'cp',
  Semaphore: 'cp',
  CountDownLatch: 'cp',
  CPSession: 'cp',
  CPGroup: 'cp',
  CPSubsystem: 'cp',
};

/** Custom types that no service names but the client needs: error responses are built from them. */
const ALWAYS_CORE = ['ErrorHolder', 'StackTraceElement'];

/** Generated folder of a package, relative to the repository root. */
export const generatedDir = (pkg: string): string => `packages/${pkg}/src/codec/generated`;

/** Every generated file: path relative to the repository root, and content. */
export function generate(protocol: Protocol): Map<string, string> {
  const owners = customTypeOwners(protocol);
  const files = new Map<string, string>();
  const barrels = new Map<string, string[]>();
  const emit = (pkg: string, name: string, content: string): void => {
    files.set(`${generatedDir(pkg)}/${name}.ts`, content);
    barrels.set(pkg, [...(barrels.get(pkg) ?? []), name]);
  };

  const runtimeFor = (pkg: string): string => (pkg === 'core' ? '../runtime' : '@hz/core/codec');
  const customModuleFor = (pkg: string, inCustomFile = false) => (typeName: string): string => {
    const hand = HAND_WRITTEN[typeName];
    const owner = hand ? hand.owner : owners.get(typeName);
    if (!owner) throw new Error(`Custom type ${typeName} has no owner`);
    if (owner !== pkg) return `@hz/${owner}/codec`;
    if (hand) return `../${hand.module}`;
    return inCustomFile ? '' : './custom';
  };
  const customNames = new Set(protocol.customTypes.keys());
  const tableFor =
    (pkg: string, inCustomFile = false) =>
    (imports: Imports): TypeTable =>
      new TypeTable(imports, runtimeFor(pkg), customModuleFor(pkg, inCustomFile), customNames);

  for (const owner of ['core', 'proxies', 'cp'] as const) {
    const types = [...protocol.customTypes.values()].filter((t) => owners.get(t.name) === owner);
    if (types.length) emit(owner, 'custom', renderCustomTypes(types, tableFor(owner, true), runtimeFor(owner)));
  }
  for (const [name, owner] of Object.entries(SERVICE_OWNERS)) {
    const service = protocol.services.get(name);
    if (!service) throw new Error(`No definition for service ${name}`);
    emit(owner, kebab(name), renderService(service, 'client', tableFor(owner), runtimeFor(owner)));
    emit('member', kebab(name), renderService(service, 'member', tableFor('member'), runtimeFor('member')));
  }
  for (const [pkg, names] of barrels) {
    const lines = names.sort().map((n) => `export * from './${n}';`);
    files.set(`${generatedDir(pkg)}/index.ts`, `${GENERATED_HEADER}\n${lines.join('\n')}\n`);
  }
  return files;
}

/**
 * A custom type lives in core when core uses it or more than one package does; otherwise in
 * the one package that uses it. Types used by types inherit their users.
 */
function customTypeOwners(protocol: Protocol): Map<string, Owner> {
  const users = new Map<string, Set<Owner>>();
  const visit = (type: string, owner: Owner): void => {
    for (const part of type.split('_')) {
      const custom = protocol.customTypes.get(part);
      if (!custom) continue;
      let set = users.get(part);
      if (!set) users.set(part, (set = new Set()));
      if (set.has(owner)) continue;
      set.add(owner);
      for (const p of custom.params) visit(p.type, owner);
    }
  };
  for (const [name, owner] of Object.entries(SERVICE_OWNERS)) {
    for (const m of protocol.services.get(name)?.methods ?? []) {
      for (const p of [...m.request.params, ...m.response.params, ...m.events.flatMap((e) => e.params)]) visit(p.type, owner);
    }
  }
  for (const t of ALWAYS_CORE) visit(t, 'core');
  const owners = new Map<string, Owner>();
  for (const [name, set] of users) owners.set(name, set.has('core') || set.size > 1 ? 'core' : [...set][0]);
  return owners;
}
