import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { COBUILDING_LIMITS, type DeliveryDTO } from '@hg/types/cobuilding';
import { ZDeclineDeliveryRequest, ZDeliveryRequest } from '@hg/types/cobuilding-schemas';
import Page from '../../../../components/Page';
import PagedList from '../../../../components/PagedList';
import PhotoStrip from '../../../../components/PhotoStrip';
import TextBox from '../../../../components/TextBox';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { useForm } from '../../../../hooks/useForm';
import { usePaged } from '../../../../hooks/usePaged';
import { cobuilding } from '../../../../services/cobuilding';
import { formatTime } from '../../../../utils/format';
import { quantityText } from '../../format';
import './index.scss';

/** One delivery waiting for the street or community: what, how much, the note and photos; 确认 or 不认可 with a reason. */
function PendingDelivery({ d, onDecided }: { d: DeliveryDTO; onDecided: (d: DeliveryDTO) => void }) {
  const [declining, setDeclining] = useState(false);
  const confirm = useForm({
    initial: () => ({}),
    schema: ZDeliveryRequest,
    toRequest: () => ({ deliveryId: d.id }),
    send: (request) => cobuilding.confirm(request),
    onSuccess: onDecided,
  });
  const decline = useForm({
    initial: () => ({ reason: '' }),
    schema: ZDeclineDeliveryRequest,
    toRequest: (v) => ({ deliveryId: d.id, reason: v.reason }),
    fieldOf: (path) => (path === 'reason' ? 'reason' : null),
    send: (request) => cobuilding.decline(request),
    onSuccess: onDecided,
  });
  const error = confirm.formError ?? decline.formError;
  return (
    <View className='cpending' data-testid={`pending-${d.id}`}>
      <View className='cpending__title'>{d.agreementTitle}</View>
      <View className='muted'>{d.departmentName}</View>
      <View className='cpending__what'>
        {d.itemLabel}：<View className='cpending__qty'>{quantityText(d.itemKind, d.quantity)}</View>
      </View>
      <View>{d.note}</View>
      {d.photos.length ? <PhotoStrip photos={d.photos} label='交付照片' /> : null}
      <View className='muted'>
        {d.recordedBy} {formatTime(d.recordedAt)} 登记
      </View>
      {error ? (
        <View className='notice' role='alert' data-testid={`pending-${d.id}-error`}>
          {error}
        </View>
      ) : null}
      {declining ? (
        <View>
          <TextBox
            id={`decline-${d.id}`}
            label='不认可的原因'
            value={decline.values.reason}
            onChange={(v) => decline.set('reason', v)}
            max={COBUILDING_LIMITS.reasonMax}
            error={decline.errors.reason}
          />
          <View className='btn-row'>
            <BusyButton label='确定不认可' busy={decline.busy} onClick={decline.submit} className='btn--danger' testId={`pending-${d.id}-decline-submit`} />
            <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={() => setDeclining(false)}>
              返回
            </View>
          </View>
        </View>
      ) : (
        <View className='btn-row'>
          <BusyButton label='确认交付' busy={confirm.busy} onClick={confirm.submit} testId={`pending-${d.id}-confirm`} />
          <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid={`pending-${d.id}-decline`} onClick={() => setDeclining(true)}>
            不认可
          </View>
        </View>
      )}
    </View>
  );
}

/**
 * 待确认交付 (street and community staff): deliveries the departments recorded, oldest decisions
 * first to hand; a confirmed one counts toward the agreement's progress, a declined one never does.
 * From an agreement's page it lists that agreement's only.
 */
export default function ConfirmPage() {
  const { params } = useRouter();
  const agreementId = Number(params.agreementId) || undefined;
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((v) => v + 1));
  const [last, setLast] = useState<DeliveryDTO | null>(null);
  const list = usePaged<DeliveryDTO>(
    (cursor) => cobuilding.deliveries({ status: 'pending', limit: 20, ...(agreementId ? { agreementId } : {}), ...(cursor ? { cursor } : {}) }),
    [agreementId, visit],
  );
  const decided = (d: DeliveryDTO) => {
    setLast(d);
    list.update((x) => x.id === d.id, null);
  };
  return (
    <Page title='待确认交付'>
      <View className='muted cconfirm__intro'>核实部门登记的交付（人数、金额、照片）后确认；确认后计入共建进度，不认可须说明原因。</View>
      {last ? (
        <View className='success' role='status' data-testid='decided'>
          {last.status === 'confirmed' ? '已确认' : '已不认可'}：{last.itemLabel} {quantityText(last.itemKind, last.quantity)}
        </View>
      ) : null}
      <PagedList
        label='待确认交付'
        list={list}
        keyOf={(d) => d.id}
        renderItem={(d) => <PendingDelivery d={d} onDecided={decided} />}
        emptyText='没有待确认的交付'
        testId='pending-list'
      />
    </Page>
  );
}
