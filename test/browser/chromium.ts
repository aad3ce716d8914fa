import { chromium, type Browser } from 'playwright-core';

/**
 * Chromium for the journeys. One browser serves every stack of a jest process: launching it took
 * ~3 s and its first page another ~3 s (quiet machine), per stack. The browser project's global
 * setup starts it as a server (test/browser/global-setup.ts) and each stack connects; a stack
 * that needs its own switches (a fake microphone) launches its own. Isolation is the stack's
 * browser contexts (cookies, storage, permissions), never the process.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The global setup's browser server, as a websocket endpoint for the test files. */
export const SHARED_CHROMIUM_ENV = 'HG_CHROMIUM_WS';

/** The shared browser if the global setup started one, else (or with extra switches) a new one. */
export async function chromiumFor(extraArgs: readonly string[] = []): Promise<Browser> {
  const ws = process.env[SHARED_CHROMIUM_ENV];
  if (ws && extraArgs.length === 0) {
    try {
      return await chromium.connect(ws, { timeout: 30_000 });
    } catch (err) {
      console.warn(`shared Chromium unreachable (${(err as Error).message}); launching one for this stack`);
    }
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
