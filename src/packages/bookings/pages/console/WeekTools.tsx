import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { SLOT_RULES } from '@hg/types/slots';
import { addDays } from '@hg/types/local-time';
import Field from '../../../../components/Field';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { bookings } from '../../../../services/bookings';
import { dayLabel, shortDay } from '../../format';

/**
 * 复制上周: one tap for a week of menus. The confirm says how many sittings the copy will create
 * (and which it skips, why) before anything is written; the copies are published at once, to be
 * checked and, where the market says so, changed dish by dish.
 */
export function CopyWeekButton({ centreId, from, onCopied }: { centreId: number; from: string; onCopied: (created: number) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const range = `${shortDay(addDays(from, -7))}–${shortDay(addDays(from, -1))}`;

  const copy = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const plan = await bookings.copyWeek({ centreId, from, dryRun: true });
    if (!plan.ok) {
      setBusy(false);
      return setError(plan.error.message);
    }
    const { created, skipped } = plan.data;
    const skippedText = skipped.length ? `跳过${skipped.length}个（${[...new Set(skipped.map((s) => s.reason))].join('、')}）。` : '';
    if (!created.length) {
      setBusy(false);
      await Taro.showModal({
        title: '复制上周菜单',
        content: `上周（${range}）没有可以复制到这一周的餐次。${skippedText}`,
        showCancel: false,
        confirmText: '知道了',
      });
      return;
    }
    const answer = await Taro.showModal({
      title: '复制上周菜单',
      content: `将按上周（${range}）新增${created.length}个餐次，菜单和过敏原一起复制，复制后立即公布，可再逐个改菜单。${skippedText}`,
      confirmText: `新增${created.length}个`,
      cancelText: '先不复制',
    });
    if (!answer.confirm) return setBusy(false);
    const res = await bookings.copyWeek({ centreId, from });
    setBusy(false);
    if (res.ok) onCopied(res.data.created.length);
    else setError(res.error.message);
  };

  return (
    <>
      <BusyButton label='复制上周' busy={busy} busyLabel='复制中…' onClick={copy} testId='copy-week' />
      {error ? (
        <View className='notice' role='alert'>
          {error}
        </View>
      ) : null}
    </>
  );
}

/**
 * 设为休息日 for one day: a reason (元旦、春节 …), then a confirm naming how many booked elders will
 * be told, who has to be phoned (no account, no family linked) and how many bookings are
 * cancelled; closing withdraws the day's sittings in one go.
 */
export function CloseDayForm({ centreId, day, onClosed, onCancel }: { centreId: number; day: string; onClosed: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = async () => {
    if (busy) return;
    if (!reason.trim()) return setError('请填写原因，例如 元旦');
    setBusy(true);
    setError(null);
    const preview = await bookings.closePreview({ centreId, day });
    if (!preview.ok) {
      setBusy(false);
      return setError(preview.error.message);
    }
    const { sittings, bookings: booked, elders, told, toCall } = preview.data;
    const who = elders
      ? `将取消${booked}份预订，通知${told}位已预订的老人（「因节假日停餐，您的预订已取消」）。${toCall.length ? `${toCall.join('、')}没有手机账号，请电话告知。` : ''}`
      : '还没有老人预订。';
    const answer = await Taro.showModal({
      title: '设为休息日',
      content: `${dayLabel(day)}（${reason.trim()}）设为休息日：${sittings ? `${sittings}个餐次停止供餐，` : ''}${who}`,
      confirmText: '设为休息日',
      cancelText: '不设了',
    });
    if (!answer.confirm) return setBusy(false);
    const res = await bookings.closeDay({ centreId, day, reason: reason.trim() });
    setBusy(false);
    if (res.ok) onClosed();
    else setError(res.error.message);
  };

  return (
    <View className='cons__close-form' data-testid={`close-form-${day}`}>
      <Field
        id={`close-reason-${day}`}
        label='休息原因'
        value={reason}
        maxlength={SLOT_RULES.reasonMax}
        placeholder='例如 元旦'
        onChange={setReason}
        error={error}
      />
      <View className='btn-row'>
        <BusyButton label='确定休息' busy={busy} busyLabel='处理中…' onClick={close} testId={`close-confirm-${day}`} />
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={onCancel}>
          取消
        </View>
      </View>
    </View>
  );
}
