import { View } from '@tarojs/components';
import type { AgreementItemDTO } from '@hg/types/cobuilding';
import { quantityText } from '../format';
import ProgressBar from './ProgressBar';
import './ItemProgress.scss';

/** One committed item: what and by when, confirmed vs promised with its bar, what waits for confirmation, 已逾期. */
export default function ItemProgress({ item }: { item: AgreementItemDTO }) {
  const done = `已确认${quantityText(item.kind, item.delivered)} / 承诺${quantityText(item.kind, item.promised)}`;
  return (
    <View className='citem' data-testid={`item-${item.position}`}>
      <View className='citem__head'>
        <View className='citem__kind'>{item.kindLabel}</View>
        <View className='citem__desc'>{item.description}</View>
      </View>
      <ProgressBar percent={item.percent} overdue={item.overdue} label={`${item.kindLabel}：${done}`} testId={`item-${item.position}-bar`} />
      <View className='citem__numbers' data-testid={`item-${item.position}-numbers`}>
        {done}（{item.percent}%）
      </View>
      <View className='muted'>
        完成期限 {item.dueOn}
        {item.pending ? `，待确认${quantityText(item.kind, item.pending)}` : ''}
      </View>
      {item.overdue ? (
        <View className='citem__late' data-testid={`item-${item.position}-overdue`}>
          已逾期
        </View>
      ) : null}
    </View>
  );
}
