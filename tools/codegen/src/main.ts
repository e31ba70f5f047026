#!/usr/bin/env tsx
// Usage: tsx tools/codegen/src/main.ts [--definitions DIR] [--out ROOT]
// Writes the generated codecs under ROOT/packages/*/src/codec/generated, replacing what is there.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generate, generatedDir, SERVICE_OWNERS } from './generate';
import { loadProtocol } from './model';

const repoRoot = resolve(__dirname, '../../..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : fallback;
}

/** Generates into `outRoot` and returns the paths written, relative to it. */
export function run(definitions: string, outRoot: string): string[] {
  const files = generate(loadProtocol(definitions, Object.keys(SERVICE_OWNERS)));
  for (const pkg of ['core', 'proxies', 'cp', 'member']) {
    const dir = join(outRoot, generatedDir(pkg));
    for (const f of safeList(dir)) rmSync(join(dir, f));
  }
  for (const [path, content] of files) {
    const target = join(outRoot, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return [...files.keys()];
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

if (require.main === module) {
  const definitions = arg('--definitions', resolve(repoRoot, '../shared/protocol/definitions'));
  const out = arg('--out', repoRoot);
  const written = run(definitions, out);
  console.log(`codegen: wrote ${written.length} files under ${out}`);
}
