import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { RATING_RULES } from '@hg/types/ratings';
import BusyButton from '../../../../components/BusyButton';
import Field from '../../../../components/Field';
import { FOCUSABLE } from '../../../../components/a11y';
import { ratings } from '../../../../services/ratings';
import { userMessage } from '../../../../services/call';
import './index.scss';

export interface MaskFragmentProps {
  ratingId: number;
  /** The public text after masking. */
  onMasked: (body: string) => void;
}

/**
 * 隐去部分内容 (moderators): type a fragment of the comment exactly as shown — a name, a plate,
 * a door the automatic mask missed — and each occurrence becomes ＊; the rest of the criticism
 * stays. Collapsed to one small button until needed.
 */
export default function MaskFragment({ ratingId, onMasked }: MaskFragmentProps) {
  const [open, setOpen] = useState(false);
  const [fragment, setFragment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (busy) return;
    if (!fragment.trim()) return setError('请填写要隐去的文字');
    setBusy(true);
    const res = await ratings.maskComment({ ratingId, fragment: fragment.trim() });
    setBusy(false);
    if (!res.ok) return setError(userMessage(res.error));
    setError(null);
    setFragment('');
    setOpen(false);
    onMasked(res.data.body);
    void Taro.showToast({ title: '已隐去', icon: 'none' });
  };
  if (!open)
    return (
      <View className='btn btn--ghost mask__open' role='button' {...FOCUSABLE} data-testid={`mask-open-${ratingId}`} onClick={() => setOpen(true)}>
        隐去部分内容
      </View>
    );
  return (
    <View className='mask' data-testid={`mask-form-${ratingId}`}>
      <Field
        id={`mask-${ratingId}`}
        label='要隐去的文字（照评论原文填写，如姓名、车牌）'
        value={fragment}
        onChange={(v) => {
          setFragment(v);
          setError(null);
        }}
        error={error}
        maxlength={RATING_RULES.commentMax}
      />
      <View className='btn-row'>
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={() => setOpen(false)} data-testid={`mask-cancel-${ratingId}`}>
          取消
        </View>
        <BusyButton label='隐去' busy={busy} busyLabel='处理中…' onClick={() => void submit()} testId={`mask-submit-${ratingId}`} />
      </View>
    </View>
  );
}
