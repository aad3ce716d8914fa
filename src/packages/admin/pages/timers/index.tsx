import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { TimerJobDTO } from '@hg/types';
import { formatLocalTime } from '@hg/types/local-time';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { escalation } from '../../../../services/escalation';
import { HEALTH_LABEL, countsText, errorCodeText, healthOf, jobLabel, needsAttention, runText } from '../../format';
import './index.scss';

/** The latest attempts, newest first, behind a toggle so the cards stay short. */
function RecentRuns({ job, testId }: { job: TimerJobDTO; testId: string }) {
  const [open, setOpen] = useState(false);
  if (!job.recent.length) return null;
  return (
    <>
      <View
        className='timers__toggle'
        role='button'
        {...FOCUSABLE}
        aria-expanded={open ? 'true' : 'false'}
        data-testid={`${testId}-toggle`}
        onClick={() => setOpen((v) => !v)}
      >
        <View>{open ? '收起运行记录' : `查看最近${job.recent.length}次运行记录`}</View>
        <View className='timers__chevron' aria-hidden='true'>
          {open ? '▴' : '▾'}
        </View>
      </View>
      {open ? (
        <View className='timers__runs' role='list' aria-label={`${jobLabel(job.name)}的运行记录`} data-testid={`${testId}-runs`}>
          {job.recent.map((run) => (
            <View key={`${run.holder}-${run.startedAt}`} className='timers__run' role='listitem'>
              <View className='timers__run-head'>
                <View>{formatLocalTime(run.startedAt)}</View>
                <View className={`timers__outcome timers__outcome--${run.outcome}`}>{run.outcomeLabel}</View>
              </View>
              <View className='muted'>{runText(run)}</View>
            </View>
          ))}
        </View>
      ) : null}
    </>
  );
}

function JobCard({ job }: { job: TimerJobDTO }) {
  const health = healthOf(job);
  const testId = `job-${job.name}`;
  // The newest attempt that ran is the last run (skips only say another tick had the job).
  const last = job.recent.find((r) => r.outcome !== 'skipped');
  return (
    <View className={`card timers__job${needsAttention(health) ? ' timers__job--alert' : ''}`} role='listitem' data-testid={testId}>
      <View className='timers__head'>
        <View className='timers__name' role='heading' aria-level={2}>
          {jobLabel(job.name)}
        </View>
        <View className={`timers__badge timers__badge--${health}`} data-testid={`${testId}-badge`}>
          {HEALTH_LABEL[health]}
        </View>
      </View>
      <View className='timers__code'>{job.name}</View>

      {health === 'never' ? (
        <View className='timers__line' data-testid={`${testId}-never`}>
          还没有运行过。定时器启动后会自动运行。
        </View>
      ) : (
        <>
          <View className='timers__line' data-testid={`${testId}-last`}>
            {health === 'running' || health === 'lapsed' ? '开始运行：' : '上次运行：'}
            {formatLocalTime(job.lastStartedAt)}
          </View>
          {health === 'ok' ? (
            <View className='timers__line' data-testid={`${testId}-result`}>
              结果：成功{last ? `，${countsText(last.counts)}` : ''}
            </View>
          ) : null}
          {health === 'lapsed' ? <View className='timers__line'>{job.stateLabel}</View> : null}
        </>
      )}

      {health === 'failed' ? (
        <View className='timers__error' data-testid={`${testId}-error`}>
          <View>出错原因：{last?.error?.message || '未记录'}</View>
          {last?.error?.code ? <View className='timers__error-code'>错误代码：{errorCodeText(last.error.code)}</View> : null}
        </View>
      ) : null}
      {job.failStreak > 0 ? (
        <>
          <View className='timers__line timers__streak' data-testid={`${testId}-streak`}>
            已连续失败{job.failStreak}次
          </View>
          <View className='timers__line' data-testid={`${testId}-last-ok`}>
            {job.lastOkAt ? `上次成功：${formatLocalTime(job.lastOkAt)}` : '还没有成功过'}
          </View>
        </>
      ) : null}

      <RecentRuns job={job} testId={testId} />
    </View>
  );
}

/** 「共8项任务：7项正常，1项上次失败」: the whole picture in one line. */
function summaryOf(jobs: TimerJobDTO[]): string {
  const byHealth = new Map<string, number>();
  for (const job of jobs) {
    const label = HEALTH_LABEL[healthOf(job)];
    byHealth.set(label, (byHealth.get(label) ?? 0) + 1);
  }
  return `共${jobs.length}项任务：${[...byHealth].map(([label, n]) => `${n}项${label}`).join('，')}`;
}

/**
 * 定时任务 (city admin): whether the timer jobs run — one card per job with a plain name, a badge,
 * the last run in Beijing time and what it did, a failure's reason and streak, and the latest
 * attempts on demand. Read-only: the jobs run by themselves.
 */
export default function TimersPage() {
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((v) => v + 1));
  const jobs = useLoad(() => escalation.jobs(), [visit]);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (jobs.data) setLoadedAt(new Date());
  }, [jobs.data]);
  const data = jobs.data;
  const alerts = data?.filter((j) => needsAttention(healthOf(j))).length ?? 0;

  return (
    <Page title='定时任务'>
      <View className='muted timers__hint'>系统每隔几分钟自动运行下面这些任务。出现「上次失败」或「运行中断」时，请联系技术人员。</View>
      {data ? (
        // Until the first answer StateView shows 加载中 or the error with its own 重试.
        <View className='timers__bar'>
          <View className='muted timers__updated' data-testid='timers-updated'>
            {loadedAt ? `更新于 ${formatLocalTime(loadedAt)}` : ''}
          </View>
          <BusyButton
            label='刷新'
            busy={jobs.loading}
            busyLabel='刷新中…'
            onClick={jobs.reload}
            className='btn--ghost timers__refresh'
            testId='timers-refresh'
          />
        </View>
      ) : null}
      <StateView loading={jobs.loading && !data} error={jobs.error} empty={!!data && data.length === 0} emptyText='没有定时任务' onRetry={jobs.reload} />
      {data && data.length ? (
        <>
          <View className={alerts ? 'notice' : 'success'} role='status' data-testid='timers-summary'>
            {summaryOf(data)}
          </View>
          <View role='list' aria-label='定时任务'>
            {data.map((job) => (
              <JobCard key={job.name} job={job} />
            ))}
          </View>
        </>
      ) : null}
    </Page>
  );
}
