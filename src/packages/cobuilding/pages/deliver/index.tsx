import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { PhotoDTO } from '@hg/types';
import { COBUILDING_LIMITS, type DeliveryDTO } from '@hg/types/cobuilding';
import { ZRecordDeliveryRequest } from '@hg/types/cobuilding-schemas';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import Field from '../../../../components/Field';
import TextBox from '../../../../components/TextBox';
import PhotoPicker from '../../../../components/PhotoPicker';
import BusyButton from '../../../../components/BusyButton';
import { useForm } from '../../../../hooks/useForm';
import { useLoad } from '../../../../hooks/useLoad';
import { cobuilding } from '../../../../services/cobuilding';
import { fenOf, quantityText } from '../../format';
import './index.scss';

/** What the quantity field holds: money in 元 (two decimals at most), the rest a whole count. */
function amountOf(kind: string | undefined, text: string): number | null {
  if (kind === 'money') return fenOf(text);
  return /^\d{1,10}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/**
 * 登记交付 (the department's staff): which item, how much (money in 元), what was done, and photos
 * as evidence. It waits for the street's or community's confirmation and counts only then.
 */
export default function DeliverPage() {
  const { params } = useRouter();
  const agreementId = Number(params.agreementId);
  const agreement = useLoad(agreementId ? () => cobuilding.get({ agreementId }) : null, [agreementId]);
  const [uploading, setUploading] = useState(false);
  const [done, setDone] = useState<DeliveryDTO | null>(null);
  const items = agreement.data?.items ?? [];
  const f = useForm({
    initial: () => ({ itemId: Number(params.itemId) || (null as number | null), quantity: '', note: '', photos: [] as PhotoDTO[] }),
    schema: ZRecordDeliveryRequest,
    fields: ['itemId', 'quantity', 'note', 'photos'] as const,
    toRequest: (v) => ({
      itemId: v.itemId ?? 0,
      quantity: amountOf(items.find((i) => i.id === v.itemId)?.kind, v.quantity) ?? 0,
      note: v.note,
      photoIds: v.photos.map((p) => p.fileId),
    }),
    check: (v) => {
      const item = items.find((i) => i.id === v.itemId);
      if (!item) return { itemId: '请选择共建事项' };
      if (!amountOf(item.kind, v.quantity))
        return { quantity: item.kind === 'money' ? '请填写金额（元），最多两位小数' : `请填写交付数量（${item.unit}），须为整数` };
      return {};
    },
    fieldOf: (path) => (path.startsWith('photoIds') ? 'photos' : path === 'itemId' || path === 'quantity' || path === 'note' ? path : null),
    blocked: () => (uploading ? '照片还在上传，请稍候' : null),
    send: (request) => cobuilding.deliver(request),
    onSuccess: (data) => {
      setDone(data);
      f.reset();
    },
  });
  const item = items.find((i) => i.id === f.values.itemId);

  return (
    <Page title='登记交付'>
      <StateView loading={agreement.loading} error={agreement.error} onRetry={agreement.reload} />
      {agreement.data ? (
        <View className='card' data-testid='deliver-form'>
          <View className='card__title' role='heading' aria-level={2}>
            {agreement.data.title}
          </View>
          <View className='muted cdeliver__hint'>
            登记后由{agreement.data.partyName}确认，确认后才计入进度。请写明交付内容并附照片（签到表、凭证、现场照片）。
          </View>
          {done ? (
            <View className='success' role='status' data-testid='deliver-done'>
              已登记{quantityText(done.itemKind, done.quantity)}，等待{agreement.data.partyName}确认
            </View>
          ) : null}
          <ChoiceGroup
            id='deliver-item'
            label='共建事项'
            options={items.map((i) => ({
              value: i.id,
              label: `${i.kindLabel}：${i.description}（已确认${quantityText(i.kind, i.delivered)} / 承诺${quantityText(i.kind, i.promised)}）`,
            }))}
            value={f.values.itemId}
            onChange={(v) => f.set('itemId', v)}
            error={f.errors.itemId}
          />
          <Field
            id='deliver-quantity'
            label={item?.kind === 'money' ? '交付金额（元）' : `交付数量${item ? `（${item.unit}）` : ''}`}
            type={item?.kind === 'money' ? 'digit' : 'number'}
            value={f.values.quantity}
            onChange={(v) => f.set('quantity', v)}
            error={f.errors.quantity}
          />
          <TextBox
            id='deliver-note'
            label='交付说明'
            value={f.values.note}
            onChange={(v) => f.set('note', v)}
            max={COBUILDING_LIMITS.noteMax}
            counter
            error={f.errors.note}
          />
          <PhotoPicker
            id='deliver-photos'
            label='佐证照片'
            photos={f.values.photos}
            onChange={(p) => f.set('photos', p)}
            max={COBUILDING_LIMITS.photosMax}
            onBusy={setUploading}
            error={f.errors.photos}
          />
          {f.formError ? (
            <View className='notice' role='alert' data-testid='deliver-error'>
              {f.formError}
            </View>
          ) : null}
          <BusyButton label='登记交付' busy={f.busy} onClick={f.submit} testId='deliver-submit' />
        </View>
      ) : null}
    </Page>
  );
}
