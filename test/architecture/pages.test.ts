/**
 * Pages are declared once, by each subpackage's manifest (src/packages/<domain>/manifest.ts, listed
 * in src/manifests.ts); the pages the app ships (src/app.config.ts) and the client's route catalogue
 * (src/routes.ts) are read from them, and the deep links messages open (types/links.ts, read by the
 * server too) must land on them. This test ties them together and to the files on disk, so a moved,
 * renamed or forgotten page fails here instead of as a blank screen behind a button or a WeChat
 * message — and holds the manifests to being data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { linkTo, PAGES, SubjectKind } from '@hg/types/links';
import { capabilitiesOf } from '@hg/types/roles';
import type { SubpackageManifest } from '../../src/manifest-types';
import { appPages as manifestPages, MAIN_PAGES, SUBPACKAGES } from '../../src/manifests';

const SRC = join(__dirname, '../../src');

interface AppConfig {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
  tabBar: { list: { pagePath: string }[] };
}

/** app.config.ts calls Taro's build-time global; routes.ts imports the Taro runtime, not needed to read the catalogue. */
function load(): { config: AppConfig; routes: Record<string, string> } {
  (globalThis as unknown as { defineAppConfig: (c: AppConfig) => AppConfig }).defineAppConfig = (c) => c;
  jest.doMock('@tarojs/taro', () => ({ __esModule: true, default: {} }));
  const config = (require('../../src/app.config') as { default: AppConfig }).default;
  const { ROUTES } = require('../../src/routes') as { ROUTES: Record<string, string> };
  return { config, routes: ROUTES };
}

const { config, routes } = load();

/** Every page the app ships, as the router names it (leading slash). */
const mainPages = config.pages.map((p) => `/${p}`);
const appPages = [...mainPages, ...config.subPackages.flatMap((s) => s.pages.map((p) => `/${s.root}/${p}`))];
const shipped = new Set(appPages);
const pathOf = (url: string) => url.split('?')[0];
const duplicates = (list: string[]) => list.filter((x, i) => list.indexOf(x) !== i);

