/**
 * `npm run build:cloud`: every cloud/functions/<name>/index.ts becomes one deployable folder,
 *
 *   dist/cloudfunctions/<name>/app.js        one esbuild bundle (CommonJS, exports `main`)
 *   dist/cloudfunctions/<name>/app.cache     V8's code cache for app.js, made by running its top level
 *                                            with this Node (or `--node=/path/to/the/platform's/node`)
 *   dist/cloudfunctions/<name>/index.js      the loader: app.js compiled with app.cache, which V8
 *                                            rejects (and the loader ignores) on another V8 version
 *   dist/cloudfunctions/<name>/package.json  only wx-server-sdk, installed by the cloud on upload
 *   dist/cloudfunctions/<name>/config.json   copied from cloud/functions/<name>/config.json (openapi permissions, triggers)
 *
 * which WeChat DevTools uploads from `cloudfunctionRoot` (project.config.json) with
 * "上传并部署：云端安装依赖". Everything else — TypeORM, mysql2, zod, our code — is inside app.js.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build, type Metafile, type Plugin } from 'esbuild';
import { addCodeCache } from './lib/code-cache';

const ROOT = path.resolve(__dirname, '..');
export const FUNCTIONS_DIR = path.join(ROOT, 'cloud', 'functions');
export const OUT_DIR = path.join(ROOT, 'dist', 'cloudfunctions');

/** The SDK the WeChat runtime installs from the function's package.json (RECIPES: WeChat cloud). */
const WX_SERVER_SDK_VERSION = '~4.0.2';

/**
 * Optional drivers TypeORM can load. TypeORM requires them by a computed name at run time, so
 * esbuild never sees them; they are listed so that a future static import of any of them stays a
 * run-time require instead of dragging a native module into the bundle. better-sqlite3 is only
 * loaded for the local SQLite default, never when MYSQL_URL is set (the deployed case).
 */
const EXTERNAL = [
  'wx-server-sdk',
  'better-sqlite3',
  'sqlite3',
  'sql.js',
  'pg',
  'pg-native',
  'pg-query-stream',
  'oracledb',
  'mssql',
  'mongodb',
  'mysql',
  'redis',
  'ioredis',
  '@sap/hana-client',
  'hdb-pool',
  'typeorm-aurora-data-api-driver',
  'react-native-sqlite-storage',
  '@google-cloud/spanner',
  '@capacitor-community/sqlite',
  'expo-sqlite',
];

/** The WeChat cloud runtime we target: Node 16 is the oldest runtime the console still offers. */
const TARGET = 'node16';

/**
 * TypeORM loads its driver with `require(name)` on a computed name, which a bundler cannot follow:
 * the deployed function would have no mysql2. This rewrites the one loader so mysql2 becomes a
 * static require (bundled), leaving every other driver a run-time lookup.
 */
const bundleMysqlDriver: Plugin = {
  name: 'typeorm-bundle-mysql2',
  setup(b) {
    b.onLoad({ filter: /[\\/]typeorm[\\/]platform[\\/]PlatformTools\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const anchor = 'static load(name) {';
      if (!source.includes(anchor)) {
        throw new Error(`${args.path}: "${anchor}" not found — TypeORM changed its driver loader; update scripts/build-cloud.ts`);
      }
      return { contents: source.replace(anchor, `${anchor}\n        if (name === "mysql2") return require("mysql2");`), loader: 'js' };
    });
  },
};

/**
 * TypeORM's DriverFactory requires all 17 drivers up front (~550 KB of a bundle, parsed on every
 * cold start). We only ever create the three dialects data-source.ts can choose; this replaces the
 * factory with one that knows those three and requires each driver only when it is created.
 */
