import { useState } from 'react';
import { View } from '@tarojs/components';
import type { NeedStatsDTO } from '@hg/types';
import Page from '../../../../components/Page';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import StateView from '../../../../components/StateView';
import { useLoad } from '../../../../hooks/useLoad';
import { needs } from '../../../../services/needs';
import { formatHours, formatShare } from '../../../../utils/format';
import { PERIODS, type PeriodKey, periodRange } from '../../period';
import './index.scss';

interface BarProps {
  label: string;
  value: number;
  max: number;
  /** Text after the bar (defaults to the value). */
  text?: string;
  tone?: 'done' | 'unfixed' | 'open';
}

/** One horizontal bar in plain CSS (no chart library): the numbers are text, the bar is decoration. */
function Bar({ label, value, max, text, tone = 'done' }: BarProps) {
  const pct = max > 0 ? Math.max(value > 0 ? 2 : 0, Math.round((value / max) * 100)) : 0;
  return (
    <View className='dash__bar' role='listitem'>
      <View className='dash__bar-label'>{label}</View>
      <View className='dash__bar-track' aria-hidden='true'>
        <View className={`dash__bar-fill dash__bar-fill--${tone}`} style={{ width: `${pct}%` }} />
      </View>
      <View className='dash__bar-value'>{text ?? value}</View>
    </View>
  );
}

function Stat({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <View className='dash__stat' role='listitem' data-testid={testId}>
      <View className='dash__num'>{value}</View>
      <View className='dash__label'>{label}</View>
    </View>
  );
}

function Stats({ s }: { s: NeedStatsDTO }) {
  const outcomeMax = Math.max(s.solved, s.unfixed, s.open, 1);
  const communityMax = Math.max(1, ...s.byCommunity.map((c) => c.created));
  const receiverMax = Math.max(1, ...s.byReceiver.map((r) => r.solved));
  return (
    <>
      <View className='card'>
        <View className='dash__stats' role='list' aria-label='总体情况'>
          <Stat label='新增需求' value={s.created} testId='stat-created' />
          <Stat label='已解决' value={s.solved} testId='stat-solved' />
          <Stat label='未解决（不予受理/撤销）' value={s.unfixed} testId='stat-unfixed' />
          <Stat label='进行中' value={s.open} testId='stat-open' />
          <Stat label='超时未办' value={s.overdue} testId='stat-overdue' />
          <Stat label='升级处理' value={s.escalated} testId='stat-escalated' />
          <Stat label='合并重复' value={s.merged} testId='stat-merged' />
          <Stat label='首次响应（中位数）' value={formatHours(s.medianFirstResponseMinutes)} testId='stat-first-response' />
          <Stat label='办结用时（中位数）' value={formatHours(s.medianCompletionMinutes)} testId='stat-completion' />
          <Stat label='小事不出楼栋' value={formatShare(s.buildingLevelShare)} testId='stat-building-share' />
          <Stat label={`平均评分（${s.ratedCount}条评价）`} value={s.averageRating === null ? '—' : `${s.averageRating.toFixed(1)}星`} testId='stat-rating' />
        </View>
      </View>

      <View className='card'>
        <View className='card__title' role='heading' aria-level={2}>
          办理结果
        </View>
        <View role='list' aria-label='办理结果'>
          <Bar label='已解决' value={s.solved} max={outcomeMax} tone='done' />
          <Bar label='未解决' value={s.unfixed} max={outcomeMax} tone='unfixed' />
          <Bar label='进行中' value={s.open} max={outcomeMax} tone='open' />
        </View>
      </View>

      {s.byCommunity.length ? (
        <View className='card' data-testid='stats-by-community'>
          <View className='card__title' role='heading' aria-level={2}>
            各社区
          </View>
          <View role='list' aria-label='各社区'>
            {s.byCommunity.map((c) => (
              <Bar
                key={c.id}
                label={c.name}
                value={c.created}
                max={communityMax}
                text={`新增${c.created} · 解决${c.solved} · 未解决${c.unfixed} · 楼栋内${formatShare(c.buildingLevelShare)}`}
              />
            ))}
          </View>
        </View>
      ) : null}

      {s.byReceiver.length ? (
        <View className='card' data-testid='stats-by-receiver'>
          <View className='card__title' role='heading' aria-level={2}>
            各接单方
          </View>
          <View role='list' aria-label='各接单方'>
            {s.byReceiver.map((r) => (
              <Bar
                key={`${r.kind}-${r.id}`}
                label={r.name}
                value={r.solved}
                max={receiverMax}
                text={`解决${r.solved} · 用时${formatHours(r.medianCompletionMinutes)} · ${r.averageRating === null ? '暂无评分' : `${r.averageRating.toFixed(1)}星`}`}
              />
            ))}
          </View>
        </View>
      ) : null}
    </>
  );
}

/** 数据看板: solved vs closed-without-fixing, response and completion times, 小事不出楼栋, ratings. */
export default function DashboardPage() {
  const [period, setPeriod] = useState<PeriodKey>('thisMonth');
  const stats = useLoad(() => needs.stats(periodRange(period)), [period]);
  return (
    <Page title='数据看板'>
      <View className='card'>
        <ChoiceGroup id='dash-period' label='统计时段' options={PERIODS} value={period} onChange={setPeriod} />
      </View>
      <StateView loading={stats.loading} error={stats.error} onRetry={stats.reload} />
      {stats.data && !stats.loading ? <Stats s={stats.data} /> : null}
    </Page>
  );
}
