import { View } from '@tarojs/components';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import type { CentreChoice } from '../../use-centre';

/**
 * The loading / error / none line of `useCentre`, and big buttons when several centres serve the
 * caller. Renders nothing once a centre is chosen.
 */
export default function CentrePicker({ centre, emptyText }: { centre: CentreChoice; emptyText: string }) {
  if (centre.centreId) return null;
  if (centre.loading || centre.error) return <StateView loading={centre.loading} error={centre.error} onRetry={centre.reload} />;
  if (centre.centres.length === 0)
    return (
      <View className='notice' data-testid='no-centre'>
        {emptyText}
      </View>
    );
  return (
    <View className='card'>
      <View className='card__title' role='heading' aria-level={2}>
        请选择服务中心
      </View>
      {centre.centres.map((c) => (
        <View key={c.id} className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid={`centre-${c.id}`} onClick={() => centre.pick(c.id)}>
          {c.name}（{c.community.name}）
        </View>
      ))}
    </View>
  );
}
