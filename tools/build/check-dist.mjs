#!/usr/bin/env node
// Checks the built packages (run after `pnpm build`): for every packages/*/package.json
//  1. every `exports` entry (except ./package.json) has types/import/require files in dist/,
//     and every `bin` file exists and starts with a #! line;
//  2. every import in dist (.mjs, .cjs, .d.ts, chunks included) resolves: relative ones to a
//     file inside the package's dist, bare ones to a node builtin or a declared dependency
//     (a sibling @hz package only through a subpath its exports map offers);
//  3. every entry loads with require() and import() from a package that depends on it
//     (or from itself through its own name when nothing depends on it), both resolving
//     into dist and exporting the same names;
//  4. the declaration files type-check as a consumer sees them (TypeScript, node16
//     resolution through the exports maps).
// Exits 1 and names every problem found.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PACKAGES_DIR = join(ROOT, 'packages');
const BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

const problems = [];
const problem = (pkg, message) => problems.push(`${pkg.name}: ${message}`);
const rel = (p) => relative(ROOT, p);

/** @returns {{ name: string, dir: string, json: any, entries: { key: string, specifier: string, types: string, import: string, require: string }[] }[]} */
function readPackages() {
  const packages = [];
  for (const folder of readdirSync(PACKAGES_DIR).sort()) {
    const manifest = join(PACKAGES_DIR, folder, 'package.json');
    if (!existsSync(manifest)) continue;
    const json = JSON.parse(readFileSync(manifest, 'utf8'));
    const pkg = { name: json.name ?? folder, dir: join(PACKAGES_DIR, folder), json, entries: [] };
    packages.push(pkg);
    if (!json.exports || typeof json.exports !== 'object') {
      problem(pkg, 'package.json has no exports map');
      continue;
    }
    for (const [key, value] of Object.entries(json.exports)) {
      if (key === './package.json') continue;
      const base = key === '.' ? 'index' : key.slice(2);
      const expected = { types: `./dist/${base}.d.ts`, import: `./dist/${base}.mjs`, require: `./dist/${base}.cjs` };
      for (const [condition, path] of Object.entries(expected)) {
        if (value?.[condition] !== path) problem(pkg, `exports["${key}"].${condition} is ${JSON.stringify(value?.[condition])}, the build writes ${path}`);
        if (!existsSync(join(pkg.dir, path))) problem(pkg, `${path} (exports["${key}"].${condition}) is missing: was the package built?`);
      }
      pkg.entries.push({ key, specifier: key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`, ...expected });
    }
    const bins = typeof json.bin === 'string' ? { [pkg.name]: json.bin } : (json.bin ?? {});
    for (const [command, path] of Object.entries(bins)) {
      const file = join(pkg.dir, path);
      if (!existsSync(file)) problem(pkg, `bin "${command}": ${path} does not exist`);
      else if (!readFileSync(file, 'utf8').startsWith('#!')) problem(pkg, `bin "${command}": ${path} does not start with a #! line`);
    }
    for (const field of ['main', 'module', 'types']) {
      if (json[field] && !existsSync(join(pkg.dir, json[field]))) problem(pkg, `"${field}": ${json[field]} does not exist`);
    }
  }
  return packages;
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

const declaredDeps = (json) => [...Object.keys(json.dependencies ?? {}), ...Object.keys(json.peerDependencies ?? {})];

/** Candidate files a relative specifier in a declaration file may mean. */
function declarationCandidates(target) {
  const swaps = [['.js', '.d.ts'], ['.mjs', '.d.mts'], ['.cjs', '.d.cts']];
  for (const [js, dts] of swaps) if (target.endsWith(js)) return [target.slice(0, -js.length) + dts, target.slice(0, -js.length) + '.ts'];
  if (/\.d\.[mc]?ts$/.test(target)) return [target];
  return [`${target}.d.ts`, join(target, 'index.d.ts')];
}

function checkImports(pkg, byName) {
  const distDir = join(pkg.dir, 'dist');
  const deps = declaredDeps(pkg.json);
  for (const file of listFiles(distDir)) {
    if (!/\.(mjs|cjs|d\.ts)$/.test(file)) continue;
    const isDts = file.endsWith('.d.ts');
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const specifiers = [...info.importedFiles, ...info.referencedFiles].map((r) => r.fileName);
    for (const spec of specifiers) {
      const where = `${rel(file)} imports '${spec}'`;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(distDir + sep)) {
          problem(pkg, `${where}, which is outside its dist/`);
          continue;
        }
        const candidates = isDts ? declarationCandidates(target) : [target];
        if (!candidates.some((c) => existsSync(c) && statSync(c).isFile())) problem(pkg, `${where}, which does not exist`);
        continue;
      }
      if (BUILTINS.has(spec)) continue;
      const dep = deps.find((d) => spec === d || spec.startsWith(`${d}/`));
      if (!dep) {
        problem(pkg, `${where}, which is not a dependency in its package.json`);
        continue;
      }
      const sibling = byName.get(dep);
      if (sibling) {
        const key = spec === dep ? '.' : `./${spec.slice(dep.length + 1)}`;
        if (!sibling.json.exports?.[key]) problem(pkg, `${where}, but ${dep} exports no "${key}"`);
      }
    }
  }
}

/** Loads entries with require() and import() in a child process started in the consumer's folder. */
async function checkLoading(packages) {
  const byConsumer = new Map();
  for (const pkg of packages) {
    const dependants = packages.filter((p) => declaredDeps(p.json).includes(pkg.name));
    for (const consumer of dependants.length ? dependants : [pkg]) {
      if (!byConsumer.has(consumer)) byConsumer.set(consumer, []);
      byConsumer.get(consumer).push(...pkg.entries.map((e) => ({ ...e, dir: pkg.dir, owner: pkg.name })));
    }
  }
  const script = `
    import { createRequire } from 'node:module';
    import { fileURLToPath } from 'node:url';
    const require = createRequire(process.cwd() + '/package.json');
    const out = [];
    for (const e of JSON.parse(process.env.HZ_CHECK_ENTRIES)) {
      try {
        const cjsPath = require.resolve(e.specifier);
        const esmPath = fileURLToPath(import.meta.resolve(e.specifier));
        if (cjsPath !== e.dir + '/' + e.require.slice(2)) out.push(e.specifier + ': require() resolves to ' + cjsPath);
        if (esmPath !== e.dir + '/' + e.import.slice(2)) out.push(e.specifier + ': import() resolves to ' + esmPath);
        const cjs = Object.keys(require(e.specifier)).filter((k) => k !== '__esModule').sort();
        const esm = Object.keys(await import(e.specifier)).filter((k) => k !== 'default').sort();
        if (cjs.join() !== esm.join()) out.push(e.specifier + ': CJS exports [' + cjs + '] differ from ESM exports [' + esm + ']');
      } catch (err) {
        out.push(e.specifier + ': ' + String(err && err.message).split('\\n')[0]);
      }
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const run = promisify(execFile);
  await Promise.all(
    [...byConsumer].map(async ([consumer, entries]) => {
      try {
        const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
          cwd: consumer.dir,
          env: { ...process.env, HZ_CHECK_ENTRIES: JSON.stringify(entries), NODE_OPTIONS: '' },
        });
        for (const message of JSON.parse(stdout)) problem(consumer, `loading ${message}`);
      } catch (err) {
        problem(consumer, `could not run the loading check: ${err.stderr || err.message}`);
      }
    }),
  );
}

/** Type-checks every dist declaration file plus, per consumer, a file importing each entry it depends on. */
function checkTypes(packages) {
  // The repository's target and lib (what the packages are written for), resolved the way a
  // Node.js consumer resolves: node16, through the exports maps.
  const base = ts.readConfigFile(join(ROOT, 'tsconfig.base.json'), ts.sys.readFile).config?.compilerOptions ?? {};
  const { options: baseOptions } = ts.convertCompilerOptionsFromJson({ target: base.target, lib: base.lib }, ROOT);
  const options = {
    ...baseOptions,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    strict: true,
    noEmit: true,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules/@types')],
  };
  const virtual = new Map();
  for (const consumer of packages) {
    const deps = packages.filter((p) => p === consumer || declaredDeps(consumer.json).includes(p.name));
    const lines = deps.flatMap((p) => p.entries.map((e, i) => `export * as ${`${p.name}_${i}`.replace(/\W/g, '_')} from '${e.specifier}';`));
    virtual.set(join(consumer.dir, '__check-dist__.mts'), lines.join('\n') + '\n');
    virtual.set(join(consumer.dir, '__check-dist__.cts'), lines.join('\n') + '\n');
  }
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (f) => virtual.has(f) || fileExists.call(host, f);
  host.readFile = (f) => virtual.get(f) ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, ...rest) =>
    virtual.has(f) ? ts.createSourceFile(f, virtual.get(f), lang, true) : getSourceFile.call(host, f, lang, ...rest);
  const dtsFiles = packages.flatMap((p) => listFiles(join(p.dir, 'dist')).filter((f) => f.endsWith('.d.ts')));
  const program = ts.createProgram([...dtsFiles, ...virtual.keys()], options, host);
  const ours = (f) => f.startsWith(PACKAGES_DIR + sep) && !f.includes(`${sep}node_modules${sep}`);
  for (const sourceFile of program.getSourceFiles()) {
    const file = sourceFile.fileName;
    if (!ours(file) && !virtual.has(file)) continue;
    const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
    for (const d of diagnostics) {
      const owner = packages.find((p) => file.startsWith(p.dir + sep)) ?? { name: '?' };
      const { line } = d.start !== undefined ? sourceFile.getLineAndCharacterOfPosition(d.start) : { line: 0 };
      problem(owner, `types: ${rel(file)}:${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    }
  }
}

const started = Date.now();
const packages = readPackages();
const byName = new Map(packages.map((p) => [p.name, p]));
if (problems.length === 0) {
  for (const pkg of packages) checkImports(pkg, byName);
  await checkLoading(packages);
  checkTypes(packages);
}
const entryCount = packages.reduce((n, p) => n + p.entries.length, 0);
if (problems.length) {
  console.error(`check-dist: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`check-dist: ${packages.length} packages, ${entryCount} entries: ESM, CJS and types OK (${Date.now() - started} ms)`);
