import Taro from '@tarojs/taro';
import { dial } from './dial.h5';

/**
 * Routes every `Taro.makePhoneCall` on H5 through `dial` (see dial.h5.ts), so a call button on any
 * page — not only PhoneLink — leaves the app responsive after the call.
 */
export function installDialer(): void {
  const patched: typeof Taro.makePhoneCall = (options) => {
    dial(options.phoneNumber);
    const res = { errMsg: 'makePhoneCall:ok' };
    options.success?.(res);
    options.complete?.(res);
    return Promise.resolve(res);
  };
  (Taro as { makePhoneCall: typeof Taro.makePhoneCall }).makePhoneCall = patched;
}
