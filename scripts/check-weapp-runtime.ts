/**
 * `npm run check:weapp-runtime` (after `npm run build:weapp`): proves that the built mini-program
 * starts, without WeChat DevTools. It loads `dist/weapp` into a simulated WeChat logic layer
 * (scripts/weapp-runtime/: a `vm` sandbox with a fake `wx` and `App`/`Page`/`Component`), launches
 * the app (onLaunch, onShow), then opens every main-package page and the first page of every
 * subpackage (onLoad → onShow → onReady), waits until each settles, and fails on any thrown error,
 * unhandled rejection or console.error from the app, on a page whose rendered tree holds no text,
 * or on a rendered node for which base.wxml has no template (WeChat would show nothing there).
 *
 * Every cloud call is answered "not logged in" (UNAUTHENTICATED), then, in a second pass, the cloud
 * is unreachable: each page must render something in both.
 *
 * Options:
 *   --all            open every page of every subpackage, not only the first
 *   --isolate        a fresh runtime (and app launch) for every page instead of one shared runtime
 *   --cloud=MODE     only one pass: `unauthenticated` or `offline`
 *   --page=ROUTE     only this page (repeatable)
 *   --verbose        print the app's console output and each issue as it happens
 *   --self-test      only check the checker, with the full table: feed it deliberately broken
 *                    builds (page throws, renders nothing, rejects, …) and expect each to be caught.
 *                    A normal run does this first too and prints one line.
 *   --no-self-test   skip that
 *   --dist=DIR       another build folder (default dist/weapp)
 */
import fs from 'node:fs';
import path from 'node:path';
import { WeappSimulator, type Issue, type PageResult } from './weapp-runtime/simulator';
import type { CloudMode } from './weapp-runtime/fake-wx';

const ROOT = path.resolve(__dirname, '..');

interface Args {
  all: boolean;
  isolate: boolean;
  cloud: CloudMode[];
  pages: string[];
  verbose: boolean;
  selfTest: boolean;
  noSelfTest: boolean;
  dist: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    all: false,
    isolate: false,
    cloud: ['unauthenticated', 'offline'],
    pages: [],
    verbose: false,
    selfTest: false,
    noSelfTest: false,
    dist: path.join(ROOT, 'dist', 'weapp'),
  };
  for (const arg of argv) {
    const [k, v] = arg.split('=', 2) as [string, string | undefined];
    if (k === '--all') a.all = true;
    else if (k === '--isolate') a.isolate = true;
    else if (k === '--verbose') a.verbose = true;
    else if (k === '--self-test') a.selfTest = true;
    else if (k === '--no-self-test') a.noSelfTest = true;
    else if (k === '--page' && v) a.pages.push(v.replace(/^\//, ''));
    else if (k === '--dist' && v) a.dist = path.resolve(v);
    else if (k === '--cloud' && (v === 'unauthenticated' || v === 'offline')) a.cloud = [v];
    else {
      process.stderr.write(`unknown option: ${arg}\n`);
      process.exit(2);
    }
  }
  return a;
}

// --- output helpers -----------------------------------------------------------------------------

/** Terminal width of a string: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}
const pad = (s: string, n: number, right = false): string => (right ? ' '.repeat(Math.max(0, n - width(s))) + s : s + ' '.repeat(Math.max(0, n - width(s))));

function table(headers: string[], rows: string[][], rightAligned: number[]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => pad(c, widths[i], rightAligned.includes(i)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The message, plus where in the bundle it was thrown when the stack says so. */
const firstLine = (s: string): string => {
  const [head, ...rest] = s.split('\n');
  const at = rest.map((l) => /\(?(\/[^\s()]+\.js):(\d+):(\d+)\)?/.exec(l)).find(Boolean);
  const where = at ? ` (at ${rel(at[1])}:${at[2]}:${at[3]})` : '';
  return head.slice(0, 200) + where;
};
const rel = (p: string): string => {
  const r = path.relative(ROOT, p);
  return r.startsWith('..') ? p : r;
};

// --- the check ----------------------------------------------------------------------------------

function assertBuilt(dist: string): void {
  const appJson = path.join(dist, 'app.json');
  if (!fs.existsSync(appJson) || !fs.existsSync(path.join(dist, 'app.js'))) {
    process.stderr.write(`✖ ${rel(dist)}/app.json or app.js is missing: run \`npm run build:weapp\` first.\n`);
    process.exit(2);
  }
  // A stale build proves nothing about the current sources: say so (not fatal, the lead may want it).
  const builtAt = fs.statSync(appJson).mtimeMs;
  let newest = { file: '', at: 0 };
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.test\.tsx?$|test-utils|test-fixtures/.test(p)) {
        const at = fs.statSync(p).mtimeMs;
        if (at > newest.at) newest = { file: p, at };
      }
    }
  };
  for (const d of ['src', 'types']) if (fs.existsSync(path.join(ROOT, d))) walk(path.join(ROOT, d));
  if (newest.at > builtAt) {
    process.stdout.write(`⚠ ${path.relative(ROOT, newest.file)} is newer than the build: rebuild (npm run build:weapp) to check current sources.\n`);
  }
}

