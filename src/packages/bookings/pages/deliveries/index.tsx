import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { DeliveryListDTO } from '@hg/types';
import { PAID_BY_LABEL, yuan } from '@hg/types/bookings';
import { DELIVERY_MISS_LABEL, type DeliveryMiss } from '@hg/types/meal-roster';
import Page from '../../../../components/Page';
import BusyButton from '../../../../components/BusyButton';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { PLATFORM, printPage } from '../../../../services/platform';
import { dayLabel } from '../../format';
import ConfirmDialog from '../../../../components/ConfirmDialog';
import { queryId } from '../../use-centre';
import './index.scss';
import { RemarkLine } from '../../components/BookingRemark';

type Stop = DeliveryListDTO['routes'][number]['buildings'][number]['stops'][number];
/** What the round did at a door since the list was loaded. */
type Outcome = Pick<Stop, 'status' | 'paidBy' | 'missed'>;

/**
 * One door on the round: who, where, how to call, what to mind and what to collect, then 已送达
 * (with how the share was paid) or 「不在家 / 拒收」 — confirmed first, because it ends the booking
 * and alerts the centre's staff (urgently for an elder who lives alone).
 */
function StopRow({ stop, onDone }: { stop: Stop; onDone: (id: number, outcome: Outcome) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [paidBy, setPaidBy] = useState<'cash' | 'wechat' | null>(null);
  const [asking, setAsking] = useState<DeliveryMiss | null>(null);
  const done = stop.status === 'redeemed';
  const missed = stop.status === 'no_show';
  const due = stop.payFen > 0;

  const deliver = async () => {
    if (busy) return;
    if (due && !paidBy) {
      setError('请先选择收款方式（现金或微信）');
      return;
    }
    setBusy(true);
    setError(null);
    const res = await bookings.deliver(due && paidBy ? { bookingId: stop.bookingId, paidBy } : { bookingId: stop.bookingId });
    setBusy(false);
    if (res.ok) onDone(stop.bookingId, { status: 'redeemed', paidBy: res.data.paidBy, missed: null });
    else setError(res.error.message);
  };

  const miss = async (reason: DeliveryMiss) => {
    setAsking(null);
    if (busy) return;
    setBusy(true);
    setError(null);
    const res = await bookings.missDelivery({ bookingId: stop.bookingId, reason });
    setBusy(false);
    if (res.ok) onDone(stop.bookingId, { status: 'no_show', paidBy: null, missed: DELIVERY_MISS_LABEL[reason] });
    else setError(res.error.message);
  };

  return (
    <View className={`card dl__stop ${done ? 'dl__stop--done' : ''} ${missed ? 'dl__stop--missed' : ''}`} role='listitem' data-testid={`stop-${stop.bookingId}`}>
      <View className='dl__name'>
        {stop.name}
        {stop.livesAlone ? <Text className='dl__alone'>独居</Text> : null}
      </View>
      <View className='dl__addr'>{stop.address || '（无地址，请致电）'}</View>
      {stop.phone ? (
        <View
          className='dl__phone'
          role='link'
          {...FOCUSABLE}
          aria-label={`拨打 ${stop.name} 的电话 ${stop.phone}`}
          data-testid={`stop-call-${stop.bookingId}`}
          onClick={() => void Taro.makePhoneCall({ phoneNumber: stop.phone })}
        >
          ☎ {stop.phone}
        </View>
      ) : null}
      {stop.diets.length ? <View className='dl__diet'>饮食：{stop.diets.join('、')}</View> : null}
      {stop.allergies ? <View className='dl__allergy'>过敏：{stop.allergies}</View> : null}
      {stop.remark ? <RemarkLine remark={stop.remark} testId={`stop-remark-${stop.bookingId}`} /> : null}
      {!done && !missed ? <View className='dl__pay'>{due ? `应收 ${yuan(stop.payFen)}` : '无需收费'}</View> : null}
      {error ? (
        <View className='notice' role='alert'>
          {error}
        </View>
      ) : null}
      {done ? (
        <View className='dl__done' data-testid={`stop-done-${stop.bookingId}`}>
          ✓ 已送达{stop.paidBy && stop.paidBy !== 'none' ? `（${PAID_BY_LABEL[stop.paidBy]}收款）` : ''}
        </View>
      ) : missed ? (
        <View className='dl__missed' data-testid={`stop-missed-${stop.bookingId}`}>
          {stop.missed ? `✗ 未送达：${stop.missed}（已通知中心工作人员${stop.livesAlone ? '，独居紧急' : ''}）` : '✗ 未送达（送餐结束时无人登记）'}
        </View>
      ) : (
        <>
          {due ? (
            <ChoiceGroup
              id={`stop-pay-${stop.bookingId}`}
              label='收款方式'
              options={[
                { value: 'cash', label: '现金' },
                { value: 'wechat', label: '微信' },
              ]}
              value={paidBy}
              onChange={(v) => {
                setPaidBy(v as 'cash' | 'wechat');
                setError(null);
              }}
            />
          ) : null}
          <BusyButton
            label='已送达'
            busy={busy}
            busyLabel='正在登记…'
            onClick={deliver}
            ariaLabel={`${stop.name} 已送达`}
            className='dl__deliver'
            testId={`stop-deliver-${stop.bookingId}`}
          />
          <View className='dl__misses'>
            {(Object.keys(DELIVERY_MISS_LABEL) as DeliveryMiss[]).map((reason) => (
              <View
                key={reason}
                className='btn btn--ghost dl__miss'
                role='button'
                {...FOCUSABLE}
                aria-label={`${stop.name} ${DELIVERY_MISS_LABEL[reason]}`}
                data-testid={`stop-${reason}-${stop.bookingId}`}
                onClick={() => setAsking(reason)}
              >
                {DELIVERY_MISS_LABEL[reason]}
              </View>
            ))}
          </View>
        </>
      )}
      {asking ? (
        <ConfirmDialog
          id={`miss-${stop.bookingId}`}
          title={`${stop.name}：${DELIVERY_MISS_LABEL[asking]}？`}
          confirmText={`确认${DELIVERY_MISS_LABEL[asking]}`}
          cancelText='返回'
          onConfirm={() => void miss(asking)}
          onCancel={() => setAsking(null)}
          testId={`miss-dialog-${stop.bookingId}`}
        >
          这一份记为未送达，并立即通知中心工作人员{stop.livesAlone ? '（独居老人，标为紧急）' : ''}。
        </ConfirmDialog>
      ) : null}
    </View>
  );
}

/**
 * 送餐单 (centre staff): the delivered meals of one sitting as a round by delivery address —
 * compound or street, then building or number, then each door with a phone to call, the diets to
 * mind and what to collect — with 已送达 (and how it was paid) or 不在家 / 拒收 per stop. Printable on H5.
 */
export default function DeliveriesPage() {
  const { params } = useRouter();
  const slotId = queryId(params.slotId);
  const list = useLoad(slotId ? () => bookings.deliveries({ slotId }) : null, [slotId]);
  const [outcomes, setOutcomes] = useState<Record<number, Outcome>>({});
  const r = list.data;
  const stops = r ? r.routes.flatMap((c) => c.buildings.flatMap((b) => b.stops)) : [];
  const left = stops.filter((s) => (outcomes[s.bookingId]?.status ?? s.status) === 'booked').length;

  return (
    <Page title='送餐单' className='dl'>
      {!slotId ? <View className='notice'>没有指定餐次</View> : null}
      <StateView loading={list.loading && !r} error={list.error} empty={r?.total === 0} emptyText='这一餐没有送餐' onRetry={list.reload} />
      {r ? (
        <>
          <View className='dl__slot' role='heading' aria-level={2} data-testid='dl-slot'>
            {dayLabel(r.slot.day)} · {r.slot.title}
          </View>
          <View className='dl__count' data-testid='dl-count'>
            共 {r.total} 份，还剩 {left} 份未送
          </View>
          <View className='dl__controls'>
            {PLATFORM.canPrint ? (
              <View className='btn btn--primary' role='button' {...FOCUSABLE} data-testid='dl-print' onClick={printPage}>
                打印送餐单
              </View>
            ) : null}
            <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={list.reload}>
              刷新
            </View>
          </View>
          {r.routes.map((c) => (
            <View key={c.compound} className='dl__compound' role='group' aria-label={c.compound}>
              <View className='dl__compound-name' role='heading' aria-level={2}>
                {c.compound}
              </View>
              {c.buildings.map((b) => (
                <View key={b.building} className='dl__building'>
                  <View className='dl__building-name' role='heading' aria-level={3}>
                    {b.building}（{b.stops.length}份）
                  </View>
                  <View role='list' aria-label={`${c.compound}${b.building}`}>
                    {b.stops.map((s) => (
                      <StopRow
                        key={s.bookingId}
                        stop={outcomes[s.bookingId] ? { ...s, ...outcomes[s.bookingId] } : s}
                        onDone={(id, outcome) => setOutcomes((o) => ({ ...o, [id]: outcome }))}
                      />
                    ))}
                  </View>
                </View>
              ))}
            </View>
          ))}
        </>
      ) : null}
    </Page>
  );
}
