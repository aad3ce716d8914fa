import { View } from '@tarojs/components';
import type { NeedStatus, NeedSummaryDTO } from '@hg/types';
import { OPEN_NEED_STATUSES, UNFIXED_NEED_STATUSES } from '@hg/types/needs';
import { formatTime } from '../../utils/format';
import { ROUTES, openPage, withQuery } from '../../routes';
import { FOCUSABLE } from '../a11y';
import './index.scss';

/** Colour family of a status: still owed (open), fixed (done), closed without fixing (unfixed). */
export function statusTone(status: NeedStatus): 'open' | 'done' | 'unfixed' {
  if (OPEN_NEED_STATUSES.includes(status)) return 'open';
  return UNFIXED_NEED_STATUSES.includes(status) ? 'unfixed' : 'done';
}

export interface NeedBadgesProps {
  need: Pick<NeedSummaryDTO, 'status' | 'statusLabel' | 'level' | 'levelLabel' | 'overdue'> & Partial<Pick<NeedSummaryDTO, 'place' | 'unverified'>>;
  /** The row's clock (`dueText`): 已超时 2小时 replaces the bare overdue mark, 剩余 3小时 is added. */
  due?: DueText | null;
}

/** 2天5小时 / 3小时 / 40分钟 / 不足1分钟: a span as a clerk reads it at a glance. */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0) return `${days}天${hours % 24 ? `${hours % 24}小时` : ''}`;
  if (hours > 0) return `${hours}小时`;
  return minutes > 0 ? `${minutes}分钟` : '不足1分钟';
}

export interface DueText {
  overdue: boolean;
  /** 剩余 3小时 / 已超时 2小时 */
  text: string;
  /** The deadline in the community's local time (3月1日 16:30). */
  at: string;
}

/** The row's clock from the deadline that applies now; null when none runs (on hold, finished). */
export function dueText(need: Pick<NeedSummaryDTO, 'dueAt' | 'overdue'>, now: Date): DueText | null {
  if (!need.dueAt) return null;
  const left = Date.parse(need.dueAt) - now.getTime();
  const overdue = need.overdue || left < 0;
  return { overdue, text: overdue ? (left < 0 ? `已超时 ${formatSpan(left)}` : '已超时') : `剩余 ${formatSpan(left)}`, at: formatTime(need.dueAt, now) };
}

/** A compound-wide need starts at the compound rung: 小区级 there is where it began, not a climb. */
function startLevel(need: NeedBadgesProps['need']): boolean {
  return need.level === 'building' || (need.place === 'compound' && need.level === 'compound');
}

/** Status, the escalation level (楼栋级, or 升级至小区… once it climbed: visible on every view) and the overdue marker. */
export function NeedBadges({ need, due }: NeedBadgesProps) {
  return (
    <View className='need-badges'>
      <View className={`need-badge need-badge--${statusTone(need.status)}`} data-testid='need-status'>
        {need.statusLabel}
      </View>
      <View className={`need-badge ${startLevel(need) ? 'need-badge--building' : 'need-badge--level'}`} data-testid='need-level'>
        {startLevel(need) ? `${need.levelLabel}级` : `升级至${need.levelLabel}`}
      </View>
      {need.unverified ? (
        <View className='need-badge need-badge--unverified' data-testid='need-unverified'>
          待核实
        </View>
      ) : null}
      {need.overdue || due?.overdue ? (
        <View className='need-badge need-badge--overdue' data-testid='need-overdue'>
          {due?.overdue ? due.text : '已超时'}
        </View>
      ) : due ? (
        <View className='need-badge need-badge--due' data-testid='need-due'>
          {due.text}
        </View>
      ) : null}
    </View>
  );
}

/** Which deadline the row's clock is: the community dispatches, the receiver accepts, then resolves. */
const CLOCK_LABEL: Partial<Record<NeedStatus, string>> = {
  submitted: '接单时限',
  dispatched: '接单时限',
  open_for_claim: '认领时限',
  accepted: '办结时限',
  in_progress: '办结时限',
};

export interface NeedRowProps {
  need: NeedSummaryDTO;
  /** Extra controls under the row (e.g. the 认领 button), outside the link. */
  children?: React.ReactNode;
  /** The clock the remaining time is counted from (tests pass one). */
  now?: Date;
}

/** One need in any list: icon, category, badges, excerpt, time; the whole head opens the detail. */
export default function NeedRow({ need, children, now = new Date() }: NeedRowProps) {
  const open = () => openPage(withQuery(ROUTES.needDetail, { id: need.id }));
  const due = dueText(need, now);
  return (
    <View className='need-row' role='listitem' data-testid={`need-row-${need.id}`}>
      <View className='need-row__link' role='link' {...FOCUSABLE} onClick={open}>
        <View className='need-row__head'>
          <View className='need-row__icon' aria-hidden='true'>
            {need.category.icon}
          </View>
          <View className='need-row__cat'>{need.category.name}</View>
          <View className='need-row__no'>#{need.id}</View>
        </View>
        <NeedBadges need={need} due={due} />
        <View className='need-row__excerpt'>{need.excerpt}</View>
        {due ? (
          <View className={`need-row__due ${due.overdue ? 'need-row__due--over' : ''}`} data-testid='need-due-at'>
            {CLOCK_LABEL[need.status] ?? '时限'}：{due.at}
          </View>
        ) : null}
        <View className='need-row__meta'>
          {need.compound.name}
          {need.placeLabel ? ` ${need.placeLabel}` : ''} · {formatTime(need.createdAt)}
          {need.receiver ? ` · ${need.receiver.name}` : ''}
        </View>
      </View>
      {children}
    </View>
  );
}
