import Taro from '@tarojs/taro';

/** Template id of the 需求进度通知 message, inlined at build time; unset = do not ask. */
const TMPL_NEED_UPDATE: string = process.env.TARO_APP_TMPL_NEED_UPDATE || '';

/**
 * Asks for consent while the user is tapping submit (WeChat only allows it inside a tap), so the
 * cloud function may later send one progress message. The answer is the user's business: ignore it.
 */
export async function requestNeedUpdates(): Promise<void> {
  if (!TMPL_NEED_UPDATE) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds: [TMPL_NEED_UPDATE], entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option);
  } catch {
    // Refused, or too many requests: the need is filed either way.
  }
}
