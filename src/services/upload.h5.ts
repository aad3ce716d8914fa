import Taro from '@tarojs/taro';
import type { Envelope, PhotoDTO } from '@hg/types';
import { NETWORK_ERROR, isEnvelope } from './call';
import { API_BASE, getToken, goToLogin } from './session';
import type { PickedPhoto } from './upload';

export type { PickedPhoto } from './upload';

interface H5TempFile {
  path: string;
  size: number;
  type?: string;
  originalFileObj?: File;
}

/** The browser gives us the File, so its real MIME type is known before uploading. */
export async function choosePhotos(count: number): Promise<PickedPhoto[]> {
  try {
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    return (res.tempFiles as H5TempFile[]).map((f) => ({
      path: f.path,
      size: f.originalFileObj?.size ?? f.size,
      type: f.originalFileObj?.type || f.type || 'image/jpeg',
    }));
  } catch {
    return [];
  }
}

/** `POST /api/_upload` with the raw bytes; the gateway sniffs the type and stores by content hash. */
export async function uploadPhoto(photo: PickedPhoto): Promise<Envelope<PhotoDTO>> {
  try {
    const blob = await (await fetch(photo.path)).blob();
    const token = getToken();
    const res = await fetch(`${API_BASE}/api/_upload`, {
      method: 'POST',
      headers: { 'Content-Type': photo.type || blob.type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: blob,
    });
    const body: unknown = await res.json().catch(() => null);
    if (!isEnvelope(body)) return { ok: false, error: NETWORK_ERROR };
    if (!body.ok && body.error.code === 'UNAUTHENTICATED') goToLogin();
    return body as Envelope<PhotoDTO>;
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
}

/** Gateway URLs are site-relative; prefix the API origin when the app is served elsewhere. */
export function photoSrc(url: string): string {
  return url.startsWith('/') ? `${API_BASE}${url}` : url;
}
