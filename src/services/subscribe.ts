import type { MessageKind } from '@hg/types/links';

/**
 * One-time subscribe messages (订阅消息) seam: one WeChat template per message kind
 * (types/links.ts `MessageKind`). Only WeChat has them (`subscribe.weapp.ts`); H5 and jest do
 * nothing. Never fails: a refused or failed consent must not block the submission.
 */
export async function requestSubscribe(_kinds: MessageKind[]): Promise<void> {}
