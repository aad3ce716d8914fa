import Taro from '@tarojs/taro';

/**
 * Starts a phone call. Neutral default (type checker, jest): the mini-program API. Taro picks
 * `dial.h5.ts` / `dial.weapp.ts` at build time.
 */
export function dial(phone: string): void {
  void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}
