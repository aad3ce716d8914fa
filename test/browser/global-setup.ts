import { chromium, type BrowserServer } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SHARED_CHROMIUM_ENV } from './chromium';
import { ensureH5Build } from './h5-build';

/**
 * Before the browser project's first file: the H5 build if the sources are newer (outside any
 * journey's hook timeout), and the project's one Chromium (test/browser/chromium.ts), closed by
 * global-teardown.ts.
 */
export default async function globalSetup(): Promise<void> {
  ensureH5Build();
  const server: BrowserServer = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  process.env[SHARED_CHROMIUM_ENV] = server.wsEndpoint();
  (globalThis as { hgChromium?: BrowserServer }).hgChromium = server;
}
