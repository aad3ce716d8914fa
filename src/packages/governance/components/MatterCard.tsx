import { View } from '@tarojs/components';
import type { MatterSummaryDTO } from '@hg/types/deliberation';
import { FOCUSABLE } from '../../../components/a11y';
import { ROUTES, openPage, withQuery } from '../../../routes';
import { formatTime } from '../../../utils/format';
import { STEP_HINT } from '../format';
import './MatterCard.scss';

/** When the matter's vote opens or closes, the one date a resident needs from the list. */
function when(m: MatterSummaryDTO): string {
  if (m.status === 'voting' && m.closesAt) return `${formatTime(m.closesAt)} 截止`;
  if (m.status === 'notice' && m.opensAt) return `${formatTime(m.opensAt)} 开始投票`;
  if ((m.status === 'closed' || m.status === 'published') && m.closesAt) return `${formatTime(m.closesAt)} 投票结束`;
  return STEP_HINT[m.status];
}

/** One matter in a list: title, place and the date that matters now; the whole card opens it. */
export default function MatterCard({ matter }: { matter: MatterSummaryDTO }) {
  return (
    <View
      className={`gmatter gmatter--${matter.status}`}
      role='link'
      {...FOCUSABLE}
      aria-label={`${matter.title}，${matter.statusLabel}，${when(matter)}`}
      data-testid={`matter-${matter.id}`}
      onClick={() => openPage(withQuery(ROUTES.matter, { id: matter.id }))}
    >
      <View className='gmatter__title'>{matter.title}</View>
      <View className='gmatter__meta'>
        <View className={`gstep gstep--${matter.status}`}>{matter.statusLabel}</View>
        <View className='muted'>{matter.placeName}</View>
      </View>
      <View className='gmatter__when'>{when(matter)}</View>
    </View>
  );
}
