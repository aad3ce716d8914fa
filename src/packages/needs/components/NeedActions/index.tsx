import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ApiError, NeedDetailDTO } from '@hg/types';
import { FOCUSABLE } from '../../../../components/a11y';
import { needs } from '../../../../services/needs';
import { requestSubscribe } from '../../../../services/subscribe';
import { ACTION_LABEL, DANGER, DONE_TOAST, ORDER, WITH_FORM, isQuick, type ButtonAction } from './actions';
import ActionForm from './forms';
import type { Run } from './forms/types';
import './index.scss';

export { ACTION_LABEL, reopenHint } from './actions';

export interface NeedActionsProps {
  need: NeedDetailDTO;
  /** The server's answer after an action: the page replaces its view with it. */
  onChange: (need: NeedDetailDTO) => void;
  /** Re-read the need (after a conflict, the buttons on screen are stale). */
  onStale: () => void;
}

/**
 * The action buttons, rendered only from `need.can` (the server re-checks every one). Quick
 * actions run on tap; the others open a short form (forms/) under the buttons.
 */
export default function NeedActions({ need, onChange, onStale }: NeedActionsProps) {
  const [active, setActive] = useState<ButtonAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const last = useRef<ButtonAction | null>(null);
  const available = ORDER.filter((a) => need.can.includes(a));
  // A head's or staff member's urge presses the receiver from above (督办); only the reporter's is 催办.
  const labelOf = (a: ButtonAction) => (a === 'urge' && !need.reporting ? '督办' : ACTION_LABEL[a]);
  // 催办 is offered from the start but only stands out once the deadline passed (urges before it
  // only remind the receiver: they do not escalate).
  const primary = available.find((a) => a !== 'urge' || need.overdue) ?? null;

  const run: Run = async (call) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const res = await call();
    setBusy(false);
    if (res.ok) {
      const toast = last.current === 'urge' && !need.reporting ? '已督办' : last.current ? DONE_TOAST[last.current] : undefined;
      setActive(null);
      onChange(res.data);
      void Taro.showToast({ title: toast ?? '操作成功', icon: 'success' });
      return;
    }
    setError(res.error);
    // Someone else moved the need first: show their outcome's buttons, keep our message visible.
    if (res.error.code === 'CONFLICT' || res.error.code === 'INVALID_TRANSITION') {
      setActive(null);
      onStale();
    }
  };

  const tap = async (a: ButtonAction) => {
    setError(null);
    last.current = a;
    if (WITH_FORM.includes(a)) {
      setActive(active === a ? null : a);
      return;
    }
    setActive(a);
    if (a === 'cancel') {
      const ok = await Taro.showModal({ title: '撤销需求', content: '确定撤销这条需求吗？撤销后不再办理。', confirmText: '撤销', cancelText: '不撤销' });
      if (!ok.confirm) return setActive(null);
      return run(() => needs.cancel({ needId: need.id }));
    }
    // Taking the work on: ask (inside the tap, as WeChat requires) for the messages that follow it
    // (urges, reopens, escalations).
    if (a === 'accept' || a === 'claim') await requestSubscribe(['need_task']);
    if (isQuick(a)) return run(() => needs[a]({ needId: need.id }));
    return undefined;
  };

  if (!available.length && !error) return null;
  return (
    <View className='card nact' data-testid='need-actions'>
      <View className='card__title' role='heading' aria-level={2}>
        办理
      </View>
      <View className='nact__buttons'>
        {available.map((a) => (
          <View
            key={a}
            className={`btn nact__btn ${a === 'claim' ? 'nact__btn--big' : ''} ${DANGER.includes(a) ? 'btn--danger' : active === a || (a === primary && a !== null) ? 'btn--primary' : 'btn--ghost'}`}
            role='button'
            {...FOCUSABLE}
            aria-expanded={WITH_FORM.includes(a) ? (active === a ? 'true' : 'false') : undefined}
            data-testid={`action-${a}`}
            onClick={() => tap(a)}
          >
            {labelOf(a)}
          </View>
        ))}
      </View>
      {active && WITH_FORM.includes(active) ? (
        <View className='nact__form' data-testid={`action-form-${active}`}>
          <ActionForm action={active} need={need} busy={busy} run={run} close={() => setActive(null)} />
        </View>
      ) : null}
      {error ? (
        <View className='notice nact__error' role='alert' data-testid='action-error'>
          {error.message}
        </View>
      ) : null}
    </View>
  );
}
