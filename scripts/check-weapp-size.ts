/**
 * `npm run size:weapp` (after `npm run build:weapp`): what WeChat will count against the package
 * limits. Files under a subpackage root (app.json `subPackages[].root`) belong to that subpackage,
 * everything else to the main package. Fails when any package exceeds WeChat's 2 MB; warns when
 * the main package is over our 600 KB target (it holds the runtime and the tab pages, so every
 * byte there is paid on the first open). Writes dist/weapp-size.json for bench/.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const WEAPP = path.join(ROOT, 'dist', 'weapp');
export const SIZE_REPORT = path.join(ROOT, 'dist', 'weapp-size.json');

/** WeChat's hard limit per package, main or sub (RECIPES: WeChat cloud). */
export const PACKAGE_LIMIT = 2 * 1024 * 1024;
/** Our own budget for the main package. */
export const MAIN_TARGET = 600 * 1024;

/** DevTools' own settings are not uploaded as code. */
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json']);

interface PackRule {
  type: string;
  value: string;
}

export interface WeappSize {
  measuredAt: string;
  main: number;
  subpackages: { root: string; bytes: number }[];
  total: number;
  limit: number;
  mainTarget: number;
}

/** packOptions.ignore from project.config.json: files DevTools leaves out of the upload. */
function uploadIgnores(): (rel: string) => boolean {
  let rules: PackRule[] = [];
  try {
    rules = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')).packOptions?.ignore ?? [];
  } catch {
    rules = [];
  }
  return (rel) =>
    rules.some((r) => {
      const name = path.posix.basename(rel);
      if (r.type === 'suffix') return name.endsWith(r.value);
      if (r.type === 'prefix') return name.startsWith(r.value);
      if (r.type === 'file') return rel === r.value.replace(/^\.?\//, '');
      if (r.type === 'folder') return rel.startsWith(`${r.value.replace(/^\.?\/|\/$/g, '')}/`);
      return false;
    });
}

function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full, base);
    return e.isFile() ? [path.relative(base, full).split(path.sep).join('/')] : [];
  });
}

export function measureWeapp(dir = WEAPP): WeappSize {
  const appJson = path.join(dir, 'app.json');
  if (!fs.existsSync(appJson)) throw new Error(`${path.relative(ROOT, appJson)} is missing: run npm run build:weapp first`);
  const app = JSON.parse(fs.readFileSync(appJson, 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((s) => s.root.replace(/^\.?\/|\/$/g, ''));
  const bytes = new Map<string, number>(roots.map((r) => [r, 0]));
  const ignored = uploadIgnores();
  let main = 0;
  for (const rel of walk(dir)) {
    if (NOT_UPLOADED.has(rel) || ignored(rel)) continue;
    const size = fs.statSync(path.join(dir, rel)).size;
    const root = roots.find((r) => rel.startsWith(`${r}/`));
    if (root) bytes.set(root, bytes.get(root)! + size);
    else main += size;
  }
  const subpackages = roots.map((root) => ({ root, bytes: bytes.get(root)! }));
  return {
    measuredAt: new Date().toISOString(),
    main,
    subpackages,
    total: main + subpackages.reduce((s, p) => s + p.bytes, 0),
    limit: PACKAGE_LIMIT,
    mainTarget: MAIN_TARGET,
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function cli() {
  const size = measureWeapp();
  fs.writeFileSync(SIZE_REPORT, `${JSON.stringify(size, null, 2)}\n`);
  const rows: [string, number][] = [['main package', size.main], ...size.subpackages.map((p): [string, number] => [p.root, p.bytes]), ['total', size.total]];
  const width = Math.max(...rows.map(([n]) => n.length));
  for (const [name, bytes] of rows) {
    const over = name !== 'total' && bytes > PACKAGE_LIMIT ? '  OVER 2 MB' : '';
    console.log(`${name.padEnd(width)}  ${kb(bytes).padStart(10)}${over}`);
  }
  const failures = rows.filter(([name, bytes]) => name !== 'total' && bytes > PACKAGE_LIMIT);
  if (failures.length) {
    console.error(`size:weapp: ${failures.map(([n]) => n).join(', ')} over WeChat's 2 MB package limit`);
    process.exit(1);
  }
  if (size.main > MAIN_TARGET) console.warn(`warning: main package ${kb(size.main)} is over the ${kb(MAIN_TARGET)} target`);
  console.log(`written ${path.relative(ROOT, SIZE_REPORT)}`);
}

if (require.main === module) {
  try {
    cli();
  } catch (err) {
    console.error('size:weapp failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
