import { useState } from 'react';
import { View } from '@tarojs/components';
import type { ServiceHoursDTO } from '@hg/types/party';
import { PARTY_LIMITS as L } from '@hg/types/party';
import { formatLocalTime } from '@hg/types/local-time';
import Page from '../../../../components/Page';
import Section from '../../../../components/Section';
import StateView from '../../../../components/StateView';
import Field from '../../../../components/Field';
import BusyButton from '../../../../components/BusyButton';
import { useLoad } from '../../../../hooks/useLoad';
import { me } from '../../../../services/me';
import { party } from '../../../../services/party';
import { branchCommunities } from '../../branch';

function HoursRow({ h, onDone }: { h: ServiceHoursDTO; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = async (approve: boolean) => {
    if (busy) return;
    if (!approve && !reason.trim()) return setError('不认定时请写明原因');
    setBusy(true);
    setError(null);
    const res = await party.decideHours(approve ? { hoursId: h.id, approve } : { hoursId: h.id, approve, reason: reason.trim() });
    setBusy(false);
    if (res.ok) onDone();
    else setError(res.error.message);
  };
  return (
    <Section title={`${h.memberName} · ${h.hours ?? 0} 小时`} hint={`${h.title} · ${formatLocalTime(h.startedAt)}–${formatLocalTime(h.endedAt).slice(-5)}`} testId={`hours-${h.id}`}>
      {h.flagLabel ? (
        <View className='notice' data-testid={`hours-flag-${h.id}`}>
          {h.flagLabel}
        </View>
      ) : null}
      {rejecting ? <Field id={`reject-reason-${h.id}`} label='不认定的原因' value={reason} maxlength={L.reasonMax} onChange={setReason} /> : null}
      {error ? (
        <View className='notice' role='alert' data-testid={`hours-error-${h.id}`}>
          {error}
        </View>
      ) : null}
      {h.can.decide ? (
        <View className='btn-row'>
          {!rejecting ? <BusyButton label='认定' busy={busy} onClick={() => decide(true)} testId={`hours-approve-${h.id}`} /> : null}
          <BusyButton label={rejecting ? '提交不认定' : '不认定'} className='btn--ghost' busy={busy} onClick={() => (rejecting ? decide(false) : setRejecting(true))} testId={`hours-reject-${h.id}`} />
        </View>
      ) : null}
    </Section>
  );
}

/** 工时审核: the community's pending hours (flagged ones say why); only approved hours count. */
export default function HoursPage() {
  const profile = useLoad(() => me.get(), []);
  const communityId = branchCommunities(profile.data)[0]?.id ?? null;
  const list = useLoad(communityId ? () => party.hours({ communityId }) : null, [communityId]);
  return (
    <Page title='工时审核'>
      <StateView loading={profile.loading} error={profile.error} />
      <StateView loading={list.loading} error={list.error} onRetry={list.reload} empty={!!list.data && !list.data.items.length} emptyText='没有待认定的服务时长' />
      {(list.data?.items ?? []).map((h) => (
        <HoursRow key={h.id} h={h} onDone={list.reload} />
      ))}
    </Page>
  );
}
