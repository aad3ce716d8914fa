import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The architecture's import rules, checked over the whole source tree (docs/architecture.md,
 * "Boundaries"). Imports are read from the TypeScript syntax tree, so comments, strings and code
 * that scripts generate are not imports, and every form is: `import … from`, `export … from`,
 * `import type`, `import x = require()`, `import()`, `require()` and `import('…').T` types.
 * Specifiers resolve through the `@hg/types` aliases, tsconfig's `baseUrl` (`cloud/src/…`) and
 * relative paths with or without an extension or `/index`.
 */
export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

export interface Import {
  specifier: string;
  line: number;
  /** `import type`, `export type`, or every named binding marked `type`: erased from the bundle. */
  typeOnly: boolean;
}

/**
 * Server modules by rank: a module imports only modules of a lower rank (and through their
 * `public.ts`). A new module gets a row here, or the tree check fails. `demo` sits above `me`
 * because the demo login lists people with the roles `me` presents.
 */
export const MODULE_RANK: Record<string, number> = {
  identity: 0,
  community: 1,
  notifications: 1,
  settings: 1,
  households: 2,
  appointments: 2,
  pushes: 2,
  slots: 3,
  needs: 4,
  bookings: 4,
  ratings: 5,
  deliberation: 5,
  grids: 5,
  cobuilding: 5,
  party: 5,
  home: 6,
  me: 6,
  timers: 6,
  demo: 7,
};

/**
 * Forbidden imports that exist today and are tolerated until the item named fixes them. Each entry
 * must still match an import: when the debt is paid the entry has to go (the test says so). Empty
 * since issue 14 item 5 (the seed builds the demo city through the modules' public functions).
 */
export const KNOWN_DEBT: ReadonlyArray<{ file: string; specifier: string; why: string }> = [];

const TOP_FOLDERS = ['types', 'src', 'cloud', 'test', 'scripts', 'bench', 'config'];
const CODE_EXT = /\.(d\.ts|tsx?|mts|cts|jsx?|mjs|cjs)$/;

