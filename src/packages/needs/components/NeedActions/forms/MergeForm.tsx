import { useState } from 'react';
import { View } from '@tarojs/components';
import { NEED_SEARCH_RULES } from '@hg/types/needs';
import ChoiceGroup from '../../../../../components/ChoiceGroup';
import StateView from '../../../../../components/StateView';
import { useLoad } from '../../../../../hooks/useLoad';
import { needs } from '../../../../../services/needs';
import { formatTime } from '../../../../../utils/format';
import Confirm from './Confirm';
import type { FormProps } from './types';

/**
 * 合并: fold this need, a duplicate, into one the server offers as the same problem (same
 * category and place, open, recent) — picked, not typed, so a wrong number cannot close the wrong need.
 */
export default function MergeForm({ need, busy, run, close }: FormProps) {
  const candidates = useLoad(() => needs.mergeCandidates({ needId: need.id }), [need.id]);
  const [target, setTarget] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const options = (candidates.data ?? []).map((c) => ({
    value: c.id,
    label: `#${c.id} ${c.excerpt}（${c.statusLabel}，${formatTime(c.createdAt)}）`,
  }));
  return (
    <>
      <View className='muted nact__hint'>本需求将作为重复需求并入所选需求，由那条继续办理，并通知本需求的居民。</View>
      <StateView loading={candidates.loading} error={candidates.error} onRetry={candidates.reload} />
      {candidates.data ? (
        <ChoiceGroup
          id='merge-target'
          label='并入哪条需求'
          options={options}
          value={target}
          onChange={(v) => {
            setTarget(v);
            setError(null);
          }}
          error={error}
          emptyText={`近${NEED_SEARCH_RULES.mergeWindowDays}天同一位置没有同类未办结的需求，无需合并`}
        />
      ) : null}
      <Confirm
        label='确认合并'
        busy={busy}
        onCancel={close}
        onConfirm={() => {
          if (!target) return setError('请选择要并入的需求');
          return run(() => needs.merge({ needId: need.id, intoNeedId: target }));
        }}
      />
    </>
  );
}
