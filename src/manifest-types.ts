/**
 * The shape of a client subpackage's declaration (`src/packages/<domain>/manifest.ts`). A manifest
 * is data only: its pages, their route names and the entries 我的 and 首页 offer, each behind a
 * capability the server grants or a resident's situation. `app.config.ts` (evaluated by Taro's
 * config loader at build time), the route catalogue and the 我的 / 首页 entries are built from the
 * list in `src/manifests.ts`, so a new domain adds its manifest and one line there.
 *
 * This file lives outside `src/packages/` because subpackages never import each other; manifests
 * import it for types only.
 */
import type { MeCapabilities } from '@hg/types/roles';

/** A capability the server decides (MeDTO.can): an entry behind it never leads to a refused page. */
export type Capability = keyof MeCapabilities;

/**
 * A resident's situation, for entries every person may use:
 * - `anyone`: also before signing in (物业星级榜, 绑定房屋);
 * - `signedIn`: any signed-in person (消息中心, 我的订餐);
 * - `verifiedResident`: a verified binding somewhere (评价物业);
 * - `hasHome`: at least one binding, whatever its status.
 */
export type Situation = 'anyone' | 'signedIn' | 'verifiedResident' | 'hasHome';

export type EntryCondition = Capability | Situation;

/**
 * Where an entry shows:
 * - `work`: staff's work, in 我的 under the domain's `workTitle` and at the top of their 首页;
 * - `resident`: 我的's resident card, shown to people with a home and to people without any role
 *   (a brand-new user must find 绑定房屋), never to staff who live elsewhere;
 * - `info`: 我的, for everyone the condition allows.
 */
export type EntrySection = 'work' | 'resident' | 'info';

/**
 * A number a 首页 work tile (or a 我的 badge) shows, read from one existing call; the readers are
 * in `src/pages/home/work-counts.ts`, one per key.
 */
export type EntryCount = 'needInbox' | 'needQueue' | 'needLadder' | 'needClaimable' | 'verifyQueue' | 'unreadMessages';

export interface ManifestEntry<Route extends string = string> {
  /** What the person reads (UI text, Simplified Chinese). */
  label: string;
  /** One line under the label on 首页's work tiles. */
  hint?: string;
  /** A route name of the same manifest. */
  route: Route;
  section: EntrySection;
  when: EntryCondition;
  /** Stable id for tests and browser journeys (`data-testid`). */
  testId: string;
  count?: EntryCount;
}

/**
 * A subpackage: `root` is `packages/<folder>`, `pages` maps route names (the keys of `ROUTES`) to
 * page paths inside the root. The order of `pages` is the order in app.json.
 */
export interface SubpackageManifest<Pages extends Readonly<Record<string, string>> = Readonly<Record<string, string>>> {
  root: string;
  pages: Pages;
  /** The heading over this domain's work entries in 我的 (e.g. 需求办理). */
  workTitle?: string;
  entries?: readonly ManifestEntry<Extract<keyof Pages, string>>[];
}
