import Taro from '@tarojs/taro';
import { PAGES } from '@hg/types/links';

/**
 * Every page path in one place, so a moved page breaks the type checker rather than a button.
 * Pages that messages link to come from `PAGES` (types/links.ts), which the server uses too.
 */
export const ROUTES = {
  home: PAGES.home,
  needs: '/pages/needs/index',
  me: PAGES.me,
  scan: '/packages/entry/pages/scan/index',
  bind: PAGES.myHomes,
  verify: '/packages/household/pages/verify/index',
  compound: '/packages/community/pages/compound/index',
  posters: '/packages/community/pages/posters/index',
  login: '/packages/auth/pages/login/index',
  needCreate: '/packages/needs/pages/create/index',
  needProxy: '/packages/needs/pages/proxy/index',
  needDetail: PAGES.needDetail,
  needMine: '/packages/needs/pages/mine/index',
  needInbox: '/packages/needs/pages/inbox/index',
  needConsole: '/packages/needs/pages/console/index',
  needClaim: '/packages/needs/pages/claim/index',
  needBoard: '/packages/needs/pages/board/index',
  needDashboard: '/packages/needs/pages/dashboard/index',
  needLadder: '/packages/needs/pages/ladder/index',
  messages: PAGES.messages,
  bookingWeek: '/packages/bookings/pages/week/index',
  bookingMine: PAGES.myBookings,
  bookingRegister: '/packages/bookings/pages/register/index',
  bookingCounter: '/packages/bookings/pages/counter/index',
  bookingConsole: '/packages/bookings/pages/console/index',
  bookingKitchen: '/packages/bookings/pages/kitchen/index',
  bookingFamily: '/packages/bookings/pages/family/index',
  bookingStanding: '/packages/bookings/pages/standing/index',
  bookingDeliveries: '/packages/bookings/pages/deliveries/index',
  bookingSubsidy: '/packages/bookings/pages/subsidy/index',
  ratingFirm: '/packages/ratings/pages/firm/index',
  ratingRate: '/packages/ratings/pages/rate/index',
  ratingAssess: '/packages/ratings/pages/assess/index',
  ratingLeaderboard: '/packages/ratings/pages/leaderboard/index',
  ratingManage: '/packages/ratings/pages/manage/index',
  ratingModeration: '/packages/ratings/pages/moderation/index',
  ratingReply: '/packages/ratings/pages/reply/index',
  timerJobs: '/packages/admin/pages/timers/index',
} as const;

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
