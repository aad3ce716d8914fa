import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { VenueSlotDTO } from '@hg/types';
import { addDays, localDay } from '@hg/types/local-time';
import { SLOT_RULES } from '@hg/types/slots';
import type { VenueKind } from '@hg/types/slots-schemas';
import Page from '../../../../components/Page';
import Field from '../../../../components/Field';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import BusyButton from '../../../../components/BusyButton';
import Section from '../../../../components/Section';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import CentrePicker from '../../components/CentrePicker';
import ConfirmDialog from '../../../../components/ConfirmDialog';
import { byDay, dayLabel, hours, KIND_LABEL, queryId, when } from '../../format';
import { useCentre } from '../../use-centre';
import SlotForm from './SlotForm';
import './index.scss';

/** 撤回 with a reason: everyone booked or waiting is told it (the server sends the messages). */
function WithdrawDialog({ slot, onDone, onCancel }: { slot: VenueSlotDTO; onDone: (s: VenueSlotDTO) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const booked = slot.capacity - slot.left;
  const go = async () => {
    if (busy) return;
    if (!reason.trim()) return setError('请说明撤回原因，会告诉已预约的人');
    setBusy(true);
    const res = await bookings.withdrawSlot({ slotId: slot.id, reason: reason.trim() });
    setBusy(false);
    if (res.ok) onDone(res.data);
    else setError(res.error.message);
  };
  return (
    <ConfirmDialog
      id={`withdraw-${slot.id}`}
      title='撤回这个时段？'
      confirmText={busy ? '撤回中…' : '撤回'}
      cancelText='不撤回'
      onConfirm={go}
      onCancel={onCancel}
      testId='withdraw-dialog'
    >
      <View className='vcons__ask-what'>
        {when(slot)} {slot.title}
      </View>
      <View>{booked ? `已有 ${booked} 人预约，撤回后预约全部取消，并把原因通知他们。` : '还没有人预约。撤回后居民看不到这个时段。'}</View>
      <Field
        id='withdraw-reason'
        label='撤回原因'
        placeholder='例如 场地维修'
        maxlength={SLOT_RULES.reasonMax}
        value={reason}
        onChange={(x) => (setReason(x), setError(null))}
        error={error}
      />
    </ConfirmDialog>
  );
}

/** 设为休息日: the day's slots are withdrawn with notice, and nothing more can be published on it. */
function CloseDay({ centreId, days, onClosed }: { centreId: number; days: string[]; onClosed: () => void }) {
  const [day, setDay] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ day?: string; reason?: string; form?: string }>({});
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const ask = () => {
    const e = { ...(day ? {} : { day: '请选择日期' }), ...(reason.trim() ? {} : { reason: '请说明原因，例如 元旦休息' }) };
    setErrors(e);
    if (!Object.keys(e).length) setAsking(true);
  };
  const go = async () => {
    if (busy || !day) return;
    setBusy(true);
    const res = await bookings.closeDay({ centreId, day, reason: reason.trim() });
    setBusy(false);
    setAsking(false);
    if (!res.ok) return setErrors({ form: res.error.code === 'CONFLICT' ? `${dayLabel(day)}已经是休息日` : res.error.message });
    setDone(`${dayLabel(day)} 已设为休息日：撤回 ${res.data.slots} 个时段，已通知 ${res.data.bookings} 个预约。`);
    setReason('');
    setDay(null);
    onClosed();
  };
  return (
    <Section title='设为休息日' hint='当天所有时段撤回并通知已预约的人；之后不能在这一天发布时段。' testId='venue-close-day'>
      <ChoiceGroup
        id='close-day'
        label='日期'
        options={days.map((d) => ({ value: d, label: dayLabel(d) }))}
        value={day}
        onChange={(d) => (setDay(d), setErrors({}))}
        error={errors.day}
      />
      <Field
        id='close-reason'
        label='原因'
        placeholder='例如 元旦休息'
        maxlength={SLOT_RULES.reasonMax}
        value={reason}
        onChange={(x) => (setReason(x), setErrors({}))}
        error={errors.reason}
      />
      {errors.form ? (
        <View className='notice' role='alert' data-testid='close-day-failed'>
          {errors.form}
        </View>
      ) : null}
      {done ? (
        <View className='vcons__ok' role='status' data-testid='close-day-done'>
          ✓ {done}
        </View>
      ) : null}
      <BusyButton label='设为休息日' busy={busy} busyLabel='处理中…' onClick={ask} className='btn--danger' testId='close-day-submit' />
      {asking && day ? (
        <ConfirmDialog
          id='close-day-ask'
          title='设为休息日？'
          confirmText='设为休息日'
          cancelText='不设'
          onConfirm={go}
          onCancel={() => setAsking(false)}
          testId='close-day-dialog'
        >
          <View className='vcons__ask-what'>{dayLabel(day)}</View>
          <View>当天所有时段将撤回，已预约和候补的人会收到通知（原因：{reason.trim()}）。</View>
        </ConfirmDialog>
      ) : null}
    </Section>
  );
}

