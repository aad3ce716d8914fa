import type { ActionInput, ActionName, ActionOutput, ApiError, Envelope, FunctionName } from '@hg/types';

/**
 * The signature every platform transport implements. Typed with `Api` from the contract so a
 * misspelt action or a wrong input shape fails at compile time, not in front of a resident.
 */
export type CallFunction = <F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  input: ActionInput<F, A>,
) => Promise<Envelope<ActionOutput<F, A>>>;

/** What a caller sees when the network (not the server) failed: never a raw exception. */
export const NETWORK_ERROR: ApiError = { code: 'INTERNAL', message: '网络异常，请稍后再试' };

/** True when `body` already has the envelope shape, whatever HTTP status carried it. */
export function isEnvelope(body: unknown): body is Envelope<unknown> {
  if (!body || typeof body !== 'object') return false;
  const b = body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (b.ok === true) return 'data' in b;
  return b.ok === false && !!b.error && typeof b.error.code === 'string' && typeof b.error.message === 'string';
}

/**
 * Chinese names of the input fields the server's INVALID_INPUT can name. The server's message is
 * `<field>: <reason>` (so API clients see which field); a person must never read `intoNeedId:`.
 */
const FIELD_LABEL: Record<string, string> = {
  action: '操作',
  input: '填写内容',
  needId: '需求编号',
  intoNeedId: '要合并到的需求编号',
  categoryId: '需求类别',
  householdId: '房屋',
  description: '需求描述',
  location: '位置',
  photoIds: '照片',
  contactName: '居民姓名',
  contactPhone: '联系电话',
  comment: '留言',
  note: '说明',
  reason: '原因',
  reasonCode: '原因',
  stars: '评分',
  scores: '评分',
  compoundId: '小区',
  buildingId: '楼栋',
  unitId: '单元',
  room: '房号',
  name: '姓名',
  phone: '手机号',
  phoneTail: '手机尾号',
  relation: '与住户的关系',
  relationNote: '关系说明',
  membershipId: '房屋认证',
  userId: '账号',
  orgId: '单位',
  firmId: '物业公司',
  title: '标题',
  body: '内容',
  code: '二维码',
  startsAt: '开始时间',
  endsAt: '结束时间',
  elderName: '老人姓名',
  birthYear: '出生年份',
  q: '搜索内容',
};

/**
 * The text a person reads for a server error: the `<field>: ` prefix of INVALID_INPUT becomes
 * the field's Chinese label (or goes away when the reason already names it, 「需求描述不超过500个字」).
 * `details.field` keeps the raw name, so a form can still put the message next to that field.
 * The one place envelope errors become user text: `client()` and the upload seam apply it.
 */
export function userMessage(error: ApiError): string {
  const field = typeof error.details?.field === 'string' ? error.details.field : null;
  const m = /^([A-Za-z_][\w.[\]]*)\s*:\s*([\s\S]*)$/.exec(error.message);
  if (!m) return error.message;
  const reason = m[2].trim() || '填写有误';
  // `photoIds.3` or `scores.0.stars`: the label of the first known segment.
  const segments = (field ?? m[1]).split(/[.[\]]/).filter(Boolean);
  const label = segments.map((s) => FIELD_LABEL[s]).find(Boolean);
  if (!label || reason.includes(label)) return reason;
  return `${label}：${reason}`;
}

/** The envelope with its error message made readable (see `userMessage`); success passes through. */
export function readable<T>(envelope: Envelope<T>): Envelope<T> {
  if (envelope.ok) return envelope;
  const message = userMessage(envelope.error);
  return message === envelope.error.message ? envelope : { ok: false, error: { ...envelope.error, message } };
}
