import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MatterStatus, MatterSummaryDTO } from '@hg/types/deliberation';
import Page from '../../../../components/Page';
import Section from '../../../../components/Section';
import StateView from '../../../../components/StateView';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { community } from '../../../../services/community';
import { deliberation } from '../../../../services/deliberation';
import { me } from '../../../../services/me';
import { getCurrentCompoundId } from '../../../../store/current-compound';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import MatterCard from '../../components/MatterCard';
import { LIST_ORDER, STEP_HINT, stepLabel } from '../../format';
import { compoundsOf, isOrganiser } from '../../places';
import './index.scss';

/** Matters grouped by step, in LIST_ORDER (empty steps left out). */
function byStep(items: MatterSummaryDTO[]): { status: MatterStatus; items: MatterSummaryDTO[] }[] {
  return LIST_ORDER.map((status) => ({ status, items: items.filter((m) => m.status === status) })).filter((g) => g.items.length);
}

/**
 * 小区议事: the matters of my compound by step (组织协商 first: that is where a household is asked
 * something), each opening 议题. Staff and heads see drafts too, may switch between the compounds
 * they serve, and start a matter from here.
 */
export default function MattersPage() {
  const { params } = useRouter();
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((v) => v + 1));
  const profile = useLoad(() => me.get(), []);
  const all = useLoad(() => community.listCompounds(), []);
  const options = profile.data && all.data ? compoundsOf(profile.data, all.data) : [];
  const fallback =
    Number(params.compoundId) ||
    getCurrentCompoundId() ||
    profile.data?.memberships.find((m) => m.status === 'verified')?.compound.id ||
    options[0]?.id ||
    null;
  const [picked, setPicked] = useState<number | null>(null);
  const compoundId = picked ?? fallback;
  const list = useLoad(compoundId ? () => deliberation.list({ compoundId, limit: 50 }) : null, [compoundId, visit]);
  const organiser = isOrganiser(profile.data);
  const groups = byStep(list.data?.items ?? []);

  return (
    <Page title='小区议事'>
      <View className='muted glist__intro'>五步议事：制定方案 → 发布公告 → 组织协商 → 结果运用 → 反馈公示。小区的事，大家商量着办。</View>
      {options.length > 1 ? (
        <ChoiceGroup
          id='matters-compound'
          label='小区'
          options={options.map((c) => ({ value: c.id, label: c.name }))}
          value={compoundId}
          onChange={setPicked}
        />
      ) : null}
      {organiser && compoundId ? (
        <View
          className='btn btn--primary glist__new'
          role='button'
          {...FOCUSABLE}
          data-testid='matter-new'
          onClick={() => openPage(withQuery(ROUTES.matterDraft, { compoundId }))}
        >
          发起议题
        </View>
      ) : null}
      <StateView
        loading={list.loading || profile.loading}
        error={list.error}
        empty={!!list.data && !list.data.items.length}
        emptyText='本小区还没有议题'
        onRetry={list.reload}
      />
      {groups.map((g) => (
        <Section key={g.status} title={`${stepLabel(g.status)}（${g.items.length}）`} hint={STEP_HINT[g.status]} testId={`matters-${g.status}`}>
          <View role='list'>
            {g.items.map((m) => (
              <View key={m.id} role='listitem'>
                <MatterCard matter={m} />
              </View>
            ))}
          </View>
        </Section>
      ))}
    </Page>
  );
}
