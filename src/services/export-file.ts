import type { NeedExportDTO } from '@hg/types';

/**
 * Hands an exported file from `needs.export` to the user — inline base64 for a small file, a
 * link (`url`, or a cloud `fileId` on WeChat) for a large one: a browser download on H5
 * (`export-file.h5.ts`), the document viewer on WeChat (`export-file.weapp.ts`). Resolves to a
 * message to show when it could not.
 */
export async function saveExport(_file: NeedExportDTO): Promise<string | null> {
  return '当前平台不支持导出';
}
