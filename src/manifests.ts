/**
 * Every client subpackage's declaration, in one list. `app.config.ts` (read by Taro's config loader
 * at build time), the route catalogue (`routes.ts`) and the entries of 我的 and 首页 are built from
 * it; adding a domain means its `src/packages/<domain>/manifest.ts` and one line here.
 *
 * Data and pure functions only: this file is evaluated at build time too, so it imports no Taro,
 * no service and no page.
 */
import type { MeDTO } from '@hg/types';
import type { ManifestEntry, SubpackageManifest } from './manifest-types';
import admin from './packages/admin/manifest';
import auth from './packages/auth/manifest';
import bookings from './packages/bookings/manifest';
import cobuilding from './packages/cobuilding/manifest';
import community from './packages/community/manifest';
import entry from './packages/entry/manifest';
import governance from './packages/governance/manifest';
import household from './packages/household/manifest';
import me from './packages/me/manifest';
import needs from './packages/needs/manifest';
import party from './packages/party/manifest';
import ratings from './packages/ratings/manifest';
import venue from './packages/venue/manifest';

/** The tab pages: the main package (WeChat wants tab pages there); the first one opens the app. */
export const MAIN_PAGES = {
  home: 'pages/home/index',
  needs: 'pages/needs/index',
  me: 'pages/me/index',
} as const;

/** The subpackages, in the order app.json lists them (and 我的 / 首页 group their work). */
export const SUBPACKAGES = [entry, household, community, auth, needs, me, bookings, venue, ratings, governance, party, cobuilding, admin] as const;

type Subpackage = (typeof SUBPACKAGES)[number];

/** Fails the type check when an entry names a route its own manifest does not have. */
type UnknownEntryRoute<M> = M extends { pages: infer P; entries: readonly (infer E)[] } ? Exclude<E extends { route: infer R } ? R : never, keyof P> : never;
const entriesOpenTheirOwnPages: [UnknownEntryRoute<Subpackage>] extends [never] ? true : never = true;
void entriesOpenTheirOwnPages;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type RoutesOf<M> = M extends { root: infer Root extends string; pages: infer P } ? { readonly [K in keyof P]: `/${Root}/${P[K] & string}` } : never;

/** Route name → page path with the leading slash (Taro's router wants it), for every page. */
export type RouteCatalogue = { readonly [K in keyof typeof MAIN_PAGES]: `/${(typeof MAIN_PAGES)[K]}` } & UnionToIntersection<RoutesOf<Subpackage>>;
export type RouteName = keyof RouteCatalogue;

/** The route catalogue, read from the manifests (a route name used twice fails the pages test). */
export function routeCatalogue(): RouteCatalogue {
  const routes: Record<string, string> = {};
  for (const [name, page] of Object.entries(MAIN_PAGES)) routes[name] = `/${page}`;
  for (const pkg of SUBPACKAGES as readonly SubpackageManifest[]) {
    for (const [name, page] of Object.entries(pkg.pages)) routes[name] = `/${pkg.root}/${page}`;
  }
  return routes as RouteCatalogue;
}

/** app.json's `pages` and `subPackages`. */
export function appPages(): { pages: string[]; subPackages: { root: string; pages: string[] }[] } {
  return {
    pages: Object.values(MAIN_PAGES),
    subPackages: (SUBPACKAGES as readonly SubpackageManifest[]).map((pkg) => ({ root: pkg.root, pages: Object.values(pkg.pages) })),
  };
}

/** Who is looking: signed in or not, and (once loaded) what the server says about them. */
export interface Viewer {
  signedIn: boolean;
  profile: Pick<MeDTO, 'roles' | 'memberships' | 'verifiedResident' | 'can'> | null;
}

/**
 * Whether 我的 shows the resident card: to people with a home, to people without any role (a
 * brand-new user must find 绑定房屋) and before signing in — not to staff who live elsewhere, nor
 * while a signed-in person's profile is still loading (it would flash and vanish).
 */
export function seesResidentEntries(viewer: Viewer): boolean {
  if (!viewer.signedIn) return true;
  if (!viewer.profile) return false;
  return viewer.profile.memberships.length > 0 || viewer.profile.roles.length === 0;
}

/** Whether the entry's condition holds for the viewer (capabilities only once the profile is known). */
export function allows(entry: ManifestEntry, viewer: Viewer): boolean {
  const { profile } = viewer;
  switch (entry.when) {
    case 'anyone':
      return true;
    case 'signedIn':
      return viewer.signedIn;
    case 'verifiedResident':
      return viewer.signedIn && !!profile?.verifiedResident;
    case 'hasHome':
      return viewer.signedIn && !!profile && profile.memberships.length > 0;
    default:
      return viewer.signedIn && !!profile?.can[entry.when];
  }
}

/** An entry with where it opens and the manifest it came from. */
export interface PlacedEntry extends ManifestEntry {
  url: string;
  /** The domain's `workTitle` (work entries are grouped under it in 我的). */
  group: string;
}

/** The viewer's entries of one section, in manifest order. */
export function entriesFor(section: ManifestEntry['section'], viewer: Viewer): PlacedEntry[] {
  if (section === 'resident' && !seesResidentEntries(viewer)) return [];
  return (SUBPACKAGES as readonly SubpackageManifest[]).flatMap((pkg) =>
    (pkg.entries ?? [])
      .filter((e) => e.section === section && allows(e, viewer))
      .map((e) => ({ ...e, url: `/${pkg.root}/${pkg.pages[e.route]}`, group: pkg.workTitle ?? '' })),
  );
}

/** Work entries grouped by domain, for 我的's per-domain headings. */
export function workGroups(viewer: Viewer): { title: string; entries: PlacedEntry[] }[] {
  const groups: { title: string; entries: PlacedEntry[] }[] = [];
  for (const e of entriesFor('work', viewer)) {
    const last = groups[groups.length - 1];
    if (last && last.title === e.group) last.entries.push(e);
    else groups.push({ title: e.group, entries: [e] });
  }
  return groups;
}
