/**
 * How the platforms shrink a photo before upload (upload.h5.ts, upload.weapp.ts). Kept out of
 * upload.ts because Taro resolves `./upload` inside a platform file to that file itself.
 */

/** Long edge of an uploaded photo, in pixels: enough to read a meter or a crack, quick to send. */
export const PHOTO_LONG_EDGE = 1920;
/** A photo under this many bytes and within the edge is sent as picked (nothing re-encoded). */
export const PHOTO_KEEP_BYTES = 1024 * 1024;
/** JPEG qualities tried in turn (0–1) until the photo fits; then the edge shrinks and they repeat. */
export const PHOTO_QUALITIES = [0.82, 0.7, 0.55, 0.4] as const;
/** Each further round scales the long edge by this, at most `PHOTO_ROUNDS` rounds. */
export const PHOTO_SHRINK = 0.7;
export const PHOTO_ROUNDS = 3;

/** Width and height that fit `edge` on the long side, keeping the aspect; never upscales. */
export function fitWithin(width: number, height: number, edge: number): { width: number; height: number } {
  const scale = Math.min(1, edge / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
