import { useState } from 'react';
import Field from '../../../../../components/Field';
import { needs } from '../../../../../services/needs';
import Confirm from './Confirm';
import type { FormProps } from './types';

/** 合并: fold a duplicate into another need by its number. */
export default function MergeForm({ need, busy, run, close }: FormProps) {
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Field
        id='merge-target'
        label='合并到需求编号'
        type='number'
        value={target}
        onChange={(v) => {
          setTarget(v);
          setError(null);
        }}
        error={error}
        placeholder='例如 12'
      />
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
