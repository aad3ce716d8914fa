import { useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { COBUILDING_LIMITS, type AgreementDTO, type DeliveryDTO } from '@hg/types/cobuilding';
import { ZCloseAgreementRequest, ZSignAgreementRequest } from '@hg/types/cobuilding-schemas';
import Page from '../../../../components/Page';
import Section from '../../../../components/Section';
import StateView from '../../../../components/StateView';
import TextBox from '../../../../components/TextBox';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { useForm } from '../../../../hooks/useForm';
import { useLoad } from '../../../../hooks/useLoad';
import { cobuilding } from '../../../../services/cobuilding';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import { formatTime } from '../../../../utils/format';
import ItemProgress from '../../components/ItemProgress';
import { quantityText } from '../../format';
import '../../components/status.scss';
import './index.scss';

/** 签字: the caller's side signs the version on screen (a newer version is refused by the server). */
function SignButton({ a, onDone }: { a: AgreementDTO; onDone: (a: AgreementDTO) => void }) {
  const f = useForm({
    initial: () => ({}),
    schema: ZSignAgreementRequest,
    toRequest: () => ({ agreementId: a.id, version: a.version }),
    send: (request) => cobuilding.sign(request),
    onSuccess: onDone,
  });
  return (
    <View>
      {f.formError ? (
        <View className='notice' role='alert' data-testid='sign-error'>
          {f.formError}
        </View>
      ) : null}
      <BusyButton label={`签字确认（第${a.version}版）`} busy={f.busy} onClick={f.submit} testId='agreement-sign' />
    </View>
  );
}

/** 结束协议: the street or community closes it with a note once nothing waits for confirmation. */
function CloseForm({ a, onDone }: { a: AgreementDTO; onDone: (a: AgreementDTO) => void }) {
  const f = useForm({
    initial: () => ({ note: '' }),
    schema: ZCloseAgreementRequest,
    toRequest: (v) => ({ agreementId: a.id, note: v.note }),
    fieldOf: (path) => (path === 'note' ? 'note' : null),
    send: (request) => cobuilding.close(request),
    onSuccess: onDone,
  });
  return (
    <View data-testid='agreement-close'>
      <TextBox
        id='close-note'
        label='结束说明'
        value={f.values.note}
        onChange={(v) => f.set('note', v)}
        max={COBUILDING_LIMITS.reasonMax}
        error={f.errors.note}
      />
      {f.formError ? (
        <View className='notice' role='alert' data-testid='close-error'>
          {f.formError}
        </View>
      ) : null}
      <BusyButton label='结束协议' busy={f.busy} onClick={f.submit} className='btn--ghost' testId='agreement-close-submit' />
    </View>
  );
}

function DeliveryLine({ d }: { d: DeliveryDTO }) {
  return (
    <View className='cdeliv' role='listitem' data-testid={`delivery-${d.id}`}>
      <View>
        {d.itemLabel}：{quantityText(d.itemKind, d.quantity)}
      </View>
      <View className='muted'>
        {d.recordedBy} {formatTime(d.recordedAt)} 登记 · <View className={`cdeliv__status cdeliv__status--${d.status}`}>{d.statusLabel}</View>
        {d.declineReason ? `（${d.declineReason}）` : ''}
      </View>
    </View>
  );
}

/**
 * 共建协议 detail: the parties, period and signatures, each item with its bar (confirmed vs
 * promised, what waits, 已逾期), the deliveries and the dated steps. Buttons follow the server's
 * `can`: 签字 in draft, 登记交付 per item for the department, 待确认交付 and 结束协议 for the street
 * or community.
 */
export default function AgreementPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((v) => v + 1));
  const [changed, setChanged] = useState<AgreementDTO | null>(null);
  const loaded = useLoad(id ? () => cobuilding.get({ agreementId: id }) : null, [id, visit]);
  const deliveries = useLoad(id ? () => cobuilding.deliveries({ agreementId: id, limit: 50 }) : null, [id, visit]);
  const a = changed && changed.id === id && (!loaded.data || changed.version >= loaded.data.version) ? changed : loaded.data;
  const can = new Set(a?.can ?? []);

  return (
    <Page title='共建协议'>
      <StateView loading={loaded.loading && !a} error={loaded.error} onRetry={loaded.reload} />
      {a ? (
        <View data-testid='agreement'>
          <View className='card'>
            <View className='card__title' role='heading' aria-level={2}>
              {a.title}
            </View>
            <View>
              {a.departmentName} × {a.partyName}
            </View>
            <View className='muted'>
              {a.startsOn} 至 {a.endsOn} · <View className={`cstatus cstatus--${a.status}`}>{a.statusLabel}</View>
            </View>
            <View className='muted' data-testid='agreement-signatures'>
              部门签字：{a.departmentSignedAt ? formatTime(a.departmentSignedAt) : '未签'} · {a.party === 'street' ? '街道' : '社区'}签字：
              {a.partySignedAt ? formatTime(a.partySignedAt) : '未签'}
            </View>
            {a.closeNote ? <View className='muted'>结束说明：{a.closeNote}</View> : null}
            <View className='cagreement__summary' data-testid='agreement-progress'>
              已完成{a.progress.done}/{a.progress.items}项{a.progress.overdue ? `，${a.progress.overdue}项逾期` : ''}
            </View>
            {can.has('sign') ? <SignButton a={a} onDone={setChanged} /> : null}
            {can.has('confirm') ? (
              <View
                className='btn btn--primary'
                role='button'
                {...FOCUSABLE}
                data-testid='agreement-confirm'
                onClick={() => openPage(withQuery(ROUTES.deliveryConfirm, { agreementId: a.id }))}
              >
                待确认交付
              </View>
            ) : null}
          </View>
          <Section title='共建事项' hint={a.status === 'draft' ? '双方签字后事项不能再修改' : '进度只计入街道、社区已确认的交付'} testId='agreement-items'>
            {a.items.map((item) => (
              <View key={item.id}>
                <ItemProgress item={item} />
                {can.has('deliver') ? (
                  <View
                    className='btn btn--ghost'
                    role='button'
                    {...FOCUSABLE}
                    data-testid={`item-${item.position}-deliver`}
                    onClick={() => openPage(withQuery(ROUTES.deliveryRecord, { agreementId: a.id, itemId: item.id }))}
                  >
                    登记交付
                  </View>
                ) : null}
              </View>
            ))}
          </Section>
          <Section title='交付记录' testId='agreement-deliveries'>
            <StateView
              loading={deliveries.loading}
              error={deliveries.error}
              empty={!!deliveries.data && !deliveries.data.items.length}
              emptyText='还没有交付记录'
              onRetry={deliveries.reload}
            />
            <View role='list'>
              {(deliveries.data?.items ?? []).map((d) => (
                <DeliveryLine key={d.id} d={d} />
              ))}
            </View>
          </Section>
          {can.has('close') ? (
            <Section title='结束协议' hint='所有交付确认或不认可后，可结束协议'>
              <CloseForm a={a} onDone={setChanged} />
            </Section>
          ) : null}
          <Section title='协议记录' testId='agreement-timeline'>
            <View role='list'>
              {a.timeline.map((e, i) => (
                <View key={i} role='listitem' className='ctimeline'>
                  {formatTime(e.at)} {e.label}
                  {e.by ? ` · ${e.by}` : ''}
                  {e.note ? `（${e.note}）` : ''}
                </View>
              ))}
            </View>
          </Section>
        </View>
      ) : null}
    </Page>
  );
}
