import { useState } from 'react';
import { View } from '@tarojs/components';
import { NEED_RULES } from '@hg/types/needs';
import Stars from '../../../../../components/Stars';
import TextBox from '../../../../../components/TextBox';
import { needs } from '../../../../../services/needs';
import Confirm from './Confirm';
import type { FormProps } from './types';

/** 评价: 1–5 stars (required) and an optional comment. */
export default function RateForm({ need, busy, run, close }: FormProps) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Stars
        value={stars}
        onChange={(n) => {
          setStars(n);
          setError(null);
        }}
        label='为本次服务打分'
      />
      {error ? (
        <View className='field__error' role='alert'>
          {error}
        </View>
      ) : null}
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
