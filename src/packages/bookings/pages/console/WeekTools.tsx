import { useState } from 'react';
import { View } from '@tarojs/components';
import type { ClosePreviewDTO, CopyWeekDTO } from '@hg/types';
import { SLOT_RULES } from '@hg/types/slots';
import { addDays } from '@hg/types/local-time';
import Field from '../../../../components/Field';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { bookings } from '../../../../services/bookings';
import ConfirmDialog from '../../../../components/ConfirmDialog';
import { dayLabel, shortDay } from '../../format';

/**
 * 复制上周: one tap for a week of menus. The confirm says how many sittings the copy will create
 * (and which it skips, why) before anything is written; the copies are published at once, to be
 * checked and, where the market says so, changed dish by dish.
 */
export function CopyWeekButton({ centreId, from, onCopied }: { centreId: number; from: string; onCopied: (created: number) => void }) {
  const [busy, setBusy] = useState(false);
  const [plan, setPlan] = useState<CopyWeekDTO | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const range = `${shortDay(addDays(from, -7))}–${shortDay(addDays(from, -1))}`;
  const skippedText = (p: CopyWeekDTO) => (p.skipped.length ? `跳过${p.skipped.length}个（${[...new Set(p.skipped.map((s) => s.reason))].join('、')}）。` : '');

  const ask = async () => {
    if (busy) return;
    setBusy(true);
    setNote(null);
    const res = await bookings.copyWeek({ centreId, from, dryRun: true });
    setBusy(false);
    if (!res.ok) return setNote(res.error.message);
    if (!res.data.created.length) return setNote(`上周（${range}）没有可以复制到这一周的餐次。${skippedText(res.data)}`);
    setPlan(res.data);
  };

  const copy = async () => {
    setPlan(null);
    setBusy(true);
    const res = await bookings.copyWeek({ centreId, from });
    setBusy(false);
    if (res.ok) onCopied(res.data.created.length);
    else setNote(res.error.message);
  };

  return (
    <>
      <BusyButton label='复制上周' busy={busy} busyLabel='复制中…' onClick={ask} testId='copy-week' />
      {note ? (
        <View className='notice' role='alert' data-testid='copy-week-note'>
          {note}
        </View>
      ) : null}
      {plan ? (
        <ConfirmDialog
          id='copy-week'
          title='复制上周菜单'
          confirmText={`新增${plan.created.length}个餐次`}
          cancelText='先不复制'
          onConfirm={() => void copy()}
          onCancel={() => setPlan(null)}
          testId='copy-dialog'
        >
          按上周（{range}）新增{plan.created.length}个餐次，菜单和过敏原一起复制，复制后立即公布，可再逐个改菜单。{skippedText(plan)}
        </ConfirmDialog>
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
  const [preview, setPreview] = useState<ClosePreviewDTO | null>(null);

  const ask = async () => {
    if (busy) return;
    if (!reason.trim()) return setError('请填写原因，例如 元旦');
    setBusy(true);
    setError(null);
    const res = await bookings.closePreview({ centreId, day });
    setBusy(false);
    if (res.ok) setPreview(res.data);
    else setError(res.error.message);
  };

  const close = async () => {
    setPreview(null);
    setBusy(true);
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
        <BusyButton label='确定休息' busy={busy} busyLabel='处理中…' onClick={ask} testId={`close-confirm-${day}`} />
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={onCancel}>
          取消
        </View>
      </View>
      {preview ? (
        <ConfirmDialog
          id={`close-${day}`}
          title={`${dayLabel(day)} 设为休息日`}
          confirmText='设为休息日'
          cancelText='不设了'
          onConfirm={() => void close()}
          onCancel={() => setPreview(null)}
          testId='close-dialog'
        >
          {`原因：${reason.trim()}。`}
          {preview.sittings ? `${preview.sittings}个餐次停止供餐，` : ''}
          {preview.elders
            ? `将取消${preview.bookings}份预订，通知${preview.told}位已预订的老人（「因节假日停餐，您的预订已取消」）。${
                preview.toCall.length ? `${preview.toCall.join('、')}不用小程序、也没有关联家属，请电话告知。` : ''
              }`
            : '还没有老人预订。'}
        </ConfirmDialog>
      ) : null}
    </View>
  );
}

/**
 * 撤销休息日: a confirm that says what comes back and what does not — the day takes sittings again,
 * but the sittings the close withdrew stay withdrawn and the cancelled bookings stay cancelled (the
 * elders were told 停餐); the console then offers 复制上周 and 新增餐次 on that day.
 */
export function ReopenDayButton({ centreId, day, reason, onReopened }: { centreId: number; day: string; reason: string; onReopened: () => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reopen = async () => {
    setAsking(false);
    setBusy(true);
    setError(null);
    const res = await bookings.reopenDay({ centreId, day });
    setBusy(false);
    if (res.ok) onReopened();
    else setError(res.error.message);
  };

  return (
    <>
      <BusyButton
        label='撤销休息日'
        busy={busy}
        busyLabel='处理中…'
        onClick={() => setAsking(true)}
        className='btn--ghost'
        testId={`reopen-day-${day}`}
      />
      {error ? (
        <View className='notice' role='alert' data-testid={`reopen-error-${day}`}>
          {error}
        </View>
      ) : null}
      {asking ? (
        <ConfirmDialog
          id={`reopen-${day}`}
          title={`${dayLabel(day)} 撤销休息日`}
          confirmText='恢复营业'
          cancelText='不撤销'
          onConfirm={() => void reopen()}
          onCancel={() => setAsking(false)}
          testId='reopen-dialog'
        >
          {`撤销「${reason}」休息日后，这一天可以重新发布餐次。原来的餐次不会自动恢复，已取消的预订也不会恢复（老人已收到停餐通知）。恢复后请用「复制上周」或「新增餐次」重新发布，老人需要重新预订。`}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
