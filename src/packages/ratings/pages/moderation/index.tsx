import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ModerationItemDTO } from '@hg/types';
import { DIMENSION_LABEL, RATING_DIMENSIONS, RATING_RULES } from '@hg/types/ratings';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import BusyButton from '../../../../components/BusyButton';
import { useLoad } from '../../../../hooks/useLoad';
import { ratings } from '../../../../services/ratings';
import MaskFragment from '../../components/MaskFragment';
import { VoiceUnder } from '../../components/FirmComments';
import './index.scss';

const STATUS_LABEL: Record<ModerationItemDTO['status'], string> = { visible: '显示中', hidden: '已暂时隐藏', removed: '已删除' };

function Item({ item, onDone }: { item: ModerationItemDTO; onDone: (next: ModerationItemDTO) => void }) {
  const [busy, setBusy] = useState<'keep' | 'remove' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [decided, setDecided] = useState<string | null>(null);
  const [body, setBody] = useState(item.body);
  const decide = async (keep: boolean) => {
    if (busy) return;
    if (!keep) {
      const answer = await Taro.showModal({ title: '删除评论', content: '删除后这条评论不再公开。确定删除吗？', confirmText: '删除', cancelText: '取消' });
      if (!answer.confirm) return;
    }
    setBusy(keep ? 'keep' : 'remove');
    const res = await ratings.moderate({ ratingId: item.ratingId, keep });
    setBusy(null);
    if (res.ok) {
      setError(null);
      setDecided(keep ? '已保留' : '已删除');
      onDone(res.data);
    } else setError(res.error.message);
  };
  return (
    <View className='card rmod__item' role='listitem' data-testid={`moderation-${item.ratingId}`}>
      <View className='rmod__head'>
        <View className='rmod__firm'>{item.firm.name}</View>
        <View className='rmod__status'>{STATUS_LABEL[item.status]}</View>
      </View>
      <View className='muted rmod__where' data-testid={`moderation-where-${item.ratingId}`}>
        {item.compound.name} · {item.period.code} 期
      </View>
      <View className='rmod__body' data-testid={`moderation-body-${item.ratingId}`}>
        {body}
      </View>
      <VoiceUnder comment={{ ...item, canMask: true }} />
      <View className='muted rmod__stars' data-testid={`moderation-stars-${item.ratingId}`}>
        这户打的星：{RATING_DIMENSIONS.map((d) => `${DIMENSION_LABEL[d]}${item.scores[d]}星`).join(' · ')}
      </View>
      <View className='rmod__reasons' data-testid={`moderation-reasons-${item.ratingId}`}>
        <View className='rmod__reasons-head'>举报理由（共 {item.reasons.reduce((n, r) => n + r.count, 0)} 次）</View>
        <View role='list' aria-label='举报理由'>
          {item.reasons.map((r) => (
            <View key={r.reason} className='rmod__reason' role='listitem'>
              {r.label} × {r.count}
            </View>
          ))}
        </View>
        {item.firmReports ? (
          <View className='muted' data-testid={`moderation-firm-reports-${item.ratingId}`}>
            其中 {item.firmReports} 次来自被评价物业的工作人员，不计入隐藏次数
          </View>
        ) : null}
      </View>
      {error ? (
        <View className='field__error' role='alert'>
          {error}
        </View>
      ) : null}
      {decided ? (
        <View className='success rmod__decided' role='status'>
          {decided}
        </View>
      ) : item.status === 'removed' ? null : (
        <View className='btn-row rmod__actions'>
          <BusyButton
            label='保留'
            busy={busy === 'keep'}
            busyLabel='处理中…'
            onClick={() => void decide(true)}
            className='btn--ghost'
            testId={`keep-${item.ratingId}`}
          />
          <BusyButton
            label='删除'
            busy={busy === 'remove'}
            busyLabel='处理中…'
            onClick={() => void decide(false)}
            className='btn--danger'
            testId={`remove-${item.ratingId}`}
          />
        </View>
      )}
      {item.status === 'removed' || decided === '已删除' ? null : <MaskFragment ratingId={item.ratingId} onMasked={setBody} />}
    </View>
  );
}

/** 评论审核: comments reported (hidden after several reports) wait here for 保留 or 删除. Names never shown. */
export default function ModerationPage() {
  const queue = useLoad(() => ratings.moderationQueue(), []);
  const [items, setItems] = useState<ModerationItemDTO[]>([]);
  useEffect(() => {
    if (queue.data) setItems(queue.data);
  }, [queue.data]);
  const replace = (next: ModerationItemDTO) => setItems((all) => all.map((x) => (x.ratingId === next.ratingId ? next : x)));

  return (
    <Page title='评论审核'>
      <View className='muted rmod__rule'>
        被举报{RATING_RULES.reportsToHide}
        次的评论会先隐藏，等待审核。「保留」恢复显示，「删除」不再公开；只需隐去姓名等个人信息时，用「隐去部分内容」，其余批评照常显示。
      </View>
      <StateView
        loading={queue.loading && !queue.data}
        error={queue.error}
        empty={!!queue.data && items.length === 0}
        emptyText='没有待审核的评论'
        onRetry={queue.reload}
      />
      <View role='list' aria-label='待审核评论'>
        {items.map((i) => (
          <Item key={i.ratingId} item={i} onDone={replace} />
        ))}
      </View>
    </Page>
  );
}
