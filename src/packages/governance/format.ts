import type { MatterDTO, MatterStatus } from '@hg/types/deliberation';
import { MATTER_SCOPE_LABELS, MATTER_STATUS_LABELS } from '@hg/types/deliberation';
import { WEEKDAY_LABEL } from '@hg/types/bookings';
import { addDays, localDay, localTime, weekdayOf } from '@hg/types/local-time';
import { formatTime } from '../../utils/format';

/** Display rules of the 小区议事 pages, on Beijing time whatever the device's zone. */

/** The five steps in order (the step bar and the list's groups). */
export const STEPS: MatterStatus[] = ['draft', 'notice', 'voting', 'closed', 'published'];

/** The list's groups, the one that asks something of a resident first. */
export const LIST_ORDER: MatterStatus[] = ['voting', 'notice', 'closed', 'published', 'draft', 'withdrawn'];

/** What a step means to a resident, under its name. */
export const STEP_HINT: Record<MatterStatus, string> = {
  draft: '方案起草中，尚未公告',
  notice: '已公告，公告期满后开始投票',
  voting: '正在投票',
  closed: '投票已结束，正在落实结果',
  published: '结果已公示',
  withdrawn: '议题已撤回',
};

export const stepLabel = (s: MatterStatus) => MATTER_STATUS_LABELS[s];

/** The four rules every step shows, in plain words (谁能投票、需要多少人参加、多少人同意才通过、何时截止). */
export function ruleLines(m: Pick<MatterDTO, 'scopeLevel' | 'placeName' | 'rule' | 'eligible' | 'opensAt' | 'closesAt'>, now: Date = new Date()) {
  const { quorumPercent, approvalPercent, noticeDays } = m.rule;
  const households = m.eligible !== null ? `，共 ${m.eligible} 户` : '（公告发布时确定户数）';
  const needed = m.eligible !== null ? `，即至少 ${Math.ceil((m.eligible * quorumPercent) / 100)} 户` : '';
  return [
    {
      key: 'who',
      label: '谁能投票',
      text: `${MATTER_SCOPE_LABELS[m.scopeLevel]}（${m.placeName}）每户一票${households}。由本户已认证的成员在线投票；不用手机的住户可在协商会上或委托填写纸质选票。`,
    },
    { key: 'quorum', label: '需要多少人参加', text: `至少 ${quorumPercent}% 的户参加投票，结果才有效${needed}。` },
    { key: 'approval', label: '多少人同意才通过', text: `得票最多的选项超过所投票数的 ${approvalPercent}% 才算通过；票数相同则不通过。` },
    {
      key: 'deadline',
      label: '何时截止',
      text: m.closesAt
        ? `${formatTime(m.opensAt, now)} 开始，${formatTime(m.closesAt, now)} 截止。截止前可以改票，以最后一次为准。`
        : `发布公告时确定；公告至少 ${noticeDays} 天后才开始投票。`,
    },
  ];
}

/** "第2版 · 校验码 3fa1c0de": what a printed notice can be checked against. */
export function versionLine(m: Pick<MatterDTO, 'version' | 'contentHash'>): string | null {
  if (!m.version || !m.contentHash) return null;
  return `第${m.version}版 · 校验码 ${m.contentHash}`;
}

/** A share, one decimal: 66.7%. */
export const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part * 1000) / whole) / 10}%` : '0%');

/** The hour votes open and close at (Beijing), so a notice reads 「12月12日 09:00 开始」. */
export const OPEN_AT = '09:00';
export const CLOSE_AT = '20:00';

/**
 * The days the vote can open on: the first day whose 09:00 is past the notice period, then the
 * next six. The server checks the period again with its own clock.
 */
export function openingDays(noticeDays: number, now: Date = new Date()): string[] {
  const earliest = now.getTime() + noticeDays * 24 * 3600_000;
  let day = localDay(new Date(earliest));
  if (localTime(day, OPEN_AT).getTime() < earliest) day = addDays(day, 1);
  return Array.from({ length: 7 }, (_, i) => addDays(day, i));
}

/** The voting window as the server takes it: opens at 09:00 on `day`, closes at 20:00 `days` later. */
export function windowOf(day: string, days: number): { opensAt: string; closesAt: string } {
  return { opensAt: localTime(day, OPEN_AT).toISOString(), closesAt: localTime(addDays(day, days), CLOSE_AT).toISOString() };
}

/** "2026-03-02" → "3月2日 周一". */
export function dayLabel(day: string): string {
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日 ${WEEKDAY_LABEL[weekdayOf(day)]}`;
}
