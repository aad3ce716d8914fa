import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { SlotDTO } from '@hg/types';
import { SITTING_LABEL, type Sitting, WEEKDAY_LABEL, yuan } from '@hg/types/bookings';
import { addDays, isCalendarDay, localClock, localDay, weekdayOf } from '@hg/types/local-time';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { PLATFORM, printPage } from '../../../../services/platform';
import CentrePicker from '../../components/CentrePicker';
import { shortDay } from '../../format';
import { queryId, useCentre } from '../../use-centre';
import './index.scss';

const SITTINGS: Sitting[] = ['lunch', 'dinner'];

/** One sitting in its cell: hours, dishes with what they contain, price and the cut-off. */
function SittingCell({ slot }: { slot: SlotDTO }) {
  return (
    <View className='menu__sitting' data-testid={`menu-slot-${slot.id}`}>
      <View className='menu__hours'>
        {localClock(slot.startsAt)}–{localClock(slot.endsAt)}
      </View>
      {slot.dishes.length ? (
        slot.dishes.map((d) => (
          <View key={d.name} className='menu__dish'>
            {d.name}
            {d.tags.length ? <View className='menu__tags'>（{d.tags.join('、')}）</View> : null}
            {d.allergens.length ? <View className='menu__allergens'>含{d.allergens.join('、')}</View> : null}
          </View>
        ))
      ) : (
        <View className='menu__dish'>菜单待定</View>
      )}
      <View className='menu__price'>
        {yuan(slot.priceFen)} · {localClock(slot.cutoffAt)}前预订
      </View>
    </View>
  );
}

/**
 * 一周菜单 (打印): the centre's meal sittings for seven days from `from` (default today, Beijing
 * time) as one A4 sheet for the notice board and the dining room — a row per day, a column per
 * sitting, the centre's name and phone on top; a closed day (休息日) reads 休息 with its reason. H5 prints it (`@media print` leaves only the sheet);
 * the mini-program shows the same layout.
 */
export default function MenuPrintPage() {
  const { params } = useRouter();
  const centre = useCentre(queryId(params.centreId), { describe: true });
  const { centreId, current } = centre;
  const from = params.from && isCalendarDay(params.from) ? params.from : localDay(new Date());
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i));
  const week = useLoad(centreId ? () => bookings.week({ centreId, from, kind: 'meal' }) : null, [centreId, from]);
  // 休息日: the day's row says so with the reason instead of 本日不供餐.
  const closedDays = useLoad(centreId ? () => bookings.closedDays({ centreId, from }) : null, [centreId, from]);
  const closedOn = (day: string) => closedDays.data?.find((c) => c.day === day) ?? null;
  const slots = (week.data ?? []).filter((s) => s.kind === 'meal');
  const at = (day: string, sitting: Sitting) => slots.filter((s) => s.day === day && s.sitting === sitting);
  const sittings = SITTINGS.filter((t) => slots.some((s) => s.sitting === t));
  const columns = sittings.length ? sittings : SITTINGS;

  return (
    <Page title='一周菜单' className='menu'>
      <CentrePicker centre={centre} emptyText='您不是日间照料中心的工作人员。' />
      {centreId ? (
        <>
          <View className='menu__controls'>
            {PLATFORM.canPrint ? (
              <View className='btn btn--primary' role='button' {...FOCUSABLE} data-testid='menu-print' onClick={printPage}>
                打印（A4）
              </View>
            ) : (
              <View className='muted'>请在电脑上打开网页版打印；也可以截图发到居民群。</View>
            )}
          </View>
          <View className='menu__sheet' data-testid='menu-sheet'>
            <View className='menu__head'>
              <View className='menu__centre' role='heading' aria-level={2}>
                {current?.name ?? '日间照料中心'} · 一周菜单
              </View>
              <View className='menu__range' data-testid='menu-range'>
                {shortDay(days[0])}–{shortDay(days[6])}
                {current?.hotline ? `　订餐电话 ${current.hotline}` : ''}
              </View>
            </View>
            <StateView loading={week.loading && !week.data} error={week.error} onRetry={week.reload} />
            {week.data ? (
              <View role='table' aria-label='一周菜单' className='menu__table'>
                <View role='row' className='menu__row menu__row--head'>
                  <View role='columnheader' className='menu__c-day'>
                    日期
                  </View>
                  {columns.map((t) => (
                    <View key={t} role='columnheader' className='menu__c-sitting'>
                      {SITTING_LABEL[t]}
                    </View>
                  ))}
                </View>
                {days.map((day) => {
                  const none = columns.every((t) => at(day, t).length === 0);
                  const closed = closedOn(day);
                  return (
                    <View key={day} role='row' className='menu__row' data-testid={`menu-day-${day}`}>
                      <View role='rowheader' className='menu__c-day'>
                        {`${shortDay(day)} ${WEEKDAY_LABEL[weekdayOf(day)]}`}
                      </View>
                      {closed ? (
                        <View role='cell' className='menu__c-closed menu__c-rest' data-testid={`menu-closed-${day}`}>
                          休息（{closed.reason}），停止供餐
                        </View>
                      ) : none ? (
                        <View role='cell' className='menu__c-closed'>
                          本日不供餐
                        </View>
                      ) : (
                        columns.map((t) => (
                          <View key={t} role='cell' className='menu__c-sitting'>
                            {at(day, t).length ? at(day, t).map((s) => <SittingCell key={s.id} slot={s} />) : <View className='menu__dish'>—</View>}
                          </View>
                        ))
                      )}
                    </View>
                  );
                })}
              </View>
            ) : null}
            <View className='menu__foot'>可堂食，也可送餐上门；请在截止时间前在小程序「本周菜单」预订，或打电话请中心代订。</View>
          </View>
        </>
      ) : null}
    </Page>
  );
}
