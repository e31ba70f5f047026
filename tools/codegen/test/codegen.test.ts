// The committed generated codecs must be exactly what the generator writes from the definitions.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, sharedPath } from '../../../test/support/shared';
import { generatedDir } from '../src/generate';
import { run } from '../src/main';
import { GENERATED_HEADER } from '../src/templates/file';
import { kebab, upperSnake } from '../src/naming';
import { isNewer } from '../src/model';

const PACKAGES = ['core', 'proxies', 'cp', 'member'];

describe('codegen', () => {
  let out: string;
  let written: string[];

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'hz-codegen-'));
    written = run(sharedPath('protocol', 'definitions'), out);
  });

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes the same files as are committed', () => {
    for (const pkg of PACKAGES) {
      const dir = generatedDir(pkg);
      const fresh = readdirSync(join(out, dir)).sort();
      const committed = readdirSync(join(REPO_ROOT, dir)).sort();
      expect({ pkg, files: committed }).toEqual({ pkg, files: fresh });
    }
  });

  it('writes the same content as is committed', () => {
    const differing = written.filter((path) => readFileSync(join(out, path), 'utf8') !== readFileSync(join(REPO_ROOT, path), 'utf8'));
    expect(differing).toEqual([]);
  });

  it('marks every generated file as generated in its first line', () => {
    for (const path of written) expect(readFileSync(join(out, path), 'utf8').split('\n')[0]).toBe(GENERATED_HEADER);
  });

  it('puts client-side codecs in the owning package and member-side ones in @hz/member', () => {
    const has = (path: string): boolean => written.includes(path);
    expect(has('packages/core/src/codec/generated/client.ts')).toBe(true);
    expect(has('packages/proxies/src/codec/generated/map.ts')).toBe(true);
    expect(has('packages/cp/src/codec/generated/fenced-lock.ts')).toBe(true);
    expect(has('packages/member/src/codec/generated/map.ts')).toBe(true);
    const map = readFileSync(join(out, 'packages/proxies/src/codec/generated/map.ts'), 'utf8');
    const memberMap = readFileSync(join(out, 'packages/member/src/codec/generated/map.ts'), 'utf8');
    expect(map).toContain('export function encodeMapPutRequest(');
    expect(map).toContain('export function decodeMapPutResponse(');
    expect(map).not.toContain('export function decodeMapPutRequest(');
    expect(memberMap).toContain('export function decodeMapPutRequest(');
    expect(memberMap).toContain('export function encodeMapPutResponse(');
    expect(memberMap).toContain('export function encodeMapAddEntryListenerEntryEvent(');
  });

  it('does not copy the definitions\' doc texts', () => {
    const map = readFileSync(join(out, 'packages/proxies/src/codec/generated/map.ts'), 'utf8');
    expect(map).not.toContain('If ttl is 0, then the entry lives forever');
  });
});

describe('codegen naming and versions', () => {
  it('converts names', () => {
    expect(upperSnake('CPSubsystem')).toBe('CP_SUBSYSTEM');
    expect(upperSnake('addEntryListener')).toBe('ADD_ENTRY_LISTENER');
    expect(kebab('PNCounter')).toBe('pn-counter');
    expect(kebab('TransactionalMultiMap')).toBe('transactional-multi-map');
  });

  it('compares protocol versions numerically', () => {
    expect(isNewer('2.0.1', '2.0')).toBe(true);
    expect(isNewer('2.10', '2.9')).toBe(true);
    expect(isNewer('2.0', '2.0')).toBe(false);
    expect(isNewer('2.1', '2.10')).toBe(false);
  });
});
