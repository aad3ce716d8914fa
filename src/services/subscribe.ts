/**
 * One-time subscribe messages (订阅消息) seam. Only WeChat has them (`subscribe.weapp.ts`); H5 and
 * jest do nothing. Never fails: a refused or failed consent must not block the submission.
 */
export async function requestNeedUpdates(): Promise<void> {}
