import { useState } from 'react';
import type { NeedReceiverDTO } from '@hg/types';
import { NEED_RULES } from '@hg/types/needs';
import ChoiceGroup from '../../../../../components/ChoiceGroup';
import StateView from '../../../../../components/StateView';
import TextBox from '../../../../../components/TextBox';
import { useLoad } from '../../../../../hooks/useLoad';
import { needs } from '../../../../../services/needs';
import { requestSubscribe } from '../../../../../services/subscribe';
import { ACTION_LABEL } from '../actions';
import Confirm from './Confirm';
import type { FormProps } from './types';

function receiverKey(r: NeedReceiverDTO): string {
  return `${r.kind}:${r.id}`;
}

export interface DispatchFormProps extends FormProps {
  mode: 'dispatch' | 'transfer';
}

/** 派单 / 转单: pick a receiver the server offers (never the current one), with an optional note. */
export default function DispatchForm({ need, busy, run, close, mode }: DispatchFormProps) {
  const receivers = useLoad(() => needs.receivers({ needId: need.id }), [need.id]);
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
        <ChoiceGroup
          id='dispatch-receiver'
          label='接单方'
          options={options}
          value={key}
          onChange={(v) => {
            setKey(v);
            setError(null);
          }}
          error={error}
          emptyText='暂无可选的接单方'
        />
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
          // Staff who dispatch follow the need's work: ask for task messages inside the tap.
          // Both answer small (the need's new status): the page shows the detail read afresh.
          return requestSubscribe(['need_task']).then(() =>
            run(async () => {
              const moved = await (mode === 'dispatch' ? needs.dispatch(input) : needs.transfer({ ...input, seenAt: need.updatedAt }));
              return moved.ok ? needs.get({ needId: need.id }) : moved;
            }),
          );
        }}
      />
    </>
  );
}
