import Taro from '@tarojs/taro';
import type { Envelope, PhotoDTO } from '@hg/types';
import { NETWORK_ERROR, isEnvelope, readable } from './call';
import { API_BASE, getToken, signInNeeded } from './session';
import { PHOTO_KEEP_BYTES, PHOTO_LONG_EDGE, PHOTO_QUALITIES, PHOTO_ROUNDS, PHOTO_SHRINK, fitWithin } from './photo-size';
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

/** Object URLs made by compressPhoto, released once uploaded (the thumbnail shows the server's copy). */
const compressed = new Set<string>();

function loadImage(src: string): Promise<HTMLImageElement | null> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = src;
  });
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b), 'image/jpeg', quality));
}

/**
 * Canvas re-encode: long edge to PHOTO_LONG_EDGE, JPEG at falling quality, then a smaller edge,
 * until the photo fits `maxBytes`. White under transparent PNG pixels (JPEG has no alpha). The
 * browser applies the EXIF orientation when drawing, so a portrait phone photo stays upright.
 */
export async function compressPhoto(photo: PickedPhoto, maxBytes: number): Promise<PickedPhoto | null> {
  const img = await loadImage(photo.path);
  if (!img || !img.naturalWidth) return null;
  const { naturalWidth: w, naturalHeight: h } = img;
  if (photo.size <= Math.min(PHOTO_KEEP_BYTES, maxBytes) && Math.max(w, h) <= PHOTO_LONG_EDGE) return photo;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return photo.size <= maxBytes ? photo : null;
  let edge = PHOTO_LONG_EDGE;
  for (let round = 0; round < PHOTO_ROUNDS; round += 1, edge = Math.round(edge * PHOTO_SHRINK)) {
    const size = fitWithin(w, h, edge);
    canvas.width = size.width;
    canvas.height = size.height;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.drawImage(img, 0, 0, size.width, size.height);
    for (const quality of PHOTO_QUALITIES) {
      const blob = await toJpeg(canvas, quality);
      if (blob && blob.size <= maxBytes) {
        const path = URL.createObjectURL(blob);
        compressed.add(path);
        return { path, size: blob.size, type: 'image/jpeg' };
      }
    }
  }
  return null;
}

/** The H5 overlay (PhotoViewer) is the viewer here: Taro's H5 previewImage has no close button or Esc. */
export function previewNatively(_urls: string[], _index: number): boolean {
  return false;
}

/** `POST /api/_upload` with the raw bytes; the gateway sniffs the type and stores by content hash. */
export async function uploadPhoto(photo: PickedPhoto): Promise<Envelope<PhotoDTO>> {
  try {
    const blob = await (await fetch(photo.path)).blob();
    if (compressed.delete(photo.path)) URL.revokeObjectURL(photo.path);
    const token = getToken();
    const res = await fetch(`${API_BASE}/api/_upload`, {
      method: 'POST',
      headers: { 'Content-Type': photo.type || blob.type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: blob,
    });
    const body: unknown = await res.json().catch(() => null);
    if (!isEnvelope(body)) return { ok: false, error: NETWORK_ERROR };
    if (!body.ok && body.error.code === 'UNAUTHENTICATED') signInNeeded();
    return readable(body as Envelope<PhotoDTO>);
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
}

/** Gateway URLs are site-relative; prefix the API origin when the app is served elsewhere. */
export function photoSrc(url: string): string {
  return url.startsWith('/') ? `${API_BASE}${url}` : url;
}
