/**
 * The timer runner's vocabulary: how a job's run ended and what state a job is in, with the labels
 * the admin's 定时任务 view shows.
 */

/**
 * How one attempt of a job ended: `running` until it finishes; `skipped` when another tick held the
 * job's lease (the job was running elsewhere); `failed` when it threw (the other jobs still ran).
 */
export const TimerOutcome = { running: 'running', ok: 'ok', failed: 'failed', skipped: 'skipped' } as const;
export type TimerOutcome = (typeof TimerOutcome)[keyof typeof TimerOutcome];
export const TIMER_OUTCOME_LABEL: Record<TimerOutcome, string> = { running: '运行中', ok: '成功', failed: '失败', skipped: '已跳过' };

/**
 * A job right now: `running` while a tick holds its lease; `lapsed` when the holder's lease ran
 * out without a release (the instance died mid-run; the next tick takes over); `never` before its
 * first run.
 */
export const TimerJobState = { idle: 'idle', running: 'running', lapsed: 'lapsed', never: 'never' } as const;
export type TimerJobState = (typeof TimerJobState)[keyof typeof TimerJobState];
export const TIMER_JOB_STATE_LABEL: Record<TimerJobState, string> = {
  idle: '空闲',
  running: '运行中',
  lapsed: '上次运行中断，等待接管',
  never: '尚未运行',
};
