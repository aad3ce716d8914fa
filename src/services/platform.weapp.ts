/** WeChat: identity comes from the trusted OPENID, residents arrive by scanning a code. */
export const PLATFORM = {
  demoLogin: false,
  pickCompoundFromList: false,
  canPrint: false,
  canScan: true,
};

export function hasIdentity(): boolean {
  return true;
}

/** Posters are printed from the H5 build; the mini-program has no print dialog. */
export function printPage(): void {}

/** On WeChat the scene always arrives as the page option `scene`. */
export function sceneFromLocation(): string | null {
  return null;
}
