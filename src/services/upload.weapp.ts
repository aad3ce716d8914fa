import Taro from '@tarojs/taro';
import type { Envelope, PhotoDTO } from '@hg/types';
import { NETWORK_ERROR } from './call';
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
