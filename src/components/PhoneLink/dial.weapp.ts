import Taro from '@tarojs/taro';

/** WeChat shows its own call sheet; a cancelled call rejects, which is not an error for us. */
export function dial(phone: string): void {
  void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined);
}
