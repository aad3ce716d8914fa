import Taro from '@tarojs/taro';
import type { MessageKind } from '@hg/types/links';

/**
 * Reads a build-time constant. Taro inlines each `process.env.TARO_APP_*` it knows literally (from
 * `.env*` files or `defineConstants`); one it does not know stays a `process` lookup, which throws
 * on WeChat, where `process` does not exist. Unset = '' = do not ask for that kind.
 */
function inlined(read: () => string | undefined): string {
  try {
    return read() || '';
  } catch {
    return '';
  }
}

/** Template id per message kind, written out one by one so the build can inline each. */
const TEMPLATES: Record<MessageKind, string> = {
  need_update: inlined(() => process.env.TARO_APP_TMPL_NEED_UPDATE),
  need_task: inlined(() => process.env.TARO_APP_TMPL_NEED_TASK),
  membership_update: inlined(() => process.env.TARO_APP_TMPL_MEMBERSHIP_UPDATE),
  booking_update: inlined(() => process.env.TARO_APP_TMPL_BOOKING_UPDATE),
  rating_update: inlined(() => process.env.TARO_APP_TMPL_RATING_UPDATE),
  rating_period: inlined(() => process.env.TARO_APP_TMPL_RATING_PERIOD),
  rating_result: inlined(() => process.env.TARO_APP_TMPL_RATING_RESULT),
  rating_task: inlined(() => process.env.TARO_APP_TMPL_RATING_TASK),
  rating_comment: inlined(() => process.env.TARO_APP_TMPL_RATING_COMMENT),
  matter_update: inlined(() => process.env.TARO_APP_TMPL_MATTER_UPDATE),
  matter_vote: inlined(() => process.env.TARO_APP_TMPL_MATTER_VOTE),
  matter_task: inlined(() => process.env.TARO_APP_TMPL_MATTER_TASK),
  party_update: inlined(() => process.env.TARO_APP_TMPL_PARTY_UPDATE),
  post_update: inlined(() => process.env.TARO_APP_TMPL_POST_UPDATE),
};

/**
 * Asks consent for the templates of `kinds` while the user is tapping submit (WeChat only allows it
 * inside a tap), so the cloud function may later send one message of each. The answer is the
 * user's business: ignore it.
 */
export async function requestSubscribe(kinds: MessageKind[]): Promise<void> {
  const tmplIds = [...new Set(kinds.map((k) => TEMPLATES[k]).filter(Boolean))];
  if (!tmplIds.length) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option);
  } catch {
    // Refused, or too many requests: the submission goes ahead either way.
  }
}
