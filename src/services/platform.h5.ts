import { getToken } from './session';

/** H5 is the local/demo build served by the gateway: no WeChat identity, a real print dialog. */
export const PLATFORM = {
  demoLogin: true,
  pickCompoundFromList: true,
  canPrint: true,
  canScan: false,
};

/** The demo token stands in for the OPENID; without it every call would be UNAUTHENTICATED. */
export function hasIdentity(): boolean {
  return !!getToken();
}

export function printPage(): void {
  window.print();
}

/** Poster links may put `?scene=` before the hash (`/?scene=c%3DXXXX#/packages/entry/...`). */
export function sceneFromLocation(): string | null {
  return new URLSearchParams(window.location.search).get('scene');
}
