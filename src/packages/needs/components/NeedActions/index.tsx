import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ApiError, Envelope, NeedActionName, NeedDetailDTO, NeedReceiverDTO, PhotoDTO, RejectReason } from '@hg/types';
import { NEED_RULES, REJECT_REASON_LABEL } from '@hg/types/needs';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import Field from '../../../../components/Field';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { needs } from '../../../../services/needs';
import { formatRemaining } from '../../../../utils/format';
import TextBox from '../TextBox';
import PhotoPicker from '../PhotoPicker';
import Stars from '../Stars';
import './index.scss';
import BusyButton from '../../../../components/BusyButton';

/** Button text per action; also the accessible name the journeys look for. */
export const ACTION_LABEL: Record<Exclude<NeedActionName, 'comment'>, string> = {
  claim: '认领',
  accept: '接单',
  start: '开始处理',
  resume: '恢复',
  resolve: '办结',
  hold: '挂起',
  decline: '退单',
  dispatch: '派单',
  publish: '发布认领',
  transfer: '转单',
  reject: '不予受理',
  merge: '合并',
  rate: '评价',
  reopen: '重新打开',
  urge: '催办',
  cancel: '撤销',
};
type ButtonAction = keyof typeof ACTION_LABEL;
/** Most likely next step first. */
const ORDER = Object.keys(ACTION_LABEL) as ButtonAction[];
/** Actions that need input first open a small form; the rest run on tap. */
const WITH_FORM: ButtonAction[] = ['resolve', 'hold', 'decline', 'dispatch', 'transfer', 'reject', 'merge', 'rate', 'reopen'];
const DANGER: ButtonAction[] = ['cancel', 'reject', 'decline'];
const DONE_TOAST: Partial<Record<ButtonAction, string>> = { urge: '已催办', claim: '认领成功', accept: '已接单', rate: '感谢评价' };

const HOLD_OPTIONS = [1, 3, 7, 14].map((d) => ({ value: d, label: `${d}天后` }));
const REJECT_OPTIONS = (Object.keys(REJECT_REASON_LABEL) as RejectReason[]).map((value) => ({ value, label: REJECT_REASON_LABEL[value] }));
const DAY = 24 * 3600 * 1000;

export interface NeedActionsProps {
  need: NeedDetailDTO;
  /** The server's answer after an action: the page replaces its view with it. */
  onChange: (need: NeedDetailDTO) => void;
  /** Re-read the need (after a conflict, the buttons on screen are stale). */
  onStale: () => void;
}

type Run = (call: () => Promise<Envelope<NeedDetailDTO>>) => Promise<void>;

function Confirm({ label, busy, onConfirm, onCancel }: { label: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <View className='btn-row nact__confirm'>
      <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='action-dismiss' onClick={onCancel}>
        取消
      </View>
      <BusyButton label={label} busy={busy} onClick={onConfirm} testId='action-confirm' />
    </View>
  );
}

interface FormProps {
  need: NeedDetailDTO;
  busy: boolean;
  run: Run;
  close: () => void;
}

function RateForm({ need, busy, run, close }: FormProps) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Stars value={stars} onChange={(n) => { setStars(n); setError(null); }} label='为本次服务打分' />
      {error ? <View className='field__error' role='alert'>{error}</View> : null}
      <TextBox id='rate-comment' label='评价内容（选填）' value={comment} onChange={setComment} max={NEED_RULES.commentMax} />
      <Confirm
        label='提交评价'
        busy={busy}
        onCancel={close}
        onConfirm={() => {
          if (!stars) return setError('请选择评分');
          const c = comment.trim();
          return run(() => needs.rate({ needId: need.id, stars, ...(c ? { comment: c } : {}) }));
        }}
      />
    </>
  );
}

/** One required text (reason / note) and a confirm button: 退单, 重新打开. */
function ReasonForm({ busy, close, label, confirm, submit, hint }: Omit<FormProps, 'need' | 'run'> & { label: string; confirm: string; submit: (text: string) => void; hint?: string }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {hint ? <View className='nact__hint' data-testid='action-hint'>{hint}</View> : null}
      <TextBox id='action-reason' label={label} value={text} onChange={(v) => { setText(v); setError(null); }} max={NEED_RULES.noteMax} error={error} />
      <Confirm label={confirm} busy={busy} onCancel={close} onConfirm={() => (text.trim() ? submit(text.trim()) : setError(`请填写${label}`))} />
    </>
  );
}

