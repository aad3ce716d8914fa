import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type http from 'node:http';
import os from 'node:os';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { createGateway } from '../../cloud/gateway/server';
import { createTestDb, type TestDb, type TestDialect } from '../db';
import { chromiumFor } from './chromium';
import { ensureH5Build, H5_DIR } from './h5-build';

export { ensureH5Build };

/** Browser journeys: the built H5 app, served by the real gateway on a throw-away database. */

const ROOT = path.resolve(__dirname, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

export interface Stack {
  db: TestDb;
  base: string;
  /** Open browser contexts here: they are this stack's own (test/browser/chromium.ts). */
  browser: Browser;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Extra Chromium switches for this stack, after the usual ones (e.g. a fake microphone). */
  browserArgs?: readonly string[];
}

export async function startStack(dialect: TestDialect = 'sqlite', opts: StackOptions = {}): Promise<Stack> {
  ensureH5Build();
  const db = await createTestDb(dialect);
  const server: http.Server = createGateway({ ds: db.ds, secret: 'browser-journey-secret-0123', demo: true, staticDir: H5_DIR });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The run's shared Chromium (closing it only closes this stack's contexts), or its own with extra switches.
  const browser = await chromiumFor(opts.browserArgs);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    db,
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      await db.drop();
    },
  };
}

/**
 * A download's bytes. The shared Chromium is a remote browser to the test (test/browser/chromium.ts),
 * where `download.path()` is refused: the file is saved here first.
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const file = path.join(os.tmpdir(), `hg-download-${process.pid}-${Date.now()}-${download.suggestedFilename()}`);
  try {
    await download.saveAs(file);
    return fs.readFileSync(file);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** A phone as the users hold it: 390×844 with touch, Chinese locale, Beijing time. */
export const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', hasTouch: true, isMobile: true } as const;

/**
 * The usual frame of a journey file, inside its `describe.each(DIALECTS)`: one stack per dialect
 * (optionally with its own upload directory), a fresh phone-sized browser context per test.
 */
export function useJourneyStack(
  dialect: TestDialect,
  opts: { uploads?: string; afterAll?: () => void; browserArgs?: readonly string[] } = {},
): { stack: Stack; context: BrowserContext } {
  const env = {} as { stack: Stack; context: BrowserContext };
  beforeAll(async () => {
    if (opts.uploads) process.env.UPLOAD_DIR = path.join(os.tmpdir(), `hg-${opts.uploads}-uploads-${process.pid}`);
    env.stack = await startStack(dialect, { browserArgs: opts.browserArgs });
  });
  afterAll(async () => {
    await env.stack?.close();
    opts.afterAll?.();
  });
  beforeEach(async () => {
    env.context = await env.stack.browser.newContext(PHONE);
  });
  afterEach(async () => {
    await env.context?.close();
  });
  return env;
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Run axe-core on the visible page (Taro H5 keeps earlier pages in the DOM, hidden) and return the
 * serious and critical violations.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) }));
}

/** The currently shown Taro page (earlier ones stay in the DOM with display:none). */
export function visible(page: Page) {
  return page.locator('.taro_page:visible, taro-page:visible').last();
}
