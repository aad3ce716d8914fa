import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { BOOKING_STATUS_LABEL, MEAL_MODE_LABEL } from '@hg/types/bookings';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { PLATFORM, printPage } from '../../../../services/platform';
import { dayLabel, slotName, statusText } from '../../format';
import { queryId } from '../../use-centre';
import './index.scss';
import { RemarkLine } from '../../components/BookingRemark';

/**
 * 厨房单: what the kitchen cooks for one sitting (total, 堂食/送餐, per diet tag, allergies to mind)
 * and who comes, with delivery addresses — printable from the H5 build (@media print).
 */
export default function KitchenPage() {
  const { params } = useRouter();
  const slotId = queryId(params.slotId);
  const report = useLoad(slotId ? () => bookings.kitchen({ slotId }) : null, [slotId]);
  const r = report.data;

  return (
    <Page title='厨房单' className='kitchen'>
      {!slotId ? <View className='notice'>没有指定餐次</View> : null}
      <StateView loading={report.loading && !r} error={report.error} onRetry={report.reload} />
      {r ? (
        <>
          <View className='kitchen__slot' role='heading' aria-level={2} data-testid='kitchen-slot'>
            {dayLabel(r.slot.day)} · {slotName(r.slot)}
          </View>
          <View className='kitchen__controls'>
            {PLATFORM.canPrint ? (
              <View className='btn btn--primary' role='button' {...FOCUSABLE} data-testid='kitchen-print' onClick={printPage}>
                打印厨房单
              </View>
            ) : null}
            <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={report.reload}>
              刷新
            </View>
          </View>

          <View className='card kitchen__totals' role='list' aria-label='份数'>
            <View className='kitchen__total' role='listitem'>
              <View className='kitchen__num' data-testid='kitchen-total'>
                {r.total}
              </View>
              <View>共计（份）</View>
            </View>
            <View className='kitchen__total' role='listitem'>
              <View className='kitchen__num' data-testid='kitchen-dine-in'>
                {r.byMode.dine_in}
              </View>
              <View>{MEAL_MODE_LABEL.dine_in}</View>
            </View>
            <View className='kitchen__total' role='listitem'>
              <View className='kitchen__num' data-testid='kitchen-delivery'>
                {r.byMode.delivery}
              </View>
              <View>{MEAL_MODE_LABEL.delivery}</View>
            </View>
          </View>

          <View className='card'>
            <View className='card__title' role='heading' aria-level={2}>
              特殊饮食
            </View>
            {r.byDiet.length === 0 ? <View className='muted'>无</View> : null}
            <View className='kitchen__diets' role='list' aria-label='特殊饮食'>
              {r.byDiet.map((d) => (
                <View key={d.tag} className='kitchen__diet' role='listitem' data-testid={`kitchen-diet-${d.tag}`}>
                  {d.tag} <View className='kitchen__diet-num'>{d.count}</View> 份
                </View>
              ))}
            </View>
          </View>

          <View className='card' data-testid='kitchen-alerts'>
            <View className='card__title' role='heading' aria-level={2}>
              本餐过敏核对
            </View>
            {r.slot.dishes.some((d) => d.allergens.length) ? (
              <View className='muted kitchen__menu-allergens'>
                {r.slot.dishes
                  .filter((d) => d.allergens.length)
                  .map((d) => `${d.name}：含${d.allergens.join('、')}`)
                  .join('；')}
              </View>
            ) : null}
            {r.allergyAlerts.length === 0 ? <View className='muted'>本餐菜品与就餐老人的过敏记录无冲突</View> : null}
            <View role='list' aria-label='本餐过敏核对'>
              {r.allergyAlerts.map((a) => (
                <View key={a.allergen} className='kitchen__alert' role='listitem' data-testid='kitchen-alert'>
                  本餐含{a.allergen}（{a.dishes.join('、')}）→ {a.names.join('、')}过敏
                </View>
              ))}
            </View>
          </View>

          <View className='card'>
            <View className='card__title' role='heading' aria-level={2}>
              过敏提醒
            </View>
            {r.allergies.length === 0 ? <View className='muted'>无</View> : null}
            <View role='list' aria-label='过敏提醒'>
              {r.allergies.map((a) => (
                <View key={`${a.name}-${a.allergies}`} className='kitchen__allergy' role='listitem' data-testid='kitchen-allergy'>
                  {a.name}：{a.allergies}
                </View>
              ))}
            </View>
          </View>

          <View className='card'>
            <View className='card__title' role='heading' aria-level={2}>
              名单（{r.people.length}人）
            </View>
            {r.people.length === 0 ? <View className='muted'>还没有人预订</View> : null}
            <View role='table' aria-label='用餐名单' className='kitchen__table'>
              {r.people.length ? (
                <View role='row' className='kitchen__row kitchen__row--head'>
                  <View role='columnheader' className='kitchen__c-name'>
                    姓名
                  </View>
                  <View role='columnheader' className='kitchen__c-mode'>
                    {r.slot.kind === 'meal' ? '方式' : '状态'}
                  </View>
                  <View role='columnheader' className='kitchen__c-addr'>
                    地址 / 饮食
                  </View>
                </View>
              ) : null}
              {r.people.map((p) => (
                <View key={p.bookingId} role='row' className='kitchen__row' data-testid={`kitchen-person-${p.bookingId}`}>
                  <View role='cell' className='kitchen__c-name'>
                    {p.name}
                  </View>
                  <View role='cell' className='kitchen__c-mode'>
                    {r.slot.kind === 'meal'
                      ? `${MEAL_MODE_LABEL[p.mode]}${p.status !== 'booked' ? `（${BOOKING_STATUS_LABEL[p.status]}）` : ''}`
                      : statusText({ status: p.status, statusLabel: BOOKING_STATUS_LABEL[p.status], slot: r.slot })}
                  </View>
                  <View role='cell' className='kitchen__c-addr'>
                    {p.mode === 'delivery' ? p.address || '（无地址）' : ''}
                    {p.diets.length ? `${p.mode === 'delivery' ? ' · ' : ''}${p.diets.join('、')}` : ''}
                    {p.remark ? <RemarkLine remark={p.remark} testId={`kitchen-remark-${p.bookingId}`} /> : null}
                  </View>
                </View>
              ))}
            </View>
          </View>
        </>
      ) : null}
    </Page>
  );
}