function HoldForm({ need, busy, run, close }: FormProps) {
  const [days, setDays] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ days?: string; reason?: string }>({});
  return (
    <>
      <ChoiceGroup id='hold-resume' label='预计恢复时间' options={HOLD_OPTIONS} value={days} onChange={(d) => { setDays(d); setErrors((e) => ({ ...e, days: undefined })); }} error={errors.days} />
      <TextBox id='hold-reason' label='挂起原因' value={reason} onChange={(v) => { setReason(v); setErrors((e) => ({ ...e, reason: undefined })); }} max={NEED_RULES.noteMax} error={errors.reason} />
      <Confirm
        label='确认挂起'
        busy={busy}
        onCancel={close}
        onConfirm={() => {
          const found = { ...(days ? {} : { days: '请选择恢复时间' }), ...(reason.trim() ? {} : { reason: '请填写挂起原因' }) };
          setErrors(found);
          if (!days || !reason.trim()) return;
          const resumeAt = new Date(Date.now() + days * DAY).toISOString();
          void run(() => needs.hold({ needId: need.id, resumeAt, reason: reason.trim() }));
        }}
      />
    </>
  );
}

function ResolveForm({ need, busy, run, close }: FormProps) {
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<PhotoDTO[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<{ note?: string; photos?: string }>({});
  return (
    <>
      <TextBox id='resolve-note' label='办结说明' value={note} onChange={(v) => { setNote(v); setErrors((e) => ({ ...e, note: undefined })); }} max={NEED_RULES.noteMax} error={errors.note} />
      <PhotoPicker id='resolve-photos' label='办结照片（至少1张）' photos={photos} onChange={(p) => { setPhotos(p); setErrors((e) => ({ ...e, photos: undefined })); }} onBusy={setUploading} error={errors.photos} />
      <Confirm
        label='确认办结'
        busy={busy || uploading}
        onCancel={close}
        onConfirm={() => {
          const found = { ...(note.trim() ? {} : { note: '请填写办结说明' }), ...(photos.length ? {} : { photos: '请至少上传1张办结照片' }) };
          setErrors(found);
          if (!note.trim() || !photos.length || uploading) return;
          void run(() => needs.resolve({ needId: need.id, note: note.trim(), photoIds: photos.map((p) => p.fileId) }));
        }}
      />
    </>
  );
}

function receiverKey(r: NeedReceiverDTO): string {
  return `${r.kind}:${r.id}`;
}

function DispatchForm({ need, busy, run, close, mode }: FormProps & { mode: 'dispatch' | 'transfer' }) {
  const receivers = useLoad(() => needs.receivers(need.id), [need.id]);
  const [key, setKey] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const options = (receivers.data ?? [])
    .filter((r) => !(need.receiver && r.kind === need.receiver.kind && r.id === need.receiver.id))
    .map((r) => ({ value: receiverKey(r), label: `${r.name}（${r.kindLabel}）` }));
  const label = ACTION_LABEL[mode];
  return (
    <>
      <StateView loading={receivers.loading} error={receivers.error} onRetry={receivers.reload} />
      {receivers.data ? (
        <ChoiceGroup id='dispatch-receiver' label='接单方' options={options} value={key} onChange={(v) => { setKey(v); setError(null); }} error={error} emptyText='暂无可选的接单方' />
      ) : null}
      <TextBox id='dispatch-note' label='派单说明（选填）' value={note} onChange={setNote} max={NEED_RULES.noteMax} />
      <Confirm
        label={`确认${label}`}
        busy={busy}
        onCancel={close}
        onConfirm={() => {
          const r = receivers.data?.find((x) => receiverKey(x) === key);
          if (!r) return setError('请选择一个接单方');
          const n = note.trim();
          const input = { needId: need.id, ...(r.kind === 'org' ? { orgId: r.id } : { userId: r.id }), ...(n ? { note: n } : {}) };
          return run(() => (mode === 'dispatch' ? needs.dispatch(input) : needs.transfer(input)));
        }}
      />
    </>
  );
}

function RejectForm({ need, busy, run, close }: FormProps) {
  const [code, setCode] = useState<RejectReason | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <ChoiceGroup id='reject-reason' label='不予受理的原因' options={REJECT_OPTIONS} value={code} onChange={(v) => { setCode(v); setError(null); }} error={error} />
      <TextBox id='reject-note' label='补充说明（选填）' value={note} onChange={setNote} max={NEED_RULES.noteMax} />
      <Confirm
        label='确认不予受理'
        busy={busy}
        onCancel={close}
        onConfirm={() => {
          if (!code) return setError('请选择原因');
          const n = note.trim();
          return run(() => needs.reject({ needId: need.id, reasonCode: code, ...(n ? { note: n } : {}) }));
        }}
      />
    </>
  );
}

