import fs from 'node:fs';
import path from 'node:path';

/**
 * The architecture's import rules, checked over the source tree (docs/architecture.md):
 *
 * - `types/` imports neither the client nor the server;
 * - the client (`src/`) imports no server code, and takes values from `@hg/types/<file>`, never
 *   the `@hg/types` index (that would pull zod into the mini-program); type-only imports are fine;
 * - `cloud/src/core/` imports no module, no composition root, no seed;
 * - the identity kernel imports only core;
 * - a module uses another module only through its `public.ts` (module definitions in `index.ts`
 *   may name the modules they require through their `index.ts`).
 */
export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Import {
  specifier: string;
  typeOnly: boolean;
}

export function importsOf(source: string): Import[] {
  const out: Import[] = [];
  for (const m of source.matchAll(IMPORT)) out.push({ specifier: m[3], typeOnly: !!m[2] });
  for (const m of source.matchAll(DYNAMIC)) out.push({ specifier: m[1], typeOnly: false });
  return out;
}

/** Repository-relative path an import points at (without extension), or null for a package. */
function target(file: string, specifier: string): string | null {
  if (specifier === '@hg/types') return 'types/index';
  if (specifier.startsWith('@hg/types/')) return `types/${specifier.slice('@hg/types/'.length)}`;
  if (!specifier.startsWith('.')) return null;
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
}

const moduleOf = (p: string) => /^cloud\/src\/modules\/([^/]+)\//.exec(`${p}/`)?.[1] ?? null;

/** Check one file's imports; `file` is repository-relative with forward slashes. */
export function checkFile(file: string, source: string): Violation[] {
  const out: Violation[] = [];
  const flag = (specifier: string, rule: string) => out.push({ file, specifier, rule });
  for (const { specifier, typeOnly } of importsOf(source)) {
    const to = target(file, specifier);
    if (file.startsWith('types/')) {
      if (to && (to.startsWith('src/') || to.startsWith('cloud/'))) flag(specifier, 'types/ imports neither side');
      continue;
    }
    if (file.startsWith('src/')) {
      if (to?.startsWith('cloud/')) flag(specifier, 'the client imports no server code');
      if (specifier === '@hg/types' && !typeOnly) flag(specifier, 'the client imports values from @hg/types/<file>, not the index');
      continue;
    }
    if (!to || !to.startsWith('cloud/src/')) continue;
    if (file.startsWith('cloud/src/core/')) {
      if (!to.startsWith('cloud/src/core/')) flag(specifier, 'core imports no module');
      continue;
    }
    const from = moduleOf(file);
    const into = moduleOf(to);
    if (!from || !into || from === into) continue;
    if (from === 'identity') {
      flag(specifier, 'the identity kernel depends on core only');
      continue;
    }
    const rest = to.slice(`cloud/src/modules/${into}/`.length);
    const isIndexFile = file.endsWith(`/modules/${from}/index.ts`);
    if (rest === 'public' || (isIndexFile && (rest === 'index' || rest === ''))) continue;
    flag(specifier, `modules use ${into} only through ${into}/public`);
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
        if (entry.name !== 'node_modules') walk(rel);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  folders.forEach(walk);
  return out;
}

export function checkTree(root: string): Violation[] {
  return sourceFiles(root, ['types', 'src', 'cloud/src']).flatMap((f) => checkFile(f, fs.readFileSync(path.join(root, f), 'utf8')));
}
