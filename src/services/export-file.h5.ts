import type { NeedExportDTO } from '@hg/types';

/** Decodes the base64 into a Blob and clicks a temporary `<a download>`. */
export async function saveExport(file: NeedExportDTO): Promise<string | null> {
  try {
    const bin = atob(file.base64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i += 1) bytes[i] = bin.charCodeAt(i);
    const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file.filename;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return null;
  } catch {
    return '下载失败，请重试';
  }
}
