import type { NeedActionName, NeedDetailDTO } from '@hg/types';
import { NEED_RULES } from '@hg/types/needs';
import { formatRemaining } from '../../../../utils/format';

/** Button text per action; also the accessible name the journeys look for. */
export const ACTION_LABEL: Record<Exclude<NeedActionName, 'comment'>, string> = {
  claim: '认领',
  accept: '接单',
  start: '开始处理',
  resume: '恢复',
  resolve: '办结',
  hold: '挂起',
  decline: '退单',
  dispatch: '派单',
  publish: '发布认领',
  transfer: '转单',
  reject: '不予受理',
  merge: '合并',
  rate: '评价',
  reopen: '重新打开',
  urge: '催办',
  cancel: '撤销',
};
export type ButtonAction = keyof typeof ACTION_LABEL;
/** Most likely next step first. */
export const ORDER = Object.keys(ACTION_LABEL) as ButtonAction[];
/** Actions that need input first open a small form; the rest run on tap. */
export const WITH_FORM: ButtonAction[] = ['resolve', 'hold', 'decline', 'dispatch', 'transfer', 'reject', 'merge', 'rate', 'reopen'];
/** Actions that run on tap with nothing but the need's id. */
export const QUICK = ['urge', 'accept', 'start', 'resume', 'publish', 'claim'] as const satisfies readonly ButtonAction[];
export type QuickAction = (typeof QUICK)[number];

export function isQuick(a: ButtonAction): a is QuickAction {
  return (QUICK as readonly ButtonAction[]).includes(a);
}
export const DANGER: ButtonAction[] = ['cancel', 'reject', 'decline'];
export const DONE_TOAST: Partial<Record<ButtonAction, string>> = { urge: '已催办', claim: '认领成功', accept: '已接单', rate: '感谢评价' };

export const DAY = 24 * 3600 * 1000;

/** 「还可在2天5小时内重新打开（剩余1次）」, from resolvedAt and the 7-day window. */
export function reopenHint(need: NeedDetailDTO, now = Date.now()): string {
  const parts: string[] = [];
  if (need.resolvedAt) parts.push(`还可在${formatRemaining(Date.parse(need.resolvedAt) + NEED_RULES.reopenWindowDays * DAY - now)}内重新打开`);
  const left = NEED_RULES.maxReopens - need.reopenCount;
  if (left > 0) parts.push(`剩余${left}次`);
  if (need.reopenCount >= 1) parts.push('再次打开将升级处理');
  return parts.join('，');
}