/** Page folders on disk: src/pages/<page>/ and src/packages/<domain>/pages/<page>/. */
function pagesOnDisk(): string[] {
  const dirs = (path: string) =>
    existsSync(path)
      ? readdirSync(path, { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name)
      : [];
  const main = dirs(join(SRC, 'pages')).map((p) => `/pages/${p}/index`);
  const sub = dirs(join(SRC, 'packages')).flatMap((domain) => dirs(join(SRC, 'packages', domain, 'pages')).map((p) => `/packages/${domain}/pages/${p}/index`));
  return [...main, ...sub];
}

describe('pages, routes and deep links agree', () => {
  it('app.config lists each page once', () => {
    expect(appPages.length).toBeGreaterThan(0);
    expect(duplicates(appPages)).toEqual([]);
    expect(duplicates(config.subPackages.map((s) => s.root))).toEqual([]);
  });

  it.each(appPages)('%s exists on disk (index.tsx + index.config.ts)', (page) => {
    expect([existsSync(join(SRC, `${page}.tsx`)), existsSync(join(SRC, `${page}.config.ts`))]).toEqual([true, true]);
  });

  it('every page folder on disk is shipped in app.config (no orphan pages)', () => {
    expect(pagesOnDisk().filter((p) => !shipped.has(p))).toEqual([]);
  });

  it('every page has a route, and no two routes name the same page', () => {
    const routed = Object.values(routes);
    expect(appPages.filter((p) => !routed.includes(p))).toEqual([]);
    expect(duplicates(routed)).toEqual([]);
  });

  it('every route opens a shipped page', () => {
    expect(Object.entries(routes).filter(([, path]) => !shipped.has(path))).toEqual([]);
  });

  it('every deep link opens a shipped page', () => {
    expect(Object.entries(PAGES).filter(([, path]) => !shipped.has(path))).toEqual([]);
    expect(duplicates(Object.values(PAGES))).toEqual([]);
    const links = [...Object.values(SubjectKind).map((subjectKind) => linkTo({ subjectKind, subjectId: 1 })), linkTo(null)];
    expect(links.filter((l) => !shipped.has(pathOf(l)))).toEqual([]);
  });

  it('the tab bar shows main-package pages only', () => {
    expect(config.tabBar.list.map((t) => `/${t.pagePath}`).filter((p) => !mainPages.includes(p))).toEqual([]);
  });
});

const manifests = SUBPACKAGES as readonly SubpackageManifest[];
const folders = (path: string) =>
  readdirSync(path, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

describe('subpackages declare themselves in their manifests', () => {
  it('app.config ships exactly the manifests\' pages, in their order', () => {
    expect({ pages: config.pages, subPackages: config.subPackages }).toEqual(manifestPages());
  });

  it('every subpackage folder has a manifest, listed once, whose root is its folder', () => {
    const roots = manifests.map((m) => m.root);
    expect(duplicates(roots)).toEqual([]);
    expect(roots.filter((r) => !/^packages\/[a-z-]+$/.test(r))).toEqual([]);
    const onDisk = folders(join(SRC, 'packages')).filter((d) => existsSync(join(SRC, 'packages', d, 'pages')));
    expect(onDisk.filter((d) => !existsSync(join(SRC, 'packages', d, 'manifest.ts')))).toEqual([]);
    expect([...roots].sort()).toEqual(onDisk.map((d) => `packages/${d}`).sort());
  });

  it('no route name is declared twice (ROUTES would silently keep one)', () => {
    const names = [...Object.keys(MAIN_PAGES), ...manifests.flatMap((m) => Object.keys(m.pages))];
    expect(duplicates(names)).toEqual([]);
    expect(Object.keys(routes).sort()).toEqual([...names].sort());
  });

  it.each(folders(join(SRC, 'packages')).filter((d) => existsSync(join(SRC, 'packages', d, 'manifest.ts'))))(
    'packages/%s/manifest.ts is data: type-only imports from types/ and manifest-types, one default export',
    (domain) => {
      const file = join(SRC, 'packages', domain, 'manifest.ts');
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const bad: string[] = [];
      for (const st of sf.statements) {
        if (ts.isImportDeclaration(st)) {
          const from = (st.moduleSpecifier as ts.StringLiteral).text;
          const typeOnly = !!st.importClause?.isTypeOnly;
          if (!typeOnly || !(from.startsWith('@hg/types/') || from === '../../manifest-types')) bad.push(st.getText());
        } else if (!ts.isExportAssignment(st)) bad.push(st.getText().slice(0, 60));
      }
      expect(bad).toEqual([]);
    },
  );

  const capabilities = Object.keys(capabilitiesOf([]));
  const situations = ['anyone', 'signedIn', 'verifiedResident', 'hasHome'];
  const entries = manifests.flatMap((m) => (m.entries ?? []).map((e) => ({ ...e, manifest: m })));

  it('entries open their own manifest\'s pages, under a known condition, with unique test ids', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((e) => !(e.route in e.manifest.pages)).map((e) => e.testId)).toEqual([]);
    expect(entries.filter((e) => !capabilities.includes(e.when) && !situations.includes(e.when)).map((e) => e.testId)).toEqual([]);
    expect(duplicates(entries.map((e) => e.testId))).toEqual([]);
  });

  it('work entries sit under their domain\'s heading, with a hint for the 首页 tile, behind a capability', () => {
    const work = entries.filter((e) => e.section === 'work');
    expect(work.filter((e) => !e.manifest.workTitle || !e.hint).map((e) => e.testId)).toEqual([]);
    expect(work.filter((e) => !capabilities.includes(e.when)).map((e) => e.testId)).toEqual([]);
  });

  it('every capability the server grants opens something', () => {
    const used = new Set<string>(entries.map((e) => e.when));
    expect(capabilities.filter((c) => !used.has(c))).toEqual([]);
  });
});
