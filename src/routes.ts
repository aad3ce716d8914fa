import Taro from '@tarojs/taro';
import { routeCatalogue } from './manifests';

/**
 * Every page path by name, read from the subpackages' manifests (src/manifests.ts), so a moved page
 * breaks the type checker rather than a button: `ROUTES.x` for a route no manifest declares does
 * not compile. Deep links for messages (types/links.ts, used by the server too) must open pages
 * listed here; test/architecture/pages.test.ts holds the lists together.
 */
export const ROUTES = routeCatalogue();

const TAB_PAGES: string[] = [ROUTES.home, ROUTES.needs, ROUTES.me];

/** Builds `path?k=v` with encoded values, skipping undefined ones. */
export function withQuery(path: string, query: Record<string, string | number | undefined> = {}): string {
  const qs = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return qs ? `${path}?${qs}` : path;
}

/** Tab pages can only be reached with switchTab (and take no query); everything else is pushed. */
export function openPage(url: string): void {
  const path = url.split('?')[0];
  if (TAB_PAGES.includes(path)) {
    void Taro.switchTab({ url: path });
  } else {
    void Taro.navigateTo({ url });
  }
}

/** Like openPage, but replaces the current page (after login, after a finished form). */
export function replacePage(url: string): void {
  const path = url.split('?')[0];
  if (TAB_PAGES.includes(path)) {
    void Taro.switchTab({ url: path });
  } else {
    void Taro.redirectTo({ url });
  }
}

/** The current page as a URL that can be opened again (used as the login `redirect`). */
export function currentPageUrl(): string {
  const router = Taro.getCurrentInstance().router;
  if (!router) return ROUTES.home;
  const path = router.path.split('?')[0];
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(router.params ?? {})) {
    // Taro adds its own bookkeeping params; they must not leak into the redirect URL.
    if (k.startsWith('$') || k === 'stamp' || v === undefined) continue;
    query[k] = String(v);
  }
  return withQuery(path.startsWith('/') ? path : `/${path}`, query);
}

/** Starts over at `url` with an empty stack: after the identity changed, no page may keep stale data. */
export function relaunchPage(url: string): void {
  void Taro.reLaunch({ url });
}

let redirecting = false;

/**
 * Sends the user to the demo login page and back afterwards (installed by the app shell for the
 * services' "sign in needed"). Several calls failing at once must not stack several login pages,
 * hence the latch.
 */
export function goToLogin(): void {
  const here = currentPageUrl();
  if (redirecting || here.startsWith(ROUTES.login)) return;
  redirecting = true;
  setTimeout(() => {
    redirecting = false;
  }, 1000);
  void Taro.navigateTo({ url: withQuery(ROUTES.login, { redirect: here }) });
}
