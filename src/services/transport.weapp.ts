import Taro from '@tarojs/taro';
import type { ActionOutput, Envelope, FunctionName } from '@hg/types';
import type { CallFunction } from './call';
import { NETWORK_ERROR, isEnvelope } from './call';

let initialised = false;

/** wx.cloud must be initialised once per app launch before the first call. */
export function initTransport(): void {
  if (initialised) return;
  // DYNAMIC_CURRENT_ENV: use the cloud environment the mini-program is bound to in the devtools.
  Taro.cloud.init({ env: (Taro.cloud as unknown as { DYNAMIC_CURRENT_ENV: string }).DYNAMIC_CURRENT_ENV, traceUser: true });
  initialised = true;
}

/** Identity travels as the trusted OPENID added by WeChat, so no token is sent. */
export const callFunction: CallFunction = async (name, action, input) => {
  initTransport();
  try {
    const res = await Taro.cloud.callFunction({ name: name as FunctionName, data: { action, ...(input as object) } });
    return isEnvelope(res.result) ? (res.result as Envelope<ActionOutput<typeof name, typeof action>>) : { ok: false, error: NETWORK_ERROR };
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
};
