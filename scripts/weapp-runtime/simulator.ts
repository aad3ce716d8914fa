/**
 * A small simulated WeChat logic layer for a built Taro mini-program (`dist/weapp`).
 *
 * What WeChat gives a mini-program's JavaScript, reproduced just far enough for Taro + React:
 *  - every file is a CommonJS-like module with a `require` that resolves paths relative to the file
 *    (Taro's chunks call `require("./common")`, `require("../../sub-vendors.js")` …);
 *  - globals `wx`, `App`, `Page`, `Component`, `Behavior`, `getApp`, `getCurrentPages`, timers and
 *    `console`, and nothing of the browser (no `window`, `document`, `navigator`, `MessageChannel`);
 *  - `Page(config)` registers the page of the file being loaded; a page instance gets the config's
 *    methods, a copy of `data`, `route`, and `setData(paths, cb)`, whose payload is applied to
 *    `data` with WeChat's path semantics after crossing a JSON bridge.
 * The view layer (WXML templates, WXSS, layout) is not simulated: a page's rendered state is read
 * from its `data.root`, the tree Taro sends to the `base.wxml` templates.
 *
 * Everything runs in one `vm` context, so the app's code cannot see Node's globals (`process`,
 * `require`, `Buffer`, `setImmediate`), as on a phone.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { applySetData, treeStats, type TreeStats } from './set-data';
import { createFakeWx, type CloudMode } from './fake-wx';
import { loadTemplates, missingTemplates, type TemplateSet } from './templates';

export interface Issue {
  /** 'app', a page route, or 'app.json'. */
  scope: string;
  kind: 'load' | 'lifecycle' | 'uncaught' | 'unhandledrejection' | 'console.error' | 'empty' | 'not-registered' | 'template';
  message: string;
}

export interface SimOptions {
  distDir: string;
  cloudMode?: CloudMode;
  /** Rewrites a file's text before it is used (`rel` is relative to distDir, posix). Self-test only. */
  transform?: (rel: string, src: string) => string;
  /** A page counts as settled when nothing (setData, wx call) happened for this long. */
  quietMs?: number;
  /** Stop waiting for a page after this long, and report it as still busy. */
  maxWaitMs?: number;
  verbose?: boolean;
}

export interface PageResult {
  route: string;
  stats: TreeStats;
  /** onLoad → last setData before the page settled. */
  renderMs: number;
  setDataCalls: number;
  busy: boolean;
  cloudCalls: string[];
  navigations: string[];
  warnings: string[];
  issues: Issue[];
}

interface PageInstance extends Record<string, unknown> {
  data: Record<string, unknown>;
  route: string;
}

type AnyFn = (...args: unknown[]) => unknown;

const errText = (e: unknown): string => {
  if (e && typeof e === 'object' && 'stack' in e && typeof (e as { stack?: unknown }).stack === 'string') {
    return (e as { stack: string }).stack.split('\n').slice(0, 4).join('\n');
  }
  if (e && typeof e === 'object') {
    try {
      return JSON.stringify(e);
    } catch {
      /* fall through */
    }
  }
  return String(e);
};

const fmtArgs = (args: unknown[]): string =>
  args
    .map((a) => (typeof a === 'string' ? a : errText(a)))
    .join(' ')
    .slice(0, 600);

export class WeappSimulator {
  readonly issues: Issue[] = [];
  readonly warnings: { scope: string; message: string }[] = [];
  /** Where errors are attributed right now. */
  scope = 'app';

