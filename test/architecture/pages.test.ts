/**
 * Page paths live in three lists: the pages the app ships (src/app.config.ts), the client's route
 * catalogue (src/routes.ts) and the deep links messages open (types/links.ts, read by the server
 * too). This test ties them together and to the files on disk, so a moved, renamed or forgotten
 * page fails here instead of as a blank screen behind a button or a WeChat message.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { linkTo, PAGES, SubjectKind } from '@hg/types/links';

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
