/**
 * What the current platform can do. Taro swaps in `platform.weapp.ts` / `platform.h5.ts` at build
 * time, so pages ask a capability instead of testing TARO_ENV. This file is the neutral default
 * (type checker, jest).
 */
export const PLATFORM = {
  /** Demo login with seeded users (local gateway only). */
  demoLogin: false,
  /** Show a list of compounds to pick from when none was scanned. */
  pickCompoundFromList: false,
  /** A browser print dialog exists. */
  canPrint: false,
  /** The camera scanner can open a mini-program code. */
  canScan: false,
};

/** Whether calls will carry an identity (always on weapp: WeChat adds the OPENID). */
export function hasIdentity(): boolean {
  return true;
}

/** Opens the platform print dialog, when there is one. */
export function printPage(): void {}

/** A scene carried by the page URL outside Taro's router (H5 poster links); none elsewhere. */
export function sceneFromLocation(): string | null {
  return null;
}