function routesToOpen(sim: WeappSimulator, args: Args): string[] {
  const app = sim.readAppJson();
  const subs = app.subPackages ?? app.subpackages ?? [];
  const routes = [...app.pages];
  for (const sub of subs) {
    const pages = args.all ? sub.pages : sub.pages.slice(0, 1);
    for (const p of pages) routes.push(path.posix.join(sub.root, p));
  }
  if (args.pages.length) return args.pages;
  return routes;
}

interface PassResult {
  cloud: CloudMode;
  appIssues: Issue[];
  pages: PageResult[];
  ms: number;
}

async function runPass(args: Args, cloud: CloudMode, onlyRoutes?: string[]): Promise<PassResult> {
  const started = Date.now();
  const make = (): WeappSimulator => new WeappSimulator({ distDir: args.dist, cloudMode: cloud, verbose: args.verbose });
  let sim = make();
  const routes = onlyRoutes ?? routesToOpen(sim, args);
  const entry = sim.readAppJson().pages[0];
  await sim.launchApp(entry);
  const appIssues = [...sim.issues];
  const pages: PageResult[] = [];
  for (const route of routes) {
    if (args.isolate && pages.length > 0) {
      sim.dispose();
      sim = make();
      await sim.launchApp(route);
      if (sim.issues.length) appIssues.push(...sim.issues);
    }
    pages.push(await sim.openPage(route));
  }
  sim.dispose();
  return { cloud, appIssues, pages, ms: Date.now() - started };
}

function report(pass: PassResult): number {
  const out: string[] = [];
  out.push(`\n● cloud: ${pass.cloud === 'unauthenticated' ? 'every call answers UNAUTHENTICATED (not logged in)' : 'unreachable (callFunction rejects)'}`);
  const rows = pass.pages.map((p) => [
    p.issues.length ? '✖' : '✔',
    p.route,
    String(p.stats.nodes),
    String(p.stats.textNodes),
    `${p.renderMs}${p.busy ? '+ (busy)' : ''}`,
    String(p.cloudCalls.length),
    p.stats.sample || '—',
  ]);
  out.push(table(['', 'page', 'nodes', 'texts', 'render ms', 'cloud calls', 'text sample'], rows, [2, 3, 4, 5]));
  let failures = pass.appIssues.length;
  for (const i of pass.appIssues) out.push(`  ✖ app launch — ${i.kind}: ${firstLine(i.message)}`);
  for (const p of pass.pages) {
    for (const i of p.issues) {
      failures++;
      out.push(`  ✖ ${p.route} — ${i.kind}: ${firstLine(i.message)}`);
    }
    for (const w of p.warnings) out.push(`  ⚠ ${p.route} — console.warn: ${firstLine(w)}`);
    if (p.busy) out.push(`  ⚠ ${p.route} — still updating after the wait limit (a timer that keeps re-rendering?)`);
  }
  const navs = pass.pages.filter((p) => p.navigations.length).map((p) => `${p.route} → ${[...new Set(p.navigations)].join(', ')}`);
  if (navs.length) out.push(`  navigations asked for (recorded, not followed): ${navs.join('; ')}`);
  out.push(`  ${pass.pages.length} pages, ${failures} failure(s), ${(pass.ms / 1000).toFixed(1)} s`);
  process.stdout.write(out.join('\n') + '\n');
  return failures;
}

// --- self-test ----------------------------------------------------------------------------------

/**
 * Taro emits each page as `createPageConfig(Component, "route", {root:{cn:[]}}, config)`, minified to
 * `(0,x.y)(C,"pages/home/index",…`. Swapping `C` for another function breaks the page on purpose.
 */
function swapComponent(route: string, replacement: string) {
  const re = new RegExp(`\\(0,([\\w$]+)\\.([\\w$]+)\\)\\(([\\w$]+),"${route.replace(/\//g, '\\/')}",`);
  return (rel: string, src: string): string => {
    if (rel !== `${route}.js`) return src;
    if (!re.test(src)) throw new Error(`self-test: cannot find createPageConfig(…, "${route}") in ${rel}; Taro's output format changed`);
    return src.replace(re, (_m, a: string, b: string) => `(0,${a}.${b})(${replacement},"${route}",`);
  };
}

/** Renames the template that prints a text node (`<block>{{i.v}}</block>`) so no text node has one. */
function dropTextTemplate(rel: string, src: string): string {
  if (rel !== 'base.wxml') return src;
  const re = /<template name="([^"]+)">(\s*<block>\{\{i\.v\}\}<\/block>)/;
  if (!re.test(src)) throw new Error('self-test: no text template (<block>{{i.v}}</block>) in base.wxml; Taro changed its templates');
  return src.replace(re, '<template name="removed_by_self_test">$2');
}

