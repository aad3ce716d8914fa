import Taro from '@tarojs/taro';
import type { NeedExportDTO } from '@hg/types';

/**
 * The file on the device: downloaded from cloud storage by fileId (when the storage rules let the
 * user read it), else from the temporary link the function made, or written from inline base64.
 */
async function localCopy(file: NeedExportDTO): Promise<string> {
  if (file.fileId) {
    try {
      return (await Taro.cloud.downloadFile({ fileID: file.fileId })).tempFilePath;
    } catch {
      if (!file.url) throw new Error('download failed');
    }
  }
  if (file.url) {
    const res = await Taro.downloadFile({ url: file.url });
    if (res.statusCode !== 200) throw new Error(`download ${res.statusCode}`);
    return res.tempFilePath;
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.filename}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({ filePath, data: file.base64 ?? '', encoding: 'base64', success: () => resolve(), fail: reject });
  });
  return filePath;
}

/**
 * Opens the file in WeChat's document viewer, whose menu lets staff forward or save it. The
 * viewer reads xlsx; a CSV is kept and reported by name.
 */
export async function saveExport(file: NeedExportDTO): Promise<string | null> {
  let filePath: string;
  try {
    filePath = await localCopy(file);
  } catch {
    return '下载文件失败，请重试';
  }
  if (!/\.xlsx$/i.test(file.filename)) return `已保存：${file.filename}（CSV 请在电脑端导出查看）`;
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
    return null;
  } catch {
    return '无法打开文件，请改用电脑端导出';
  }
}
