import { chromium, type BrowserServer } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SHARED_CHROMIUM_ENV } from './chromium';

/** The browser project's one Chromium (test/browser/chromium.ts), closed by global-teardown.ts. */
export default async function globalSetup(): Promise<void> {
  const server: BrowserServer = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  process.env[SHARED_CHROMIUM_ENV] = server.wsEndpoint();
  (globalThis as { hgChromium?: BrowserServer }).hgChromium = server;
}
