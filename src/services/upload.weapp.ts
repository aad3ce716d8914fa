import Taro from '@tarojs/taro';
import type { Envelope, PhotoDTO } from '@hg/types';
import { NETWORK_ERROR } from './call';
import { PHOTO_KEEP_BYTES, PHOTO_LONG_EDGE, PHOTO_QUALITIES, PHOTO_ROUNDS, PHOTO_SHRINK, fitWithin } from './photo-size';
import type { PickedPhoto } from './upload';

export type { PickedPhoto } from './upload';

const TYPE_BY_EXT: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

function typeOf(path: string): string {
  const ext = (/\.([a-z0-9]+)$/i.exec(path)?.[1] ?? '').toLowerCase();
  return TYPE_BY_EXT[ext] ?? `image/${ext || 'unknown'}`;
}

/** WeChat compresses on pick (`sizeType: compressed`); the MIME type follows the temp file's extension. */
export async function choosePhotos(count: number): Promise<PickedPhoto[]> {
  try {
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return res.tempFiles.map((f) => ({ path: f.path, size: f.size, type: typeOf(f.path) }));
  } catch {
    return [];
  }
}

async function fileSize(filePath: string): Promise<number | null> {
  try {
    const info = await Taro.getFileInfo({ filePath });
    return 'size' in info ? info.size : null;
  } catch {
    return null;
  }
}

/**
 * `compressImage` with the long edge at PHOTO_LONG_EDGE (from `getImageInfo`), falling quality,
 * then a smaller edge, until it fits `maxBytes`. `sizeType: compressed` on pick already helps on
 * most phones; this makes the limit hold on the others (and for an original picked from the album).
 */
export async function compressPhoto(photo: PickedPhoto, maxBytes: number): Promise<PickedPhoto | null> {
  let width: number;
  let height: number;
  try {
    ({ width, height } = await Taro.getImageInfo({ src: photo.path }));
  } catch {
    return null;
  }
  if (photo.size <= Math.min(PHOTO_KEEP_BYTES, maxBytes) && Math.max(width, height) <= PHOTO_LONG_EDGE) return photo;
  let edge = PHOTO_LONG_EDGE;
  for (let round = 0; round < PHOTO_ROUNDS; round += 1, edge = Math.round(edge * PHOTO_SHRINK)) {
    const size = fitWithin(width, height, edge);
    for (const quality of PHOTO_QUALITIES) {
      try {
        const { tempFilePath } = await Taro.compressImage({
          src: photo.path,
          quality: Math.round(quality * 100),
          compressedWidth: size.width,
          compressedHeight: size.height,
        });
        const bytes = await fileSize(tempFilePath);
        if (bytes !== null && bytes <= maxBytes) return { path: tempFilePath, size: bytes, type: typeOf(tempFilePath) };
      } catch {
        // Try the next, smaller setting.
      }
    }
  }
  return null;
}

/** WeChat's own viewer: pinch-zoom, swipe, long-press to save, closed by the system back gesture. */
export function previewNatively(urls: string[], index: number): boolean {
  void Taro.previewImage({ urls, current: urls[index] });
  return true;
}

/** Into the cloud environment's storage; the fileID doubles as the display URL (`<image>` reads cloud://). */
export async function uploadPhoto(photo: PickedPhoto): Promise<Envelope<PhotoDTO>> {
  const ext = photo.type === 'image/png' ? 'png' : photo.type === 'image/webp' ? 'webp' : 'jpg';
  const random = Math.random().toString(36).slice(2, 10);
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath: `needs/${Date.now()}-${random}.${ext}`, filePath: photo.path });
    if (!res.fileID) return { ok: false, error: NETWORK_ERROR };
    return { ok: true, data: { fileId: res.fileID, url: res.fileID } };
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '图片上传失败，请重试' } };
  }
}

export function photoSrc(url: string): string {
  return url;
}
