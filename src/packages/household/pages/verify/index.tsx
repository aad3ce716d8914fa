import { useEffect, useState } from 'react';
import { Textarea, View } from '@tarojs/components';
import type { MembershipStatus, VerifyQueueItemDTO } from '@hg/types';
import { MEMBERSHIP_STATUS_LABEL, RELATION_LABEL } from '@hg/types/enums';
import { LIMITS } from '@hg/types/limits';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import { households } from '../../../../services/households';
import type { ApiError } from '@hg/types';
import { formatTime } from '../../../../utils/format';
import './index.scss';
import { FOCUSABLE } from '../../../../components/a11y';

const TABS: MembershipStatus[] = ['pending', 'verified', 'rejected'];
const PAGE_SIZE = 20;

interface ItemProps {
  item: VerifyQueueItemDTO;
  onDone: (id: number) => void;
}

/** One application with big 通过 / 驳回 buttons; 驳回 opens a reason box first. */
function QueueItem({ item, onDone }: ItemProps) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pending = item.status === 'pending';

  const run = async (approve: boolean) => {
    if (busy) return;
    if (!approve && !reason.trim()) {
      setError('驳回时请填写理由');
      return;
    }
    setBusy(true);
    setError(null);
    const res = await households.verify(approve ? { membershipId: item.id, approve: true } : { membershipId: item.id, approve: false, reason: reason.trim() });
    setBusy(false);
    if (res.ok) onDone(item.id);
    else setError(res.error.message);
  };

  const reasonId = `reason-${item.id}`;
  return (
    <View className='card verify__item' role='listitem' data-testid={`verify-item-${item.id}`}>
      <View className='verify__name'>
        {item.applicantName}
        <View className='verify__relation'>{RELATION_LABEL[item.relation]}</View>
      </View>
      <View className='verify__line'>手机：{item.applicantPhoneMasked}</View>
      <View className='verify__line'>
        住址：{item.compound.name} {item.address}
      </View>
      <View className='verify__line'>申请时间：{formatTime(item.createdAt)}</View>
      {item.status === 'rejected' && item.rejectReason ? <View className='verify__line'>驳回理由：{item.rejectReason}</View> : null}

      {pending && rejecting ? (
        <View className='verify__reject'>
          <View className='field__label' id={`${reasonId}-label`}>
            驳回理由
          </View>
          <Textarea
            className='verify__reason'
            value={reason}
            maxlength={LIMITS.reasonMax}
            placeholder='例如：房号与登记信息不符'
            placeholderClass='field__placeholder'
            onInput={(e) => setReason(e.detail.value)}
            nativeProps={{ 'aria-label': '驳回理由' }}
          />
        </View>
      ) : null}
      {error ? (
        <View className='field__error' role='alert'>
          {error}
        </View>
      ) : null}
      {pending ? (
        <View className='btn-row verify__actions'>
          {rejecting ? (
            <>
              <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={() => setRejecting(false)}>
                取消
              </View>
              <View className='btn btn--danger' role='button' {...FOCUSABLE} onClick={() => run(false)}>
                确认驳回
              </View>
            </>
          ) : (
            <>
              <View className='btn btn--primary' role='button' {...FOCUSABLE} aria-label={`通过 ${item.applicantName}`} onClick={() => run(true)}>
                通过
              </View>
              <View className='btn btn--danger' role='button' {...FOCUSABLE} aria-label={`驳回 ${item.applicantName}`} onClick={() => setRejecting(true)}>
                驳回
              </View>
            </>
          )}
        </View>
      ) : null}
    </View>
  );
}

/** The verification queue of the three heads and community staff, scoped by the server. */
export default function VerifyPage() {
  const [status, setStatus] = useState<MembershipStatus>('pending');
  const [items, setItems] = useState<VerifyQueueItemDTO[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  const load = async (reset: boolean) => {
    setLoading(true);
    setError(null);
    const res = await households.verifyQueue({ status, limit: PAGE_SIZE, ...(reset || !cursor ? {} : { cursor }) });
    setLoading(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    setItems((prev) => (reset ? res.data.items : [...prev, ...res.data.items]));
    setCursor(res.data.nextCursor);
  };

  useEffect(() => {
    setItems([]);
    setCursor(null);
    void load(true);
  }, [status]);

  return (
    <Page title='居民认证审核'>
      <View className='verify__tabs' role='tablist' aria-label='审核状态'>
        {TABS.map((t) => (
          <View
            key={t}
            className={`verify__tab ${t === status ? 'verify__tab--on' : ''}`}
            role='tab'
            {...FOCUSABLE}
            aria-selected={t === status ? 'true' : 'false'}
            onClick={() => setStatus(t)}
          >
            {MEMBERSHIP_STATUS_LABEL[t]}
          </View>
        ))}
      </View>
      <View role='list' aria-label={MEMBERSHIP_STATUS_LABEL[status]}>
        {items.map((item) => (
          <QueueItem key={item.id} item={item} onDone={(id) => setItems((prev) => prev.filter((x) => x.id !== id))} />
        ))}
      </View>
      <StateView
        loading={loading}
        error={error}
        empty={!loading && items.length === 0}
        emptyText={status === 'pending' ? '没有待审核的申请' : '暂无记录'}
        onRetry={() => load(items.length === 0)}
      />
      {cursor && !loading ? (
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={() => load(false)}>
          加载更多
        </View>
      ) : null}
    </Page>
  );
}
