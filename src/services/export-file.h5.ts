import type { NeedExportDTO } from '@hg/types';
import { API_BASE } from './session';

/** Clicks a temporary `<a download>`: the stored file's link, or a Blob of the inline base64. */
function download(href: string, filename: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** A gateway link is root-relative (like /uploads photos): the gateway may be on another origin. */
export const exportHref = (url: string) => (url.startsWith('/') ? `${API_BASE}${url}` : url);

export async function saveExport(file: NeedExportDTO): Promise<string | null> {
  try {
    if (file.url) {
      download(exportHref(file.url), file.filename);
      return null;
    }
    const bin = atob(file.base64 ?? '');
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i += 1) bytes[i] = bin.charCodeAt(i);
    const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
    download(url, file.filename);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return null;
  } catch {
    return '下载失败，请重试';
  }
}
