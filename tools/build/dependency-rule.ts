// The dependency rule of ARCHITECTURE.md: a feature package depends on @hz/core only, never on
// a sibling; @hz/core depends on no @hz package; the meta-package @hz/client on everything but
// the member; @hz/member on anything. Checked over the import specifiers of packages/*/src
// (import, export ... from, import x = require, require(), import(), import('x') types) and the
// dependencies/peerDependencies/optionalDependencies of packages/*/package.json.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

export const FEATURE_PACKAGES = ['serialization', 'proxies', 'cp', 'near-cache', 'query'] as const;

/** Which @hz packages a package (by folder under packages/) may import; `undefined` means any. */
export function allowedHzImports(folder: string): readonly string[] | undefined {
  if (folder === 'core') return [];
  if ((FEATURE_PACKAGES as readonly string[]).includes(folder)) return ['@hz/core'];
  if (folder === 'client') return ['@hz/core', ...FEATURE_PACKAGES.map((f) => `@hz/${f}`)];
  return undefined;
}

export interface Violation {
  /** Folder of the package under packages/. */
  readonly pkg: string;
  /** File the violation is in (a source file or package.json). */
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  readonly message: string;
}

interface ImportSite {
  readonly specifier: string | undefined;
  readonly line: number;
}

/** Every module specifier a TypeScript source refers to; `specifier` is undefined for a computed one. */
export function importSites(fileName: string, source: string): ImportSite[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const sites: ImportSite[] = [];
  const add = (node: ts.Node, expr: ts.Node | undefined) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    const literal = expr && (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr));
    sites.push({ specifier: literal ? (expr as ts.StringLiteralLike).text : undefined, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier) add(node, node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      add(node, ts.isLiteralTypeNode(arg) ? arg.literal : undefined);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire =
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require' && callee.name.text === 'resolve');
      if (isImport || isRequire) add(node, node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return sites;
}

/** The @hz package a specifier names (`@hz/core/codec` -> `@hz/core`), or undefined. */
function hzPackageOf(specifier: string): string | undefined {
  const m = /^@hz\/([^/]+)/.exec(specifier);
  return m ? `@hz/${m[1]}` : undefined;
}

/**
 * Violations in one source file of packages/<folder>. `packageDir` is the package's folder:
 * relative imports must stay inside it.
 */
export function checkSource(folder: string, packageDir: string, filePath: string, source: string): Violation[] {
  const allowed = allowedHzImports(folder);
  const violations: Violation[] = [];
  for (const { specifier, line } of importSites(filePath, source)) {
    const at = { pkg: folder, file: filePath, line };
    if (specifier === undefined) {
      violations.push({ ...at, specifier: '<computed>', message: 'a computed module specifier cannot be checked against the dependency rule' });
      continue;
    }
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      const target = resolve(dirname(filePath), specifier);
      const root = resolve(packageDir);
      if (target !== root && !target.startsWith(root + sep)) {
        violations.push({ ...at, specifier, message: `relative import leaves the package folder (to ${target})` });
      }
      continue;
    }
    const hz = hzPackageOf(specifier);
    if (hz === `@hz/${folder}`) {
      // Resolves to the package's own dist, not its sources: the build would leave it a broken import.
      violations.push({ ...at, specifier, message: `@hz/${folder} imports itself by name; use a relative import` });
    } else if (hz && allowed && !allowed.includes(hz)) {
      violations.push({ ...at, specifier, message: `@hz/${folder} may not import ${hz} (allowed: ${allowed.join(', ') || 'no @hz package'})` });
    }
  }
  return violations;
}

/** Violations in the dependency fields of packages/<folder>/package.json. */
export function checkManifest(folder: string, manifestPath: string, manifest: Record<string, unknown>): Violation[] {
  const allowed = allowedHzImports(folder);
  if (!allowed) return [];
  const violations: Violation[] = [];
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    const deps = (manifest[field] ?? {}) as Record<string, string>;
    for (const name of Object.keys(deps)) {
      const hz = hzPackageOf(name);
      if (hz && !allowed.includes(hz)) {
        violations.push({ pkg: folder, file: manifestPath, line: 0, specifier: name, message: `${field} of @hz/${folder} may not name ${name}` });
      }
    }
  }
  return violations;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.[cm]?tsx?$/.test(name) ? [path] : [];
  });
}

/** Every violation of the dependency rule in a repository (its packages/* folders). */
export function checkRepository(rootDir: string): Violation[] {
  const packagesDir = join(rootDir, 'packages');
  const violations: Violation[] = [];
  for (const folder of readdirSync(packagesDir).sort()) {
    const packageDir = join(packagesDir, folder);
    const manifestPath = join(packageDir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    violations.push(...checkManifest(folder, manifestPath, JSON.parse(readFileSync(manifestPath, 'utf8'))));
    for (const file of sourceFiles(join(packageDir, 'src'))) {
      violations.push(...checkSource(folder, packageDir, file, readFileSync(file, 'utf8')));
    }
  }
  return violations;
}

/** One line per violation, for test and CLI output. */
export function formatViolation(v: Violation, rootDir: string): string {
  const where = v.line ? `${relative(rootDir, v.file)}:${v.line}` : relative(rootDir, v.file);
  return `${where}: '${v.specifier}': ${v.message}`;
}