/** Every import of a TypeScript source, with its 1-based line. */
export function importsOf(source: string, fileName = 'file.tsx'): Import[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Import[] = [];
  const add = (node: ts.Node, spec: ts.Expression | undefined, typeOnly: boolean) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    if (spec && ts.isStringLiteralLike(spec)) out.push({ specifier: spec.text, line, typeOnly });
    else out.push({ specifier: '<computed>', line, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const allTypeNames = !!named && named.length > 0 && !clause?.name && named.every((e) => e.isTypeOnly);
      add(node, node.moduleSpecifier, !!clause && (clause.isTypeOnly || allTypeNames));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node, node.moduleSpecifier, node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg)) add(node, arg.literal as ts.Expression, true);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require' && node.arguments.length === 1;
      if (isImport || isRequire) add(node, node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * The repository path an import points at, without extension and without a trailing `/index`
 * (`cloud/src/modules/needs` for `../needs`, `../needs/index` and `../needs/index.ts`), or null
 * for a package.
 */
export function target(file: string, specifier: string): string | null {
  let p: string;
  if (specifier === '@hg/types') p = 'types/index';
  else if (specifier.startsWith('@hg/types/')) p = `types/${specifier.slice('@hg/types/'.length)}`;
  else if (specifier.startsWith('.')) p = path.posix.join(path.posix.dirname(file), specifier);
  else if (TOP_FOLDERS.includes(specifier.split('/')[0]) && specifier.includes('/')) p = specifier; // tsconfig baseUrl
  else return null;
  p = path.posix.normalize(p).replace(/\/+$/, '').replace(CODE_EXT, '');
  return p.replace(/\/index$/, '');
}

/** A file of entity classes: `<name>.entity.ts`, or a module's `entities.ts`. */
const ENTITY_FILE = /(\.entity|\/entities)$/;
const moduleOf = (p: string) => /^cloud\/src\/modules\/([^/]+)(?:\/|$)/.exec(p)?.[1] ?? null;
const isTest = (f: string) => /\.test\.tsx?$/.test(f) || f.startsWith('test/');
const under = (p: string, ...dirs: string[]) => dirs.some((d) => p === d || p.startsWith(`${d}/`));

/** Where a file or an import target lives, for the rules below. */
function areaOf(p: string): string {
  if (under(p, 'types')) return 'types';
  if (under(p, 'src/services')) return 'services';
  if (under(p, 'src/packages')) return 'subpackage';
  if (under(p, 'src')) return 'client';
  if (under(p, 'cloud/src/core')) return 'core';
  // A module's own migrations (modules/<name>/migrations/) follow the migrations' rules.
  if (/^cloud\/src\/modules\/[\w-]+\/migrations\//.test(p)) return 'migrations';
  if (under(p, 'cloud/src/modules')) return 'module';
  if (under(p, 'cloud/src/seed')) return 'seed';
  if (under(p, 'cloud/src/migrations')) return 'migrations';
  if (p === 'cloud/src/app') return 'app';
  if (p === 'cloud/src/wiring') return 'wiring';
  if (p === 'cloud/src/registry') return 'registry';
  if (under(p, 'cloud/src')) return 'root'; // migrate-cli and other entry points beside app.ts
  if (under(p, 'cloud/gateway')) return 'gateway';
  if (under(p, 'cloud/functions')) return 'functions';
  if (under(p, 'scripts', 'bench')) return 'tools';
  if (under(p, 'test')) return 'tests';
  return 'other';
}

/** The part of a module path after `cloud/src/modules/<name>`: '' for the folder (its index.ts). */
const restOf = (p: string, mod: string) => p.slice(`cloud/src/modules/${mod}`.length).replace(/^\//, '');

/** A module's surface for the importer: `public` always, its `index` (the declaration) from composition code. */
function throughSurface(p: string, allowIndex: boolean): boolean {
  const mod = moduleOf(p)!;
  const rest = restOf(p, mod);
  return rest === 'public' || (allowIndex && rest === '');
}

/**
 * Check one file's imports; `file` is repository-relative with forward slashes. Test files
 * (`*.test.ts(x)`, `test/`) may reach into internals and are checked only for the client/server
 * split; everything else is held to every rule.
 */
export function checkFile(file: string, source: string): Violation[] {
  const out: Violation[] = [];
  const from = areaOf(file.replace(CODE_EXT, ''));
  const test = isTest(file);
  const product = ['types', 'services', 'subpackage', 'client', 'core', 'module', 'seed', 'migrations', 'app', 'wiring', 'root', 'gateway', 'functions'].includes(from);
  for (const { specifier, line, typeOnly } of importsOf(source, file)) {
    const flag = (rule: string) => out.push({ file, line, specifier, rule });
    if (specifier === '<computed>') {
      if (product && !test) flag('imports name a fixed path (a computed import() or require() cannot be checked)');
      continue;
    }
    const to = target(file, specifier);
    const into = to ? areaOf(to) : 'package';
    const clientSide = (a: string) => a === 'services' || a === 'subpackage' || a === 'client';
    const serverSide = (a: string) => !['types', 'package', 'services', 'subpackage', 'client', 'tools', 'tests', 'other'].includes(a);

    if (from === 'types') {
      if (into !== 'types' && into !== 'package') flag('types/ imports neither side (only types/ and packages)');
      continue;
    }
    if (clientSide(from)) {
      if (serverSide(into)) flag('the client imports no server code');
      if (!test && (into === 'tools' || into === 'tests')) flag('the client imports no scripts, benchmarks or test code');
      if (specifier === '@hg/types' && !typeOnly) flag('the client imports values from @hg/types/<file>, not the index');
      if (test) continue;
      if (from === 'subpackage' && into === 'subpackage' && to!.split('/')[2] !== file.split('/')[2])
        flag('client subpackages never import each other');
      if (from === 'services' && (to === 'src/routes' || into === 'subpackage' || under(to ?? '', 'src/pages')))
        flag('services never import routes or pages');
      continue;
    }
    if (clientSide(into)) flag('server code and tools import no client code');
    if (test) continue;
    if ((into === 'tools' || into === 'tests') && from !== 'tools') flag('product code imports no scripts, benchmarks or test code');

    switch (from) {
      case 'core':
        if (serverSide(into) && into !== 'core') flag('core imports no module, composition root, seed, migration, gateway or function');
        break;
      case 'migrations':
        if (serverSide(into) && into !== 'migrations' && into !== 'core') flag('migrations import only migrations, core and types (never entities)');
        break;
      case 'module': {
        const mine = moduleOf(file)!;
        if (into === 'app' || into === 'wiring' || into === 'registry' || into === 'root') flag('no module imports app.ts, wiring.ts, the registry or an entry point');
        else if (into === 'seed') flag('no module imports the seed');
        else if (into === 'migrations' && !(file === `cloud/src/modules/${mine}/index.ts` && under(to!, `cloud/src/modules/${mine}/migrations`)))
          flag('no module imports a migration (only its index.ts lists its own)');
        else if (into === 'gateway' || into === 'functions') flag('no module imports the gateway or a deployed function');
        // A public surface is functions: other modules never get a table to query, join or write.
        if (file === `cloud/src/modules/${mine}/public.ts` && to && ENTITY_FILE.test(to))
          flag('public.ts exports functions, never an entity class (*.entity.ts, entities.ts)');
        if (into !== 'module') break;
        const other = moduleOf(to!)!;
        if (other === mine) break;
        const isIndex = file === `cloud/src/modules/${mine}/index.ts`;
        if (!throughSurface(to!, isIndex)) flag(`modules use ${other} only through ${other}/public`);
        if (!(other in MODULE_RANK)) flag(`${other} has no rank in MODULE_RANK`);
        else if (!(mine in MODULE_RANK)) flag(`${mine} has no rank in MODULE_RANK`);
        else if (MODULE_RANK[other] >= MODULE_RANK[mine])
          flag(`modules import only downward: ${mine} (rank ${MODULE_RANK[mine]}) may not import ${other} (rank ${MODULE_RANK[other]})`);
        break;
      }
      case 'functions':
        if (into === 'app') flag('a deployed function imports wiring.ts, never app.ts (it would bundle every module)');
        else if (into === 'seed' || into === 'gateway' || into === 'migrations' || into === 'root')
          flag('a deployed function carries no seed, gateway, entry point or migration of its own');
        else if (into === 'module' && !throughSurface(to!, true)) flag('a deployed function names modules by their index.ts');
        break;
      case 'app':
      case 'wiring':
      case 'registry':
      case 'root':
      case 'gateway':
      case 'seed':
        if (into === 'module' && !throughSurface(to!, true)) flag('composition code uses a module through its index.ts or public.ts');
        if (into === 'functions') flag('composition code never imports a deployed function');
        if ((from === 'app' || from === 'wiring' || from === 'registry') && (into === 'seed' || into === 'gateway' || into === 'root'))
          flag('app.ts, wiring.ts and registry.ts import modules, migrations and core only');
        else if (from === 'registry' && into !== 'module' && into !== 'core' && into !== 'types' && into !== 'package') flag('registry.ts lists modules only');
        if (from === 'seed' && (into === 'gateway' || into === 'root')) flag('the seed imports no gateway or entry point');
        break;
      default:
        break;
    }
  }
  return out;
}

/** Modules each module actually uses (imports of another module outside its index.ts's declaration). */
export function moduleUses(files: ReadonlyArray<{ file: string; source: string }>): Map<string, Map<string, { file: string; line: number }>> {
  const uses = new Map<string, Map<string, { file: string; line: number }>>();
  for (const { file, source } of files) {
    const mine = moduleOf(file);
    if (!mine || isTest(file)) continue;
    const isIndex = file === `cloud/src/modules/${mine}/index.ts`;
    for (const { specifier, line } of importsOf(source, file)) {
      const to = target(file, specifier);
      const other = to && moduleOf(to);
      if (!other || other === mine) continue;
      if (isIndex && restOf(to, other) === '') continue; // the `requires` declaration itself
      const mod = uses.get(mine) ?? new Map();
      if (!mod.has(other)) mod.set(other, { file, line });
      uses.set(mine, mod);
    }
  }
  return uses;
}

/**
 * A module's imports match its declared `requires`: every module it uses is declared (so its
 * function bundle carries that module's tables) and every declared module is used.
 */
export function checkRequires(
  files: ReadonlyArray<{ file: string; source: string }>,
  requires: Record<string, readonly string[]>,
): Violation[] {
  const out: Violation[] = [];
  const uses = moduleUses(files);
  const modules = new Set([...Object.keys(requires), ...uses.keys()]);
  for (const mine of modules) {
    const declared = requires[mine] ?? [];
    const used = uses.get(mine) ?? new Map();
    for (const [other, at] of used)
      if (!declared.includes(other)) out.push({ ...at, specifier: other, rule: `${mine} uses ${other} but does not declare it in requires` });
    const index = `cloud/src/modules/${mine}/index.ts`;
    const source = files.find((f) => f.file === index)?.source ?? '';
    const line = source.split('\n').findIndex((l) => /\brequires\s*:/.test(l)) + 1;
    for (const other of declared)
      if (!used.has(other)) out.push({ file: index, line, specifier: other, rule: `${mine} declares ${other} in requires but never uses it` });
  }
  return out;
}

/** Every .ts/.tsx file under the given repository folders. */
export function sourceFiles(root: string, folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'yardstick') walk(rel);
      } else if (/\.(tsx?|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  folders.forEach(walk);
  return out;
}

export const CHECKED_FOLDERS = ['types', 'src', 'cloud/src', 'cloud/gateway', 'cloud/functions', 'scripts', 'bench'];

const isDebt = (v: Violation) => KNOWN_DEBT.some((d) => d.file === v.file && d.specifier === v.specifier);

/**
 * Every violation in the tree, known debt left out. `requires` maps each module's name to the
 * names of the modules its DomainModule declares (read from cloud/src/app.ts by the test).
 */
export function checkTree(root: string, requires: Record<string, readonly string[]>): { violations: Violation[]; debt: Violation[] } {
  const files = sourceFiles(root, CHECKED_FOLDERS).map((file) => ({ file, source: fs.readFileSync(path.join(root, file), 'utf8') }));
  const all = [...files.flatMap(({ file, source }) => checkFile(file, source)), ...checkRequires(files, requires)];
  const folders = fs.readdirSync(path.join(root, 'cloud/src/modules'), { withFileTypes: true }).filter((e) => e.isDirectory());
  for (const { name } of folders) {
    if (!(name in MODULE_RANK)) all.push({ file: `cloud/src/modules/${name}`, line: 0, specifier: name, rule: `${name} has no rank in MODULE_RANK` });
    if (!(name in requires)) all.push({ file: `cloud/src/modules/${name}/index.ts`, line: 0, specifier: name, rule: `${name} is not listed in MODULES (cloud/src/app.ts)` });
  }
  return { violations: all.filter((v) => !isDebt(v)), debt: all.filter(isDebt) };
}

/** `file:line  rule  (specifier)`, one violation a line, for a readable failure. */
export const formatViolations = (vs: Violation[]) => vs.map((v) => `${v.file}:${v.line}  ${v.rule}  ('${v.specifier}')`).join('\n');