function MergeForm({ need, busy, run, close }: FormProps) {
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Field id='merge-target' label='合并到需求编号' type='number' value={target} onChange={(v) => { setTarget(v); setError(null); }} error={error} placeholder='例如 12' />
      <Confirm
        label='确认合并'
        busy={busy}
        onCancel={close}
        onConfirm={() => {
          const into = Number(target);
          if (!Number.isInteger(into) || into <= 0) return setError('请填写要合并到的需求编号');
          if (into === need.id) return setError('不能合并到自身');
          return run(() => needs.merge({ needId: need.id, intoNeedId: into }));
        }}
      />
    </>
  );
}

/** 「还可在2天5小时内重新打开（剩余1次）」, from resolvedAt and the 7-day window. */
export function reopenHint(need: NeedDetailDTO, now = Date.now()): string {
  const parts: string[] = [];
  if (need.resolvedAt) parts.push(`还可在${formatRemaining(Date.parse(need.resolvedAt) + NEED_RULES.reopenWindowDays * DAY - now)}内重新打开`);
  const left = NEED_RULES.maxReopens - need.reopenCount;
  if (left > 0) parts.push(`剩余${left}次`);
  if (need.reopenCount >= 1) parts.push('再次打开将升级处理');
  return parts.join('，');
}

/**
 * The action buttons, rendered only from `need.can` (the server re-checks every one). Quick
 * actions run on tap; the others open a short form under the buttons.
 */
export default function NeedActions({ need, onChange, onStale }: NeedActionsProps) {
  const [active, setActive] = useState<ButtonAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const last = useRef<ButtonAction | null>(null);
  const available = ORDER.filter((a) => need.can.includes(a));

  const run: Run = async (call) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const res = await call();
    setBusy(false);
    if (res.ok) {
      const toast = last.current ? DONE_TOAST[last.current] : undefined;
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
    const quick: Record<string, (id: number) => Promise<Envelope<NeedDetailDTO>>> = {
      urge: needs.urge,
      accept: needs.accept,
      start: needs.start,
      resume: needs.resume,
      publish: needs.publish,
      claim: needs.claim,
    };
    return run(() => quick[a](need.id));
  };

  if (!available.length && !error) return null;
  const form: FormProps = { need, busy, run, close: () => setActive(null) };
  return (
    <View className='card nact' data-testid='need-actions'>
      <View className='card__title' role='heading' aria-level={2}>
        办理
      </View>
      <View className='nact__buttons'>
        {available.map((a) => (
          <View
            key={a}
            className={`btn nact__btn ${a === 'claim' ? 'nact__btn--big' : ''} ${DANGER.includes(a) ? 'btn--danger' : active === a || a === available[0] ? 'btn--primary' : 'btn--ghost'}`}
            role='button'
            {...FOCUSABLE}
            aria-expanded={WITH_FORM.includes(a) ? (active === a ? 'true' : 'false') : undefined}
            data-testid={`action-${a}`}
            onClick={() => tap(a)}
          >
            {ACTION_LABEL[a]}
          </View>
        ))}
      </View>
      {active && WITH_FORM.includes(active) ? (
        <View className='nact__form' data-testid={`action-form-${active}`}>
          {active === 'rate' ? <RateForm {...form} /> : null}
          {active === 'reopen' ? (
            <ReasonForm {...form} label='重新打开的原因' confirm='确认重新打开' hint={reopenHint(need)} submit={(reason) => run(() => needs.reopen({ needId: need.id, reason }))} />
          ) : null}
          {active === 'decline' ? (
            <ReasonForm {...form} label='退单理由' confirm='确认退单' submit={(reason) => run(() => needs.decline({ needId: need.id, reason }))} />
          ) : null}
          {active === 'hold' ? <HoldForm {...form} /> : null}
          {active === 'resolve' ? <ResolveForm {...form} /> : null}
          {active === 'dispatch' || active === 'transfer' ? <DispatchForm {...form} mode={active} /> : null}
          {active === 'reject' ? <RejectForm {...form} /> : null}
          {active === 'merge' ? <MergeForm {...form} /> : null}
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
