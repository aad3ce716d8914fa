import { useState } from 'react';
import { NEED_RULES } from '@hg/types/needs';
import ChoiceGroup from '../../../../../components/ChoiceGroup';
import TextBox from '../../../../../components/TextBox';
import { needs } from '../../../../../services/needs';
import { DAY } from '../actions';
import Confirm from './Confirm';
import type { FormProps } from './types';

const HOLD_OPTIONS = [1, 3, 7, 14].map((d) => ({ value: d, label: `${d}天后` }));

/** 挂起: when work resumes (the timer resumes it then) and why. */
export default function HoldForm({ need, busy, run, close }: FormProps) {
  const [days, setDays] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ days?: string; reason?: string }>({});
  return (
    <>
      <ChoiceGroup
        id='hold-resume'
        label='预计恢复时间'
        options={HOLD_OPTIONS}
        value={days}
        onChange={(d) => {
          setDays(d);
          setErrors((e) => ({ ...e, days: undefined }));
        }}
        error={errors.days}
      />
      <TextBox
        id='hold-reason'
        label='挂起原因'
        value={reason}
        onChange={(v) => {
          setReason(v);
          setErrors((e) => ({ ...e, reason: undefined }));
        }}
        max={NEED_RULES.noteMax}
        error={errors.reason}
      />
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
