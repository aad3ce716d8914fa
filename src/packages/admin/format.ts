import type { TimerJobDTO, TimerRunDTO } from '@hg/types';

/**
 * 定时任务 in words a clerk reads: each module's job by what it does for people, and what a run
 * did. Names come from the modules' timers (`need-timers.ts`, `booking-timers.ts`,
 * `standing-order-timer.ts`, `rating-timers.ts`, `slots/slot-timers.ts`, `deliberation-timers.ts`, `grid-timers.ts`, `party-timers.ts`, party's `hours.ts`); a job added later shows its raw name until it is
 * named here (the timers journey checks that every deployed job has a name).
 */
export const JOB_LABEL: Record<string, string> = {
  'needs.escalateOverdue': '需求超时升级',
  'needs.resumeHolds': '挂起需求到期恢复',
  'needs.autoCloseUnrated': '未评价需求自动关闭',
  'bookings.expireOffers': '候补名额超时失效',
  'bookings.closeWaitlists': '截止后结束候补',
  'bookings.markNoShows': '未核销记为未到',
  'bookings.standingOrders': '长期订餐',
  'ratings.closeEndedPeriods': '评价期自动截止',
  'ratings.openScheduledPeriods': '待开始的评价期到期自动开启',
  'ratings.remindAssessors': '考评截止前提醒考评员',
  'ratings.finalizeAfterPublicity': '公示期满评价结果定稿',
  'slots.lapseOffers': '活动室等预约的候补名额超时失效',
  'slots.closeWaitlists': '活动室等预约截止后结束候补',
  'slots.markNoShows': '活动室等预约未签到记为未到',
  'deliberation.openVotes': '公告期满议题开始投票',
  'deliberation.closeVotes': '议题投票到期截止并计票',
  'deliberation.remindBeforeClose': '议题投票截止前提醒未投票住户',
  'deliberation.proposeFromNeeds': '关注户数达标的需求转为议题草稿',
  'needs.transcribeVoice': '需求语音转文字',
  'ratings.transcribeVoice': '评价语音转文字',
  'grids.planVisits': '为走访对象安排计划走访',
  'grids.transcribeVoice': '走访语音转文字',
  'party.lapseReports': '满一年的双报到到期提醒续报',
  'party.closeMissedCheckouts': '活动结束未签退的工时自动结束待审核',
  'pushes.send': '发送微信订阅消息',
};

export const jobLabel = (name: string): string => JOB_LABEL[name] ?? name;

/** What a run's counts mean (`EscalationTickDTO`'s keys, docs/api.md). */
const COUNT_TEXT: Record<string, (n: number) => string> = {
  escalated: (n) => `升级${n}条需求`,
  resumed: (n) => `恢复${n}条挂起的需求`,
  autoClosed: (n) => `关闭${n}条未评价的需求`,
  offersExpired: (n) => `${n}个候补名额失效`,
  waitlistsClosed: (n) => `结束${n}个候补`,
  noShows: (n) => `${n}份记为未到`,
  standingBooked: (n) => `订上${n}份`,
  standingMissed: (n) => `${n}份因满员未订上`,
  periodsClosed: (n) => `截止${n}个评价期`,
  periodsOpened: (n) => `开启${n}个评价期`,
  periodsFinalized: (n) => `定稿${n}个评价期`,
  assessorsReminded: (n) => `提醒${n}位考评员`,
  slotOffersLapsed: (n) => `${n}个预约候补名额失效`,
  slotWaitlistsClosed: (n) => `结束${n}个预约候补`,
  slotNoShows: (n) => `${n}个预约记为未到`,
  votesOpened: (n) => `${n}个议题开始投票`,
  votesClosed: (n) => `${n}个议题截止计票`,
  remindersSent: (n) => `提醒${n}个议题的未投票住户`,
  mattersProposed: (n) => `生成${n}个议题草稿`,
  planned: (n) => `安排${n}次计划走访`,
  transcribed: (n) => `${n}条语音转成文字`,
  transcribeFailed: (n) => `${n}条语音转文字失败`,
  transcribeSkipped: (n) => `${n}条语音未开启转文字`,
  partyReportsLapsed: (n) => `${n}份双报到到期`,
  partyCheckoutsClosed: (n) => `${n}条未签退工时已结束待审核`,
  pushesSent: (n) => `发出${n}条微信消息`,
  pushesRetried: (n) => `${n}条微信消息稍后重发`,
  pushesRefused: (n) => `${n}条因未订阅未发`,
  pushesFailed: (n) => `${n}条微信消息多次失败`,
};

/** 「升级2条需求，恢复1条挂起的需求」, or 「无待处理事项」 when the run found nothing to do. */
export function countsText(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([key, n]) => COUNT_TEXT[key]?.(n) ?? `${key}：${n}`);
  return parts.length ? parts.join('，') : '无待处理事项';
}

/**
 * The badge: how the job is doing, from its state and its last run. A job is 正常 when it is idle
 * and its last run succeeded; a lapsed lease means the instance died mid-run (the next tick takes
 * the job over).
 */
export type JobHealth = 'ok' | 'running' | 'failed' | 'lapsed' | 'never';

export const HEALTH_LABEL: Record<JobHealth, string> = {
  ok: '正常',
  running: '运行中',
  failed: '上次失败',
  lapsed: '运行中断',
  never: '从未运行',
};

export function healthOf(job: Pick<TimerJobDTO, 'state' | 'lastOutcome'>): JobHealth {
  if (job.state !== 'idle') return job.state; // never, running and lapsed say it themselves
  return job.lastOutcome === 'failed' ? 'failed' : 'ok';
}

/** Jobs that need someone to look: a failed last run or a lapsed lease. */
export const needsAttention = (health: JobHealth): boolean => health === 'failed' || health === 'lapsed';

/** The runner's own failure codes in words (an AppError's code stays as it is, its message says it). */
const ERROR_CODE_TEXT: Record<string, string> = {
  INTERNAL: '系统内部错误',
  LEASE_LAPSED: '运行中断',
  LEASE_LOST: '运行超时',
};

/** 「INTERNAL（系统内部错误）」 */
export const errorCodeText = (code: string): string => (ERROR_CODE_TEXT[code] ? `${code}（${ERROR_CODE_TEXT[code]}）` : code);

/** One attempt in a line: what came of it. */
export function runText(run: TimerRunDTO): string {
  if (run.outcome === 'ok') return countsText(run.counts);
  if (run.outcome === 'skipped') return '上一次运行还没结束，本次跳过';
  if (run.outcome === 'running') return '正在运行';
  return run.error ? run.error.message || run.error.code : '出错';
}
