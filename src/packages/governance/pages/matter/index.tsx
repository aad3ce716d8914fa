import { useEffect, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MatterDTO } from '@hg/types/deliberation';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import { useLoad } from '../../../../hooks/useLoad';
import { deliberation } from '../../../../services/deliberation';
import { formatTime } from '../../../../utils/format';
import { Notice, Rules, StepBar, Tally, Timeline } from '../../components/MatterParts';
import OrganiserPanel from '../../components/OrganiserPanel';
import VotePanel from '../../components/VotePanel';
import { STEP_HINT } from '../../format';
import './index.scss';

/** Where the vote stands, in one line under the step bar. */
function Status({ matter }: { matter: MatterDTO }) {
  if (matter.status === 'withdrawn')
    return (
      <View className='notice' role='status' data-testid='matter-withdrawn'>
        议题已撤回。{matter.withdrawnReason ? `原因：${matter.withdrawnReason}` : ''}
      </View>
    );
  if (matter.votingOpen)
    return (
      <View className='gmat__status gmat__status--open' role='status' data-testid='matter-status'>
        正在投票，{formatTime(matter.closesAt)} 截止
      </View>
    );
  if (matter.status === 'notice' && matter.opensAt)
    return (
      <View className='gmat__status' role='status' data-testid='matter-status'>
        发布公告：公告期内，{formatTime(matter.opensAt)} 开始投票
      </View>
    );
  return (
    <View className='gmat__status' role='status' data-testid='matter-status'>
      {matter.statusLabel}：{STEP_HINT[matter.status]}
    </View>
  );
}

/**
 * 议题: the notice (text, options, version and hash), the rules at every step, the five steps and
 * the dated timeline; for a household of the place its ballot and the options to vote or change it
 * while the vote is open; after close the stored tally; for the organisers the next steps.
 */
export default function MatterPage() {
  const { params } = useRouter();
  const matterId = Number(params.id);
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((v) => v + 1));
  const loaded = useLoad(matterId ? () => deliberation.get({ matterId }) : null, [matterId, visit]);
  const [matter, setMatter] = useState<MatterDTO | null>(null);
  useEffect(() => setMatter(loaded.data), [loaded.data]);
  const m = matter;

  return (
    <Page title={m?.title ?? '议题'}>
      <StateView loading={loaded.loading && !m} error={loaded.error} onRetry={loaded.reload} />
      {m ? (
        <View data-testid={`matter-page-${m.id}`}>
          <StepBar matter={m} />
          <Status matter={m} />
          <OrganiserPanel matter={m} onChanged={setMatter} />
          {/* After close the result comes first; the household's ballot is then a record under it. */}
          {m.tally ? <Tally matter={m} tally={m.tally} /> : null}
          {m.status !== 'draft'
            ? m.myHouseholds.map((h) => <VotePanel key={`${h.householdId}-${m.version}`} matter={m} household={h} named={m.myHouseholds.length > 1} />)
            : null}
          {m.outcome && (m.status === 'published' || m.can.length) ? (
            <View className='card' data-testid='matter-outcome'>
              <View className='card__title' role='heading' aria-level={2}>
                结果运用
              </View>
              <View className='gmat__outcome'>{m.outcome}</View>
              {m.outcomePublishedAt ? (
                <View className='muted'>{formatTime(m.outcomePublishedAt)} 公示</View>
              ) : (
                <View className='muted'>尚未公示，居民还看不到</View>
              )}
            </View>
          ) : null}
          <Notice matter={m} />
          <Rules matter={m} />
          <Timeline matter={m} />
        </View>
      ) : null}
    </Page>
  );
}
