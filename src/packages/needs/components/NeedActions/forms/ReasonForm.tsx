import { useState } from 'react';
import { View } from '@tarojs/components';
import { NEED_RULES } from '@hg/types/needs';
import TextBox from '../../../../../components/TextBox';
import Confirm from './Confirm';
import type { FormProps } from './types';

export interface ReasonFormProps extends Pick<FormProps, 'busy' | 'close'> {
  label: string;
  confirm: string;
  submit: (text: string) => void;
  hint?: string;
}

/** One required text (reason / note) and a confirm button: 退单, 重新打开. */
export default function ReasonForm({ busy, close, label, confirm, submit, hint }: ReasonFormProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {hint ? (
        <View className='nact__hint' data-testid='action-hint'>
          {hint}
        </View>
      ) : null}
      <TextBox
        id='action-reason'
        label={label}
        value={text}
        onChange={(v) => {
          setText(v);
          setError(null);
        }}
        max={NEED_RULES.noteMax}
        error={error}
      />
      <Confirm label={confirm} busy={busy} onCancel={close} onConfirm={() => (text.trim() ? submit(text.trim()) : setError(`请填写${label}`))} />
    </>
  );
}
