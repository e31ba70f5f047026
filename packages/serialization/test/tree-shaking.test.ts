/*
 * A bundle holds only the formats it uses: bundling (rollup, default tree-shaking, which keeps
 * any module top-level code with side effects) an app that builds the extension of the
 * IdentifiedDataSerializable and custom formats leaves out every Portable and Compact module;
 * one that imports nothing but a type leaves out everything.
 */
import { resolve } from 'node:path';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';

const SRC = resolve(__dirname, '../src/index.ts');
const TSCONFIG = resolve(__dirname, '../../../tsconfig.base.json');

async function bundle(app: string): Promise<string> {
  const build = await rollup({
    input: 'app.ts',
    external: (id) => id === 'long' || id.startsWith('@hz/core') || id.startsWith('node:'),
    plugins: [
      {
        name: 'app',
        resolveId: (id) => (id === 'app.ts' ? id : undefined),
        load: (id) => (id === 'app.ts' ? app.replaceAll('@hz/serialization', SRC) : undefined),
      },
      esbuild({ target: 'node20', tsconfig: TSCONFIG }),
    ],
    // Our modules keep any top-level code with side effects; @hz/core declares "sideEffects": false.
    treeshake: { moduleSideEffects: (_id, external) => !external },
    onwarn: () => undefined,
  });
  const { output } = await build.generate({ format: 'es' });
  await build.close();
  return output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
}

const PORTABLE_AND_COMPACT = [
  'PortableSerializer',
  'DefaultPortableWriter',
  'MorphingPortableReader',
  'ClassDefinitionBuilder',
  'PortableGenericRecord',
  'CompactStreamSerializer',
  'DefaultCompactWriter',
  'DefaultCompactReader',
  'SchemaService',
  'schemaFingerprint',
  'CompactGenericRecord',
];

describe('tree-shaking', () => {
  jest.setTimeout(60_000);

  it('an app with the IDS and custom formats bundles no Portable or Compact code', async () => {
    const code = await bundle(`
      import { createSerializationExtensionOf, identifiedFormat, customFormat } from '@hz/serialization';
      export const extension = createSerializationExtensionOf({}, [identifiedFormat, customFormat]);
    `);
    expect(code).toContain('identifiedSerializer');
    for (const name of PORTABLE_AND_COMPACT) expect(code).not.toContain(name);
  });

  it('an app that imports only types bundles nothing', async () => {
    const code = await bundle(`
      import type { Portable } from '@hz/serialization';
      import '@hz/serialization';
      export const portable: Portable | undefined = undefined;
    `);
    expect(code.replace(/\s+/g, ' ').trim()).toBe('const portable = void 0; export { portable };');
  });

  it('the all-formats extension bundles them all (the check above can see them)', async () => {
    const code = await bundle(`
      import { createSerializationExtension } from '@hz/serialization';
      export const extension = createSerializationExtension({});
    `);
    for (const name of ['PortableSerializer', 'CompactStreamSerializer', 'SchemaService']) expect(code).toContain(name);
  });
});
