import Taro from '@tarojs/taro';
import type { NeedExportDTO } from '@hg/types';

/**
 * Writes the file under the user data path and opens it in WeChat's document viewer, whose menu
 * lets staff forward or save it. The viewer reads xlsx; a CSV is saved and reported by path.
 */
export async function saveExport(file: NeedExportDTO): Promise<string | null> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.filename}`;
  try {
    await new Promise<void>((resolve, reject) => {
      Taro.getFileSystemManager().writeFile({ filePath, data: file.base64, encoding: 'base64', success: () => resolve(), fail: reject });
    });
  } catch {
    return '保存文件失败，请重试';
  }
  if (!/\.xlsx$/i.test(file.filename)) return `已保存：${file.filename}（CSV 请在电脑端导出查看）`;
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
    return null;
  } catch {
    return '无法打开文件，请改用电脑端导出';
  }
}
