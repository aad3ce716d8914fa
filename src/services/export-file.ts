import type { NeedExportDTO } from '@hg/types';

/**
 * Hands an exported file (base64 from `needs.export`) to the user: a browser download on H5
 * (`export-file.h5.ts`), a temp file opened with the document viewer on WeChat
 * (`export-file.weapp.ts`). Resolves to a message to show when it could not.
 */
export async function saveExport(_file: NeedExportDTO): Promise<string | null> {
  return '当前平台不支持导出';
}
