import { View } from '@tarojs/components';
import type { AssessorEvidenceDTO } from '@hg/types';
import { CRITERION_LABEL } from '@hg/types/ratings';
import PhotoStrip from '../../../../components/PhotoStrip';
import { formatTime } from '../../../../utils/format';
import './index.scss';

const ASSESSED = ['organisation', 'team', 'service'] as const;

/**
 * 考评依据 under the breakdown: each assessor's three scores with the note and photos behind them
 * (no names). Only the firm's own staff and the city admin receive these; the page shows nothing
 * when the server sends none.
 */
export default function AssessorEvidence({ evidence }: { evidence: AssessorEvidenceDTO[] | null }) {
  if (!evidence) return null;
  return (
    <View className='revidence' data-testid='firm-evidence'>
      <View className='revidence__head' role='heading' aria-level={3}>
        考评依据（仅本企业和管理员可见）
      </View>
      {evidence.length === 0 ? <View className='muted'>本期没有考评员打分。</View> : null}
      <View role='list' aria-label='考评员的打分与依据'>
        {evidence.map((e, i) => (
          <View key={`${e.periodId}-${i}`} className='revidence__item' role='listitem' data-testid={`firm-evidence-${i}`}>
            <View className='revidence__who'>
              考评员{i + 1} · {e.periodCode} 期
            </View>
            <View className='revidence__scores'>{ASSESSED.map((c) => `${CRITERION_LABEL[c]}${e.scores[c]}分`).join(' · ')}</View>
            {e.note ? <View className='revidence__note'>{e.note}</View> : <View className='muted'>未填写说明</View>}
            {e.photos.length ? <PhotoStrip photos={e.photos} label={`考评员${i + 1}的现场照片`} /> : null}
            <View className='muted revidence__at'>{formatTime(e.updatedAt)}</View>
          </View>
        ))}
      </View>
    </View>
  );
}
