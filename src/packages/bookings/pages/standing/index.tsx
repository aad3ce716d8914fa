import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { StandingOrderDTO } from '@hg/types';
import { SITTING_LABEL, WEEKDAY_LABEL, type MealMode, type Sitting } from '@hg/types/bookings';
import Page from '../../../../components/Page';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import BusyButton from '../../../../components/BusyButton';
import StateView from '../../../../components/StateView';
import Section from '../../../../components/Section';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { useForm } from '../../../../hooks/useForm';
import { ZStandingOrderRequest } from '@hg/types/bookings-schemas';
import { bookings } from '../../../../services/bookings';
import Toggles from '../../components/Toggles';
import { dayLabel, linkedElders, queryText } from '../../format';
import { queryId } from '../../use-centre';
import './index.scss';

type Day = '1' | '2' | '3' | '4' | '5' | '6' | '7';
const DAYS: { value: Day; label: string }[] = (['1', '2', '3', '4', '5', '6', '7'] as Day[]).map((d) => ({ value: d, label: WEEKDAY_LABEL[Number(d)] }));
const WORKDAYS: Day[] = ['1', '2', '3', '4', '5'];
const SITTINGS = (['lunch', 'dinner'] as Sitting[]).map((s) => ({ value: s, label: SITTING_LABEL[s] }));
const MODES = (['dine_in', 'delivery'] as MealMode[]).map((m) => ({ value: m, label: m === 'delivery' ? '送餐上门' : '到中心堂食' }));
type Step = 'pause' | 'resume' | 'stop';

/** The new standing order; the elder is null until picked (or the only one), the mode until asked. */
interface StandingForm {
  elderId: number | null;
  sitting: Sitting;
  weekdays: Day[];
  mode: MealMode | null;
}

/** One standing order: what, for whom, its state, the days it missed, and its buttons. */
function OrderCard({ order, onChange }: { order: StandingOrderDTO; onChange: (o: StandingOrderDTO) => void }) {
  const [busy, setBusy] = useState<Step | null>(null);
  const [confirmStop, setConfirmStop] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const step = async (s: Step) => {
    if (busy) return;
    setBusy(s);
    setError(null);
    const res = await bookings.standingOrderStep({ orderId: order.id, step: s });
    setBusy(null);
    setConfirmStop(false);
    if (res.ok) onChange(res.data);
    else setError(res.error.message);
  };

  return (
    <View className={`card so so--${order.status}`} role='listitem' data-testid={`standing-${order.id}`}>
      <View className='so__elder'>{order.elder.name}</View>
      <View className='so__summary' role='heading' aria-level={3}>
        {order.summary}
      </View>
      <View className={`so__status so__status--${order.status}`} data-testid={`standing-status-${order.id}`}>
        {order.statusLabel}
      </View>
      {order.missed.length ? (
        <View className='notice so__missed' data-testid={`standing-missed-${order.id}`}>
          未订上（已满）：{order.missed.map((d) => dayLabel(d)).join('、')}
        </View>
      ) : null}
      {error ? (
        <View className='notice' role='alert'>
          {error}
        </View>
      ) : null}
      {order.status === 'stopped' ? null : confirmStop ? (
        <View className='so__confirm'>
          <View className='so__confirm-text'>确定停止吗？停止后不再自动订餐，已经订好的餐不受影响。</View>
          <View className='btn-row'>
            <BusyButton
              label='确定停止'
              busy={busy === 'stop'}
              busyLabel='正在停止…'
              onClick={() => step('stop')}
              className='btn--danger'
              testId={`standing-stop-yes-${order.id}`}
            />
            <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={() => setConfirmStop(false)}>
              不停止
            </View>
          </View>
        </View>
      ) : (
        <View className='btn-row'>
          {order.status === 'active' ? (
            <BusyButton
              label='暂停'
              busy={busy === 'pause'}
              busyLabel='暂停中…'
              onClick={() => step('pause')}
              className='btn--ghost'
              testId={`standing-pause-${order.id}`}
            />
          ) : (
            <BusyButton label='恢复' busy={busy === 'resume'} busyLabel='恢复中…' onClick={() => step('resume')} testId={`standing-resume-${order.id}`} />
          )}
          <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid={`standing-stop-${order.id}`} onClick={() => setConfirmStop(true)}>
            停止
          </View>
        </View>
      )}
    </View>
  );
}

/**
 * 每周固定订餐: a standing order ("every weekday lunch, delivered") for the elder named in the query,
 * or one of the caller's own or family elders; the server books each published sitting and tells
 * the family when one was full. Lists the caller's standing orders with 暂停 / 恢复 / 停止.
 */
