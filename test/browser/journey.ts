import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { ARTIFACTS, seriousViolations, type AxeViolation } from './harness';

const TAB_PATH = { 首页: 'home', 需求: 'needs', 我的: 'me' } as const;

/** A person's walk through the H5 app: navigation by what they see, axe on every page, screenshots. */
export class Journey {
  readonly checked: { step: string; violations: AxeViolation[] }[] = [];
  /** API calls of this page still in flight, and who waits for none to be. */
  private inFlight = 0;
  private idle: (() => void)[] = [];

  constructor(
    readonly page: Page,
    readonly base: string,
    readonly name: string,
  ) {
    page.on('pageerror', (err) =>
      this.checked.push({ step: 'pageerror', violations: [{ id: 'pageerror', impact: 'critical', help: err.message, nodes: [] }] }),
    );
    // An expected refusal is an answer (200 + envelope), not a failed resource in the console
    // (docs/api.md, "Error codes"); only a lost login (401) keeps an error status.
    const isApi = (req: Request) => req.url().includes('/api/');
    page.on('request', (req) => {
      if (isApi(req)) this.inFlight++;
    });
    const done = (req: Request) => {
      if (!isApi(req)) return;
      this.inFlight = Math.max(0, this.inFlight - 1);
      if (this.inFlight > 0) return;
      for (const resolve of this.idle.splice(0)) resolve();
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    page.on('response', (res) => {
      if (res.url().includes('/api/') && res.status() >= 400 && res.status() !== 401)
        this.checked.push({
          step: 'http-status',
          violations: [{ id: 'http-status', impact: 'critical', help: `${res.status()} ${res.url()}`, nodes: [] }],
        });
    });
  }

  /** The currently shown page (Taro H5 keeps earlier ones in the DOM, hidden). */
  root() {
    return this.page.locator('[data-testid="page-root"]:visible').last();
  }

  byTestId(id: string) {
    return this.root().locator(`[data-testid="${id}"]`);
  }

  async audit(step: string): Promise<void> {
    await this.settled();
    this.checked.push({ step, violations: await seriousViolations(this.page) });
    const n = this.checked.length.toString().padStart(2, '0');
    await this.page.screenshot({ path: path.join(ARTIFACTS, `${this.name}-${n}-${step}.png`), fullPage: true });
  }

  /**
   * The page has settled: no API call in flight, finite animations done, and two frames painted
   * since (React has committed what the last answer changed). Was a fixed 150 ms before each audit.
   * Each wait is bounded, so a page that keeps polling is audited as it stands.
   */
  async settled(): Promise<void> {
    if (this.inFlight > 0) await Promise.race([new Promise<void>((r) => this.idle.push(r)), new Promise((r) => setTimeout(r, 5_000))]);
    // No named helpers inside: the function is serialised into the page as written.
    await this.page.evaluate(() =>
      Promise.race([
        Promise.all(
          document
            .getAnimations()
            .filter((a) => a.effect?.getTiming().iterations !== Infinity)
            .map((a) => a.finished.catch(() => undefined)),
        ),
        new Promise((r) => setTimeout(r, 2_000)),
      ]).then(() => Promise.race([new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))), new Promise((r) => setTimeout(r, 2_000))])),
    );
  }

  /** Tap a tab when the tab bar is shown; from a subpage, go there the way the back button would. */
  async tapTab(text: keyof typeof TAB_PATH): Promise<void> {
    const tab = this.page.locator('.weui-tabbar__label', { hasText: text }).first();
    if (await tab.isVisible()) await tab.click();
    else await this.page.evaluate((p) => (window.location.hash = `#/pages/${p}/index`), TAB_PATH[text]);
    await this.page.waitForFunction((p) => window.location.hash.startsWith(`#/pages/${p}/index`), TAB_PATH[text]);
    await this.waitForShown(`/pages/${TAB_PATH[text]}/index`);
  }

  /**
   * Waits until Taro shows the page at `path`: the hash changes first and, on a loaded machine, the
   * previous page stays on screen until the new page's chunk has loaded — a locator resolved in
   * between lands on the old page, which is then hidden (not detached), and the action never ends.
   */
  async waitForShown(path: string): Promise<void> {
    await this.page.waitForFunction(
      (p) => Array.from(document.querySelectorAll('.taro_page')).some((e) => e.id.split('?')[0] === p && getComputedStyle(e).display !== 'none'),
      path.split('?')[0],
    );
  }

  /** In-app navigation to a route (as a link would), without reloading the app. */
  async open(route: string): Promise<void> {
    await this.page.evaluate((r) => (window.location.hash = `#${r}`), route);
    await this.page.waitForFunction((r) => window.location.hash === `#${r}`, route);
  }

  async loginAs(name: string): Promise<void> {
    await this.tapTab('我的');
    // Only what a person can see counts: while a page is being shown, Taro H5 may still hold an
    // earlier, hidden copy of the same entry (seen on a loaded machine).
    await this.root()
      .locator('[role="button"]', { hasText: /切换演示账号|登录演示账号/ })
      .filter({ visible: true })
      .first()
      .click();
    await this.root().getByText('演示模式：仅用于本地体验').waitFor();
    await this.root().locator('[role="button"]', { hasText: name }).filter({ visible: true }).first().click();
    await this.page.waitForFunction(() => window.location.hash.startsWith('#/pages/me/index'));
    // Signed in: the 我的 page offers to switch accounts.
    await this.root().locator('[role="button"]', { hasText: '切换演示账号' }).filter({ visible: true }).first().waitFor();
  }

  /** Turns large-text mode on (or off) from 我的, the way a person would; it applies to every page. */
  async setLargeText(on: boolean): Promise<void> {
    await this.tapTab('我的');
    const toggle = this.root().locator('[role="switch"][aria-label="大字模式"]');
    if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click();
    await this.page
      .locator(`[data-testid="page-root"]${on ? '.page--large' : ':not(.page--large)'}:visible`)
      .first()
      .waitFor();
  }

  /** The steps whose page had serious or critical axe violations (or a page error). */
  failures() {
    return this.checked.filter((c) => c.violations.length > 0);
  }
}

/** A tiny valid JPEG (1×1), for the photo pickers. */
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
  'base64',
);
