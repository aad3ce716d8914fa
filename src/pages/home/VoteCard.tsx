import { View } from '@tarojs/components';
import Section from '../../components/Section';
import { FOCUSABLE } from '../../components/a11y';
import { useLoad } from '../../hooks/useLoad';
import { deliberation } from '../../services/deliberation';
import { ROUTES, openPage, withQuery } from '../../routes';
import { formatTime } from '../../utils/format';
import './VoteCard.scss';

/**
 * 首页's 小区议事 card, for a verified resident of the compound while a vote of theirs is open: each
 * matter in 组织协商 with its deadline, one tap to the matter where the household votes (card →
 * option → confirm). Nothing shows when no vote is open; read again on every visit to 首页.
 */
export default function VoteCard({ compoundId, visit }: { compoundId: number; visit: number }) {
  const open = useLoad(() => deliberation.list({ compoundId, status: 'voting', limit: 5 }), [compoundId, visit]);
  const items = open.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Section title='小区议事 · 正在投票' className='home-vote' testId='home-vote'>
      {items.map((m) => (
        <View
          key={m.id}
          className='btn btn--primary home-vote__go'
          role='button'
          {...FOCUSABLE}
          aria-label={`去投票：${m.title}，${formatTime(m.closesAt)} 截止`}
          data-testid={`home-vote-${m.id}`}
          onClick={() => openPage(withQuery(ROUTES.matter, { id: m.id }))}
        >
          <View>去投票：{m.title}</View>
          <View className='home-vote__when'>{formatTime(m.closesAt)} 截止</View>
        </View>
      ))}
      <View
        className='home-vote__all'
        role='link'
        {...FOCUSABLE}
        data-testid='home-vote-all'
        onClick={() => openPage(withQuery(ROUTES.governanceList, { compoundId }))}
      >
        查看小区全部议题
      </View>
    </Section>
  );
}
