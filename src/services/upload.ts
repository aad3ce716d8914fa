import type { Envelope, PhotoDTO } from '@hg/types';
import { NETWORK_ERROR } from './call';

/**
 * Photo upload seam. Taro swaps in `upload.weapp.ts` (wx.cloud storage → `cloud://` fileID) or
 * `upload.h5.ts` (raw bytes to the gateway → `local/<sha>.jpg`). Both answer the same envelope, so
 * the photo picker never knows where the bytes went. This neutral file serves the type checker and jest.
 */

/** A picked, not yet uploaded image. `type` is known on H5 (the File) and guessed from the name elsewhere. */
export interface PickedPhoto {
  path: string;
  size: number;
  type: string;
}

/** Opens the album / camera for up to `count` images, compressed where the platform can. [] when cancelled. */
export async function choosePhotos(_count: number): Promise<PickedPhoto[]> {
  return [];
}

/**
 * Makes a picked photo small enough to upload: phones take 8–12 MB photos and the server keeps a
 * hard limit (NEED_RULES.photoBytesMax), so each platform downscales the long edge to
 * `PHOTO_LONG_EDGE` (photo-size.ts) and re-encodes as JPEG, lowering the quality until it fits. A photo already
 * small and within the edge is kept as picked. null: it could not be read or brought under `maxBytes`.
 * This neutral version (jest, type checker) only checks the size.
 */
export async function compressPhoto(photo: PickedPhoto, maxBytes: number): Promise<PickedPhoto | null> {
  return photo.size <= maxBytes ? photo : null;
}

/**
 * Opens photos full size with the platform's own viewer (weapp `previewImage`). false: this
 * platform has none worth using, and the caller shows its own overlay (H5, see PhotoViewer).
 */
export function previewNatively(_urls: string[], _index: number): boolean {
  return false;
}

export async function uploadPhoto(_photo: PickedPhoto): Promise<Envelope<PhotoDTO>> {
  return { ok: false, error: NETWORK_ERROR };
}

/** What an `<Image src>` can show for a stored photo URL. */
export function photoSrc(url: string): string {
  return url;
}