interface SelfCase {
  name: string;
  expect: Issue['kind'][];
  transform?: (rel: string, src: string) => string;
  route?: string;
}

async function selfTest(args: Args, full: boolean): Promise<number> {
  const probe = new WeappSimulator({ distDir: args.dist });
  const route = probe.readAppJson().pages[0];
  probe.dispose();
  const cases: SelfCase[] = [
    { name: 'unchanged page (control: must pass)', expect: [] },
    {
      name: 'page module throws while loading',
      expect: ['load'],
      transform: (rel, src) => (rel === `${route}.js` ? `throw new Error("self-test: module throws");\n${src}` : src),
    },
    {
      name: 'page file never calls Page()',
      expect: ['not-registered'],
      transform: (rel, src) => (rel === `${route}.js` ? src.replace(/\bPage\(([\w$]+)\)/, 'void $1') : src),
    },
    {
      name: 'app.js throws while loading',
      expect: ['load'],
      transform: (rel, src) => (rel === 'app.js' ? `${src}\nthrow new Error("self-test: app throws");` : src),
    },
    {
      name: 'component throws in render',
      expect: ['uncaught', 'console.error'],
      transform: swapComponent(route, 'function(){throw new Error("self-test: render throws")}'),
    },
    { name: 'component renders nothing', expect: ['empty'], transform: swapComponent(route, 'function(){return null}') },
    {
      name: 'timer throws after rendering',
      expect: ['uncaught'],
      transform: swapComponent(route, 'function(){setTimeout(function(){throw new Error("self-test: late throw")},50);return "text"}'),
    },
    {
      name: 'unhandled promise rejection',
      expect: ['unhandledrejection'],
      transform: swapComponent(route, 'function(){Promise.reject(new Error("self-test: rejection"));return "text"}'),
    },
    { name: 'base.wxml lacks the text template', expect: ['template'], transform: dropTextTemplate },
    {
      name: 'console.error while rendering',
      expect: ['console.error'],
      transform: swapComponent(route, 'function(){console.error("self-test: logged error");return "text"}'),
    },
  ];
  const rows: string[][] = [];
  let wrong = 0;
  for (const c of cases) {
    const sim = new WeappSimulator({ distDir: args.dist, transform: c.transform, verbose: args.verbose });
    let caught: Issue[] = [];
    try {
      await sim.launchApp(route);
      if (!sim.issues.some((i) => i.kind === 'load')) await sim.openPage(route);
      caught = sim.issues;
    } catch (e) {
      caught = [{ scope: 'self-test', kind: 'load', message: String(e) }];
    } finally {
      sim.dispose();
    }
    const kinds = [...new Set(caught.map((i) => i.kind))];
    const ok = c.expect.length === 0 ? caught.length === 0 : c.expect.some((k) => kinds.includes(k));
    if (!ok) wrong++;
    rows.push([
      ok ? '✔' : '✖',
      c.name,
      c.expect.length ? c.expect.join(' or ') : 'no failure',
      kinds.join(', ') || 'no failure',
      caught[0] ? firstLine(caught[0].message).slice(0, 60) : '',
    ]);
  }
  if (full || wrong) {
    process.stdout.write(`● self-test: the checker against deliberately broken builds of ${route}\n`);
    process.stdout.write(table(['', 'case', 'expected', 'reported', 'first message'], rows, []) + '\n');
  }
  process.stdout.write(
    wrong
      ? `✖ self-test: ${wrong} of ${cases.length - 1} deliberately broken builds were not caught as expected\n`
      : `✔ self-test: the checker caught all ${cases.length - 1} deliberately broken builds of ${route} and passed the unchanged one\n`,
  );
  return wrong;
}

// --- main ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  assertBuilt(args.dist);
  const started = Date.now();
  if (args.selfTest) {
    const wrong = await selfTest(args, true);
    process.stdout.write(`(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    process.exit(wrong ? 1 : 0);
  }
  // A checker that cannot see a broken page proves nothing: check the checker first.
  let failures = args.noSelfTest ? 0 : await selfTest(args, false);
  process.stdout.write(
    `Simulated WeChat runtime: ${rel(args.dist)} (${args.isolate ? 'fresh runtime per page' : 'one runtime, pages opened one after another'})\n`,
  );
  for (const cloud of args.cloud) failures += report(await runPass(args, cloud));
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (failures) {
    process.stdout.write(`\n✖ weapp runtime check failed: ${failures} problem(s) (${secs} s). Re-run with --verbose for the app's console output.\n`);
    process.exit(1);
  }
  process.stdout.write(`\n✔ app launched and every page rendered text, with no uncaught error, rejection or console.error (${secs} s)\n`);
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`check-weapp-runtime crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(2);
});