  private readonly dist: string;
  private readonly opts: Required<Omit<SimOptions, 'transform'>> & Pick<SimOptions, 'transform'>;
  private readonly context: vm.Context;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageConfigs = new Map<string, Record<string, unknown>>();
  private readonly pageStack: PageInstance[] = [];
  private appInstance: Record<string, unknown> | null = null;
  private registering: string | null = null;
  private lastActivity = Date.now();
  private lastSetData = 0;
  private setDataCount = 0;
  private calls: { api: string; detail?: string; scope: string }[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly intervals = new Set<ReturnType<typeof setInterval>>();
  private webviewId = 0;
  private templates: TemplateSet | null = null;
  private disposed = false;
  private readonly onUncaught = (e: unknown): void => this.issue('uncaught', errText(e));
  private readonly onRejection = (e: unknown): void => this.issue('unhandledrejection', errText(e));

  constructor(options: SimOptions) {
    this.dist = path.resolve(options.distDir);
    this.opts = { cloudMode: 'unauthenticated', quietMs: 300, maxWaitMs: 6000, verbose: false, ...options };
    const wx = createFakeWx({
      later: (fn, ms) => this.later(fn, ms ?? 0),
      record: (api, detail) => {
        this.lastActivity = Date.now();
        this.calls.push({ api, detail, scope: this.scope });
      },
      cloudMode: this.opts.cloudMode,
    });
    const sandbox: Record<string, unknown> = {
      wx,
      console: this.makeConsole(),
      setTimeout: (fn: unknown, ms?: number, ...args: unknown[]) => this.later(() => (fn as AnyFn)(...args), ms ?? 0),
      clearTimeout: (t: unknown) => {
        clearTimeout(t as ReturnType<typeof setTimeout>);
        this.timers.delete(t as ReturnType<typeof setTimeout>);
      },
      setInterval: (fn: unknown, ms?: number, ...args: unknown[]) => {
        const scope = () => this.scope;
        const t = setInterval(() => this.guard(scope(), () => (fn as AnyFn)(...args)), ms ?? 0);
        this.intervals.add(t);
        return t;
      },
      clearInterval: (t: unknown) => {
        clearInterval(t as ReturnType<typeof setInterval>);
        this.intervals.delete(t as ReturnType<typeof setInterval>);
      },
      App: (config: Record<string, unknown>) => {
        if (this.appInstance) this.issue('lifecycle', 'App() called twice');
        this.appInstance = config;
      },
      Page: (config: Record<string, unknown>) => {
        if (!this.registering) {
          this.issue('load', 'Page() called outside a page file');
          return;
        }
        this.pageConfigs.set(this.registering, config);
      },
      Component: (config: Record<string, unknown>) => config,
      Behavior: (config: Record<string, unknown>) => config,
      getApp: () => this.appInstance,
      getCurrentPages: () => [...this.pageStack],
      requirePlugin: (name: string) => {
        throw new Error(`requirePlugin(${name}): plugins are not simulated`);
      },
      __wxConfig: { envVersion: 'develop', platform: 'devtools', pages: [] },
    };
    this.context = vm.createContext(sandbox, { name: 'weapp-logic-layer' });
    process.on('uncaughtException', this.onUncaught);
    process.on('unhandledRejection', this.onRejection);
  }

  /** Stops timers and detaches process handlers; the simulator cannot be used afterwards. */
  dispose(): void {
    this.disposed = true;
    this.timers.forEach((t) => clearTimeout(t));
    this.intervals.forEach((t) => clearInterval(t));
    process.off('uncaughtException', this.onUncaught);
    process.off('unhandledRejection', this.onRejection);
  }

  readAppJson(): { pages: string[]; subPackages?: { root: string; pages: string[] }[]; subpackages?: { root: string; pages: string[] }[] } {
    return JSON.parse(fs.readFileSync(path.join(this.dist, 'app.json'), 'utf8'));
  }

  /** Loads app.js and runs App's onLaunch + onShow, then waits for the app to settle. */
  async launchApp(entryRoute: string): Promise<void> {
    this.scope = 'app';
    const launch = { path: entryRoute, query: {}, scene: 1001, referrerInfo: {} };
    try {
      this.requireFile('app.js');
    } catch (e) {
      this.issue('load', `app.js threw while loading: ${errText(e)}`);
      return;
    }
    const app = this.appInstance;
    if (!app) {
      this.issue('not-registered', 'app.js never called App()');
      return;
    }
    this.guard('app', () => (app.onLaunch as AnyFn | undefined)?.call(app, launch));
    this.guard('app', () => (app.onShow as AnyFn | undefined)?.call(app, launch));
    await this.settle();
  }

  /**
   * Opens one page the way WeChat does on navigateTo: loads its file (and its usingComponents),
   * instantiates it, runs onLoad(query) → onShow → onReady, waits until it settles, reads the tree,
   * then onHide → onUnload so the next page starts from an empty stack.
   */
  async openPage(route: string, query: Record<string, string> = {}): Promise<PageResult> {
    this.scope = route;
    const issuesBefore = this.issues.length;
    const warningsBefore = this.warnings.length;
    const callsBefore = this.calls.length;
    const result: PageResult = {
      route,
      stats: { nodes: 0, textNodes: 0, sample: '' },
      renderMs: 0,
      setDataCalls: 0,
      busy: false,
      cloudCalls: [],
      navigations: [],
      warnings: [],
      issues: [],
    };
    const finish = (): PageResult => {
      result.issues = this.issues.slice(issuesBefore);
      result.warnings = this.warnings.slice(warningsBefore).map((w) => w.message);
      const calls = this.calls.slice(callsBefore);
      result.cloudCalls = calls.filter((c) => c.api === 'cloud.callFunction').map((c) => c.detail ?? '?');
      result.navigations = calls
        .filter((c) => ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack'].includes(c.api))
        .map((c) => `${c.api} ${c.detail ?? ''}`.trim());
      return result;
    };

    const config = this.loadPageConfig(route);
    if (!config) return finish();

    const inst = this.instantiate(route, config);
    this.pageStack.push(inst);
    this.setDataCount = 0;
    const started = Date.now();
    this.lastSetData = started;
    this.guard(route, () => (inst.onLoad as AnyFn | undefined)?.call(inst, { ...query }));
    this.guard(route, () => (inst.onShow as AnyFn | undefined)?.call(inst));
    this.guard(route, () => (inst.onReady as AnyFn | undefined)?.call(inst));
    result.busy = !(await this.settle());
    result.renderMs = Math.max(0, this.lastSetData - started);
    result.setDataCalls = this.setDataCount;
    result.stats = treeStats(inst.data.root);
    if (result.stats.textNodes === 0) {
      this.issue('empty', `rendered no text (${result.stats.nodes} nodes, ${this.setDataCount} setData calls)`);
    }
    try {
      this.templates ??= loadTemplates(this.readSource('base.wxml'), this.readSource('utils.wxs'));
      const missing = missingTemplates(inst.data.root, this.templates);
      if (missing.length) this.issue('template', `base.wxml has no template for: ${missing.join(', ')} (WeChat would render nothing there)`);
    } catch (e) {
      this.issue('template', `cannot check base.wxml templates: ${errText(e)}`);
    }
    const done = finish();

    // Leave the page so that the next one is opened on a clean stack; errors while unloading count.
    this.guard(route, () => (inst.onHide as AnyFn | undefined)?.call(inst));
    this.guard(route, () => (inst.onUnload as AnyFn | undefined)?.call(inst));
    this.pageStack.pop();
    await this.settle(150);
    done.issues = this.issues.slice(issuesBefore);
    return done;
  }

  // ---------------------------------------------------------------------------------------------

  private loadPageConfig(route: string): Record<string, unknown> | null {
    const file = `${route}.js`;
    if (!fs.existsSync(path.join(this.dist, file))) {
      this.issue('load', `${file} does not exist in ${this.dist}`);
      return null;
    }
    // usingComponents are loaded with the page, as WeChat does.
    const jsonFile = path.join(this.dist, `${route}.json`);
    if (fs.existsSync(jsonFile)) {
      try {
        const json = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as { usingComponents?: Record<string, string> };
        for (const comp of Object.values(json.usingComponents ?? {})) {
          if (comp.startsWith('plugin://')) continue;
          const rel = comp.startsWith('/') ? comp.slice(1) : path.posix.join(path.posix.dirname(route), comp);
          this.requireFile(`${path.posix.normalize(rel)}.js`);
        }
      } catch (e) {
        this.issue('load', `${route}.json / usingComponents: ${errText(e)}`);
      }
    }
    this.registering = route;
    try {
      if (!this.pageConfigs.has(route)) this.requireFile(file);
    } catch (e) {
      this.issue('load', `${file} threw while loading: ${errText(e)}`);
      return null;
    } finally {
      this.registering = null;
    }
    const config = this.pageConfigs.get(route);
    if (!config) {
      this.issue('not-registered', `${file} never called Page()`);
      return null;
    }
    return config;
  }

  private instantiate(route: string, config: Record<string, unknown>): PageInstance {
    const inst = {} as PageInstance;
    for (const [k, v] of Object.entries(config)) if (k !== 'data') inst[k] = v;
    inst.data = JSON.parse(JSON.stringify(config.data ?? {})) as Record<string, unknown>;
    inst.route = route;
    inst.__route__ = route;
    inst.options = {};
    inst.__wxWebviewId__ = ++this.webviewId;
    inst.__wxExparserNodeId__ = `sim-${this.webviewId}`;
    inst.setData = (payload: Record<string, unknown>, cb?: () => void) => {
      if (!payload || typeof payload !== 'object') throw new TypeError('setData expects an object');
      applySetData(inst.data, payload);
      this.setDataCount++;
      this.lastSetData = this.lastActivity = Date.now();
      if (typeof cb === 'function') this.later(cb, 0);
    };
    inst.getTabBar = () => undefined;
    inst.selectComponent = () => null;
    inst.selectAllComponents = () => [];
    inst.createSelectorQuery = (this.context.wx as Record<string, AnyFn>).createSelectorQuery;
    inst.createIntersectionObserver = (this.context.wx as Record<string, AnyFn>).createIntersectionObserver;
    inst.getOpenerEventChannel = () => ({ emit: () => undefined, on: () => undefined, once: () => undefined, off: () => undefined });
    return inst;
  }

  /** WeChat's module system: paths relative to the requiring file, `.js` optional, cached. */
  private requireFile(rel: string): unknown {
    const norm = path.posix.normalize(rel.endsWith('.js') ? rel : `${rel}.js`);
    if (norm.startsWith('..')) throw new Error(`require outside the mini-program: ${rel}`);
    const cached = this.modules.get(norm);
    if (cached) return cached.exports;
    const abs = path.join(this.dist, norm);
    if (!fs.existsSync(abs)) throw new Error(`module not found: ${norm}`);
    const src = this.readSource(norm);
    const module = { exports: {} as unknown };
    this.modules.set(norm, module);
    const dir = path.posix.dirname(norm);
    const localRequire = (req: string): unknown => {
      const target = req.startsWith('/') ? req.slice(1) : path.posix.join(dir, req);
      return this.requireFile(target);
    };
    const wrapped = new vm.Script(`(function (require, module, exports) {${src}\n})`, { filename: abs });
    const fn = wrapped.runInContext(this.context) as (r: unknown, m: unknown, e: unknown) => void;
    try {
      fn(localRequire, module, module.exports);
    } catch (e) {
      this.modules.delete(norm);
      throw e;
    }
    return module.exports;
  }

  private readSource(rel: string): string {
    const src = fs.readFileSync(path.join(this.dist, rel), 'utf8');
    return this.opts.transform ? this.opts.transform(rel, src) : src;
  }

  private later(fn: () => void, ms: number): ReturnType<typeof setTimeout> {
    const scope = this.scope;
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (this.disposed) return;
      this.guard(scope, fn);
    }, ms);
    this.timers.add(t);
    return t;
  }

