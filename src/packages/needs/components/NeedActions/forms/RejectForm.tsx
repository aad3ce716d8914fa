import { useState } from 'react';
import type { RejectReason } from '@hg/types';
import { NEED_RULES, REJECT_REASON_LABEL } from '@hg/types/needs';
import ChoiceGroup from '../../../../../components/ChoiceGroup';
import TextBox from '../../../../../components/TextBox';
import { needs } from '../../../../../services/needs';
import Confirm from './Confirm';
import type { FormProps } from './types';

const REJECT_OPTIONS = (Object.keys(REJECT_REASON_LABEL) as RejectReason[]).map((value) => ({ value, label: REJECT_REASON_LABEL[value] }));

/** 不予受理: one of the fixed reasons (shown to the resident) and an optional note. */
export default function RejectForm({ need, busy, run, close }: FormProps) {
  const [code, setCode] = useState<RejectReason | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <ChoiceGroup
        id='reject-reason'
        label='不予受理的原因'
        options={REJECT_OPTIONS}
        value={code}
        onChange={(v) => {
          setCode(v);
          setError(null);
        }}
        error={error}
      />
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