const KEPT_DRIVERS: Record<string, string> = {
  mysql: './mysql/MysqlDriver',
  mariadb: './mysql/MysqlDriver',
  'better-sqlite3': './better-sqlite3/BetterSqlite3Driver',
};
const trimTypeormDrivers: Plugin = {
  name: 'typeorm-only-our-drivers',
  setup(b) {
    b.onLoad({ filter: /[\\/]typeorm[\\/]driver[\\/]DriverFactory\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      for (const [type, file] of Object.entries(KEPT_DRIVERS)) {
        const cls = path.basename(file);
        if (!source.includes(`case "${type}":`) || !source.includes(`require("${file}")`) || !source.includes(`.${cls}(dataSource)`)) {
          throw new Error(`${args.path}: driver "${type}" not found as expected — TypeORM changed its DriverFactory; update scripts/build-cloud.ts`);
        }
      }
      const cases = Object.entries(KEPT_DRIVERS)
        .map(([type, file]) => `      case ${JSON.stringify(type)}: return new (require(${JSON.stringify(file)}).${path.basename(file)})(dataSource);`)
        .join('\n');
      const contents = `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DriverFactory = void 0;
const MissingDriverError_1 = require("../error/MissingDriverError");
/** Trimmed by scripts/build-cloud.ts: only the dialects the cloud functions can choose. */
class DriverFactory {
  create(dataSource) {
    const { type } = dataSource.options;
    switch (type) {
${cases}
      default: throw new MissingDriverError_1.MissingDriverError(type, ${JSON.stringify(Object.keys(KEPT_DRIVERS))});
    }
  }
}
exports.DriverFactory = DriverFactory;
`;
      return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

/**
 * Deployed functions never migrate (`npm run db:migrate` is a deliberate step; `wire()` gives them
 * no migrations), yet every module's index.ts names its migration classes, so each bundle carried
 * the DDL of its closure — about 4 KB of the `me` function's own code. A migration file loads as
 * an empty class of the same name; the one place that runs migrations (app.ts, the migrate CLI,
 * the tests) is never bundled. Exported for the deployables test, which measures what is deployed.
 */
const MIGRATION_FILE = /[\\/]cloud[\\/]src[\\/](?:modules[\\/]\w+[\\/])?migrations[\\/]\d+-[\w-]+\.ts$/;
export const dropMigrations: Plugin = {
  name: 'drop-migrations',
  setup(b) {
    b.onLoad({ filter: MIGRATION_FILE }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const names = [...source.matchAll(/export class (\w+)/g)].map((m) => m[1]);
      if (!names.length) throw new Error(`${args.path}: no exported migration class`);
      const contents = names
        .map((n) => `export class ${n} { up() { throw new Error('${n}: deployed functions do not migrate; run npm run db:migrate'); } }`)
        .join('\n');
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * zod's `z.locales` namespace drags in all ~50 translations (~300 KB). types/schemas.ts selects
 * zhCN; keep that, English (zod's default) and Traditional Chinese, drop the rest.
 */
const KEPT_ZOD_LOCALES = new Set(['en', 'zhCN', 'zhTW']);
const trimZodLocales: Plugin = {
  name: 'zod-only-our-locales',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      const lines = source.split('\n').filter((line) => {
        const m = /^export \{ default as (\w+) \} from "\.\/[\w-]+\.js";$/.exec(line.trim());
        return !m || KEPT_ZOD_LOCALES.has(m[1]);
      });
      const kept = lines.filter((l) => l.startsWith('export')).length;
      if (kept !== KEPT_ZOD_LOCALES.size)
        throw new Error(`${args.path}: expected ${KEPT_ZOD_LOCALES.size} kept locales, got ${kept} — zod changed its locale index`);
      return { contents: lines.join('\n'), loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

export interface BuiltFunction {
  name: string;
  /** The bundle (app.js; index.js is the code-cache loader). */
  file: string;
  bytes: number;
  /** Size of app.cache, V8's code cache for app.js; null when none could be produced. */
  cacheBytes: number | null;
  /** Modules the bundle still requires at run time (Node built-ins excluded). */
  runtimeRequires: string[];
}

export function listFunctions(): string[] {
  return fs
    .readdirSync(FUNCTIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(FUNCTIONS_DIR, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

const BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/**
 * Run-time requires that may fail without harm: both sit in a try/catch of their package.
 * cardinal is mysql2's optional debug highlighter. (`require.resolve` calls, such as fdir's for
 * picomatch, are not loads and are skipped.)
 */
const OPTIONAL_AT_RUNTIME = new Set(['cardinal']);

function runtimeRequires(meta: Metafile, output: string): string[] {
  const out = meta.outputs[output];
  const names = out.imports
    .filter((i) => i.external && i.kind !== 'require-resolve' && !BUILTINS.has(i.path) && !OPTIONAL_AT_RUNTIME.has(i.path))
    .map((i) => i.path);
  return [...new Set(names)].sort();
}

/** Bytes each package (or our own folder) contributes to one output: `--analyze`. */
function contributions(meta: Metafile, output: string): [string, number][] {
  const by = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(meta.outputs[output].inputs)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const key = pkg ? pkg[1] : file.split('/').slice(0, 3).join('/');
    by.set(key, (by.get(key) ?? 0) + bytesInOutput);
  }
  return [...by].sort((a, b) => b[1] - a[1]);
}

export async function buildCloudFunctions(opts: { minify?: boolean; analyze?: boolean; node?: string } = {}): Promise<BuiltFunction[]> {
  const names = listFunctions();
  if (!names.length) throw new Error(`no functions found in ${path.relative(ROOT, FUNCTIONS_DIR)}`);
  fs.rmSync(OUT_DIR, { recursive: true, force: true });

  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(names.map((n) => [`${n}/index`, path.join(FUNCTIONS_DIR, n, 'index.ts')])),
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    target: TARGET,
    format: 'cjs',
    // TypeORM falls back to class names for metadata and error messages; keep them under minify.
    keepNames: true,
    minify: opts.minify ?? true,
    // No sourcemap: it would double the upload; stack traces keep function names (keepNames).
    legalComments: 'none',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    external: EXTERNAL,
    plugins: [bundleMysqlDriver, trimTypeormDrivers, trimZodLocales, dropMigrations],
    metafile: true,
    logLevel: 'warning',
  });

  const built: BuiltFunction[] = [];
  for (const name of names) {
    const dir = path.join(OUT_DIR, name);
    const file = path.join(dir, 'index.js');
    const output = path.relative(ROOT, file).split(path.sep).join('/');
    const requires = runtimeRequires(result.metafile, output);
    if (opts.analyze) {
      console.log(`\n${name}/index.js by package:`);
      for (const [key, bytes] of contributions(result.metafile, output).slice(0, 15)) console.log(`  ${kb(bytes).padStart(10)}  ${key}`);
    }
    const unexpected = requires.filter((r) => r !== 'wx-server-sdk');
    if (unexpected.length) throw new Error(`${name}: bundle still requires ${unexpected.join(', ')} at run time`);

    const pkg = {
      name: `hg-${name}`,
      version: '1.0.0',
      private: true,
      description: `红色管家 cloud function "${name}" (built by scripts/build-cloud.ts; do not edit)`,
      main: 'index.js',
      dependencies: { 'wx-server-sdk': WX_SERVER_SDK_VERSION },
    };
    fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

    // Each function declares its own openapi permissions and triggers in its config.json.
    const ownConfig = path.join(FUNCTIONS_DIR, name, 'config.json');
    if (!fs.existsSync(ownConfig)) throw new Error(`cloud/functions/${name}/config.json is missing (permissions and triggers live there)`);
    fs.copyFileSync(ownConfig, path.join(dir, 'config.json'));

    // index.js becomes the loader; the bundle moves to app.js with its V8 code cache beside it.
    const cache = addCodeCache(dir, opts.node);
    if (cache.cacheBytes === null) console.warn(`${name}: no code cache (${cache.error}); the loader compiles app.js from source`);
    const app = path.join(dir, 'app.js');
    built.push({ name, file: app, bytes: fs.statSync(app).size, cacheBytes: cache.cacheBytes, runtimeRequires: requires });
  }
  return built;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function cli() {
  const started = Date.now();
  const node = process.argv.find((a) => a.startsWith('--node='))?.slice('--node='.length);
  const built = await buildCloudFunctions({ minify: !process.argv.includes('--no-minify'), analyze: process.argv.includes('--analyze'), node });
  const width = Math.max(...built.map((b) => b.name.length), 8);
  console.log(`${'function'.padEnd(width)}  ${'app.js'.padStart(10)}  ${'app.cache'.padStart(10)}  run-time requires`);
  for (const b of built)
    console.log(
      `${b.name.padEnd(width)}  ${kb(b.bytes).padStart(10)}  ${(b.cacheBytes === null ? '—' : kb(b.cacheBytes)).padStart(10)}  ${b.runtimeRequires.join(', ') || '—'}`,
    );
  console.log(`built ${built.length} functions into ${path.relative(ROOT, OUT_DIR)}/ in ${Date.now() - started} ms`);
}

if (require.main === module) {
  cli().catch((err) => {
    console.error('build:cloud failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