export default function StandingPage() {
  const { params } = useRouter();
  const queryElder = queryId(params.elderId);
  const elders = useLoad(queryElder ? null : () => bookings.myElders({}), []);
  const links = useLoad(queryElder ? null : () => bookings.myLinks({}), []);
  const orders = useLoad(() => bookings.myStandingOrders({}), []);
  const [local, setLocal] = useState<Record<number, StandingOrderDTO>>({});
  const [adding, setAdding] = useState(false);

  const choices = queryElder
    ? [{ value: queryElder, label: queryText(params.elderName) || '老人' }]
    : [
        ...(elders.data ?? []).map((e) => ({ value: e.id, label: e.name })),
        ...linkedElders(links.data ?? []).map((e) => ({ value: e.id, label: e.name })),
      ].filter((c, i, all) => all.findIndex((x) => x.value === c.value) === i);
  // With one elder to order for there is nothing to ask.
  const elderOf = (v: StandingForm) => v.elderId ?? (choices.length === 1 ? choices[0].value : null);

  const f = useForm({
    initial: (): StandingForm => ({ elderId: null, sitting: 'lunch', weekdays: [], mode: null }),
    schema: ZStandingOrderRequest,
    toRequest: (v) => ({
      elderId: elderOf(v) as number,
      sitting: v.sitting,
      weekdays: v.weekdays.map(Number).sort(),
      ...(v.mode ? { mode: v.mode } : {}),
    }),
    required: { elderId: '请选择为谁订餐' },
    // The schema falls back to 堂食; asking keeps an elder who needs delivery from getting a seat instead.
    check: (v) => (v.mode ? {} : { mode: '请选择堂食还是送餐' }),
    send: (request) => bookings.standingOrder(request),
    onSuccess: (order) => {
      setLocal((l) => ({ ...l, [order.id]: order }));
      setAdding(false);
      f.patch({ weekdays: [], mode: null });
      void Taro.showToast({ title: '已设置', icon: 'success' });
    },
    errorText: (e, request) => (e.code === 'CONFLICT' ? `已有${SITTING_LABEL[request.sitting]}的固定订餐，请先停止原来的再新建。` : e.message),
  });
  const { values: form, errors, set } = f;

  const chosenElder = elderOf(form);
  const list = [...(orders.data ?? []).map((o) => local[o.id] ?? o), ...Object.values(local).filter((o) => !orders.data?.some((x) => x.id === o.id))].sort(
    (a, b) => b.id - a.id,
  );
  const showForm = adding || (orders.data !== null && list.length === 0);

  return (
    <Page title='每周固定订餐'>
      <View className='muted so__intro'>设置一次，以后每周中心公布菜单时自动为老人订好。哪天没订上会通知您。</View>
      <StateView loading={orders.loading && !orders.data} error={orders.error} onRetry={orders.reload} />
      {list.length ? (
        <View role='list' aria-label='我的固定订餐' data-testid='standing-list'>
          {list.map((o) => (
            <OrderCard key={o.id} order={o} onChange={(next) => setLocal((l) => ({ ...l, [next.id]: next }))} />
          ))}
        </View>
      ) : null}

      {showForm ? (
        <Section title='新的固定订餐' testId='standing-form'>
          <StateView loading={(elders.loading && !elders.data) || (links.loading && !links.data)} />
          {choices.length > 1 ? (
            <ChoiceGroup id='so-elder' label='为谁订餐' options={choices} value={chosenElder} onChange={(v) => set('elderId', v)} error={errors.elderId} />
          ) : null}
          {choices.length === 1 ? <View className='so__for'>为 {choices[0].label} 订餐</View> : null}
          {elders.data && links.data && choices.length === 0 ? <View className='notice'>还没有可以订餐的老人：请先建档，或申请家属关联。</View> : null}
          {choices.length <= 1 && errors.elderId ? (
            <View className='choice__error' role='alert' data-testid='so-elder-error'>
              {errors.elderId}
            </View>
          ) : null}
          <ChoiceGroup id='so-sitting' label='哪一餐' options={SITTINGS} value={form.sitting} onChange={(v) => set('sitting', v)} error={errors.sitting} />
          <Toggles
            id='so-days'
            label='每周哪几天（可多选）'
            options={DAYS}
            value={form.weekdays}
            onChange={(v) => set('weekdays', v)}
            error={errors.weekdays}
          />
          <View className='btn btn--ghost so__workdays' role='button' {...FOCUSABLE} data-testid='so-workdays' onClick={() => set('weekdays', WORKDAYS)}>
            选工作日（周一至周五）
          </View>
          <ChoiceGroup id='so-mode' label='怎么用餐' options={MODES} value={form.mode} onChange={(v) => set('mode', v)} error={errors.mode} />
          {f.formError ? (
            <View className='notice' role='alert' data-testid='standing-error'>
              {f.formError}
            </View>
          ) : null}
          <BusyButton label='确定设置' busy={f.busy} busyLabel='正在设置…' onClick={f.submit} testId='standing-create' />
          {list.length ? (
            <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={() => setAdding(false)}>
              取消
            </View>
          ) : null}
        </Section>
      ) : orders.data ? (
        <View className='btn btn--primary' role='button' {...FOCUSABLE} data-testid='standing-add' onClick={() => setAdding(true)}>
          再设置一个固定订餐
        </View>
      ) : null}
    </Page>
  );
}