  private guard(scope: string, fn: () => unknown): void {
    try {
      fn();
    } catch (e) {
      this.issues.push({ scope, kind: 'uncaught', message: errText(e) });
    }
  }

  private issue(kind: Issue['kind'], message: string): void {
    this.issues.push({ scope: this.scope, kind, message });
    if (this.opts.verbose) process.stderr.write(`  [${this.scope}] ${kind}: ${message}\n`);
  }

  private makeConsole(): Record<string, AnyFn> {
    const quiet = (): void => undefined;
    const print = (...args: unknown[]): void => {
      if (this.opts.verbose) process.stderr.write(`  [${this.scope}] log: ${fmtArgs(args)}\n`);
    };
    return {
      log: print,
      info: print,
      debug: quiet,
      trace: quiet,
      group: quiet,
      groupEnd: quiet,
      time: quiet,
      timeEnd: quiet,
      warn: (...args: unknown[]) => {
        this.warnings.push({ scope: this.scope, message: fmtArgs(args) });
        if (this.opts.verbose) process.stderr.write(`  [${this.scope}] warn: ${fmtArgs(args)}\n`);
      },
      error: (...args: unknown[]) => this.issue('console.error', fmtArgs(args)),
    };
  }

  /** Resolves true once nothing happened for quietMs; false when maxWaitMs ran out first. */
  private async settle(quietMs = this.opts.quietMs): Promise<boolean> {
    const start = Date.now();
    this.lastActivity = Math.max(this.lastActivity, start);
    for (;;) {
      await new Promise((r) => setTimeout(r, 20));
      const now = Date.now();
      if (now - this.lastActivity >= quietMs) return true;
      if (now - start >= this.opts.maxWaitMs) return false;
    }
  }
}
