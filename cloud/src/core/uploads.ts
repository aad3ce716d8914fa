import type { PhotoDTO } from '@hg/types';

/**
 * What a client opens for a stored upload (a photo or a voice note): local ids (`local/<sha>.<ext>`)
 * are served by the gateway under /uploads, cloud fileIDs are shown by the mini-program as they
 * are. The one rule every presenter uses.
 */
export function photoUrl(fileId: string): string {
  return fileId.startsWith('local/') ? `/uploads/${fileId.slice('local/'.length)}` : fileId;
}

/** A stored photo as clients read it. */
export const presentPhotoId = (fileId: string): PhotoDTO => ({ fileId, url: photoUrl(fileId) });
