import { SCENE_PATTERN } from './limits';

/**
 * QR scene helpers, shared by the poster generator (cloud) and the entry page (src). Kept free of
 * zod so the entry subpackage stays small.
 */
export function makeScene(kind: 'compound' | 'building', code: string): string {
  const scene = `${kind === 'compound' ? 'c' : 'b'}=${code}`;
  if (!SCENE_PATTERN.test(scene)) throw new Error(`scene not allowed by WeChat: ${scene}`);
  return scene;
}

/** Accepts the raw or URL-encoded scene ("c=AB12CD" or "c%3DAB12CD"). Returns null for anything else. */
export function parseScene(raw: string): { kind: 'compound' | 'building'; code: string } | null {
  let s = raw;
  try {
    s = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const m = /^([cb])=([0-9A-Z]{4,12})$/.exec(s.trim());
  if (!m) return null;
  return { kind: m[1] === 'c' ? 'compound' : 'building', code: m[2] };
}