/** One slot as staff run it: seats taken, and 名单与签到 / 修改 (until the first booking) / 撤回. */
function StaffSlot({ s, centreId, onEdit, onWithdraw }: { s: VenueSlotDTO; centreId: number; onEdit: () => void; onWithdraw: () => void }) {
  const taken = s.capacity - s.left;
  const live = s.status === 'published';
  return (
    <View className={`card vcons__slot ${live ? '' : 'vcons__slot--off'}`} role='listitem' data-testid={`staff-slot-${s.id}`}>
      <View className='vcons__head'>
        <View className='vcons__kind'>{KIND_LABEL[s.kind as VenueKind]}</View>
        <View className='vcons__hours'>{hours(s)}</View>
      </View>
      <View className='vcons__title' role='heading' aria-level={3}>
        {s.title}
      </View>
      <View className={`vcons__count ${s.left === 0 && live ? 'vcons__count--full' : ''}`} data-testid={`staff-slot-count-${s.id}`}>
        {live ? `已约 ${taken}/${s.capacity}${s.waiting ? ` · ${s.waiting}人候补` : ''}${s.waitlist ? '' : ' · 不排队'}` : '已撤回'}
      </View>
      {live ? (
        <>
          <View
            className='btn btn--primary'
            role='button'
            {...FOCUSABLE}
            aria-label={`${s.title} 名单与签到`}
            data-testid={`staff-roster-${s.id}`}
            onClick={() => openPage(withQuery(ROUTES.venueRoster, { slotId: s.id, centreId, day: s.day }))}
          >
            名单与签到
          </View>
          <View className='btn-row vcons__actions'>
            {s.editable ? (
              <View className='btn btn--ghost' role='button' {...FOCUSABLE} aria-label={`修改 ${s.title}`} data-testid={`staff-edit-${s.id}`} onClick={onEdit}>
                修改
              </View>
            ) : null}
            <View
              className='btn btn--danger'
              role='button'
              {...FOCUSABLE}
              aria-label={`撤回 ${s.title}`}
              data-testid={`staff-withdraw-${s.id}`}
              onClick={onWithdraw}
            >
              撤回
            </View>
          </View>
        </>
      ) : null}
      {live && !s.editable ? <View className='muted'>已有人预约，不能再修改；需要改动请撤回后重新发布。</View> : null}
    </View>
  );
}

/**
 * 场地与活动管理 (centre staff): a week of the centre's rooms, consultations, visits, meetings and
 * activities with seats taken; 发布时段, 修改 until the first booking, 撤回 with a reason (those
 * booked are told), 设为休息日, and each slot's 名单与签到.
 */
export default function VenueConsolePage() {
  const { params } = useRouter();
  const centre = useCentre(queryId(params.centreId));
  const centreId = centre.centreId;
  const today = localDay(new Date());
  const [from, setFrom] = useState(today);
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((n) => n + 1));
  const slots = useLoad(centreId ? () => bookings.venueSlots({ centreId, from }) : null, [centreId, from, visit]);
  const [form, setForm] = useState<{ editing: VenueSlotDTO | null } | null>(null);
  const [withdrawing, setWithdrawing] = useState<VenueSlotDTO | null>(null);
  const days = Array.from({ length: 7 }, (_, i) => addDays(from, i)).filter((d) => d >= today);
  const list = slots.data ?? [];

  const saved = (s: VenueSlotDTO) => {
    setForm(null);
    void Taro.showToast({ title: '已保存', icon: 'success' });
    setFrom(s.day < from || s.day > addDays(from, 6) ? s.day : from);
    slots.reload();
  };

  return (
    <Page title='场地与活动管理'>
      <CentrePicker centre={centre} emptyText='您不是服务中心的工作人员，不能管理场地与活动。' />
      {centreId ? (
        <>
          {centre.current ? <View className='muted vcons__centre'>{centre.current.name}</View> : null}
          {form ? (
            <SlotForm centreId={centreId} days={days} editing={form.editing} onSaved={saved} onCancel={() => setForm(null)} />
          ) : (
            <View className='btn btn--primary vcons__new' role='button' {...FOCUSABLE} data-testid='venue-publish' onClick={() => setForm({ editing: null })}>
              ＋ 发布时段
            </View>
          )}
          <View className='vcons__week' role='group' aria-label='选择一周'>
            <View
              className={`btn ${from <= today ? 'btn--disabled' : 'btn--ghost'}`}
              role='button'
              {...FOCUSABLE}
              aria-disabled={from <= today ? 'true' : 'false'}
              data-testid='venue-week-prev'
              onClick={() => from > today && setFrom(addDays(from, -7) < today ? today : addDays(from, -7))}
            >
              上一周
            </View>
            <View className='vcons__week-label'>{dayLabel(from)} 起7天</View>
            <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='venue-week-next' onClick={() => setFrom(addDays(from, 7))}>
              下一周
            </View>
          </View>
          <StateView
            loading={slots.loading && !slots.data}
            error={slots.error}
            empty={!!slots.data && list.length === 0}
            emptyText='这7天还没有发布时段'
            onRetry={slots.reload}
          />
          {byDay(list).map((d) => (
            <View key={d.day} role='group' aria-labelledby={`vcday-${d.day}`}>
              <View id={`vcday-${d.day}`} className='vcons__day' role='heading' aria-level={2}>
                {dayLabel(d.day)}
              </View>
              <View role='list' aria-label={dayLabel(d.day)}>
                {d.slots.map((s) => (
                  <StaffSlot
                    key={s.id}
                    s={s}
                    centreId={centreId}
                    onEdit={() => {
                      setForm({ editing: s });
                      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
                    }}
                    onWithdraw={() => setWithdrawing(s)}
                  />
                ))}
              </View>
            </View>
          ))}
          <CloseDay centreId={centreId} days={days} onClosed={slots.reload} />
          {withdrawing ? (
            <WithdrawDialog
              slot={withdrawing}
              onCancel={() => setWithdrawing(null)}
              onDone={() => {
                setWithdrawing(null);
                void Taro.showToast({ title: '已撤回', icon: 'success' });
                slots.reload();
              }}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
