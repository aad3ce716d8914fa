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

export async function uploadPhoto(_photo: PickedPhoto): Promise<Envelope<PhotoDTO>> {
  return { ok: false, error: NETWORK_ERROR };
}

/** What an `<Image src>` can show for a stored photo URL. */
export function photoSrc(url: string): string {
  return url;
}
