import Taro from '@tarojs/taro';

const KEY = 'hg.currentCompoundId';

/** "My current compound": the last one the resident scanned or picked, shown on the home tab. */
export function getCurrentCompoundId(): number | null {
  const v = Number(Taro.getStorageSync(KEY));
  return Number.isInteger(v) && v > 0 ? v : null;
}

export function setCurrentCompoundId(id: number): void {
  Taro.setStorageSync(KEY, id);
}
