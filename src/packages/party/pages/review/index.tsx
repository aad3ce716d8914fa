import { useState } from 'react';
import { View } from '@tarojs/components';
import type { PartyReportDTO } from '@hg/types/party';
import { PARTY_LIMITS as L } from '@hg/types/party';
import { formatLocalTime } from '@hg/types/local-time';
import Page from '../../../../components/Page';
import Section from '../../../../components/Section';
import StateView from '../../../../components/StateView';
import Field from '../../../../components/Field';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import BusyButton from '../../../../components/BusyButton';
import { useLoad } from '../../../../hooks/useLoad';
import { community } from '../../../../services/community';
import { me } from '../../../../services/me';
import { party } from '../../../../services/party';
import { branchCommunities } from '../../branch';

function ReportRow({ r, onDone }: { r: PartyReportDTO; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = async (confirm: boolean) => {
    if (busy) return;
    if (!confirm && !reason.trim()) return setError('请写明不予确认的原因');
    setBusy(true);
    setError(null);
    const res = confirm ? await party.confirm({ reportId: r.id }) : await party.decline({ reportId: r.id, reason: reason.trim() });
    setBusy(false);
    if (res.ok) onDone();
    else setError(res.error.message);
  };
  return (
    <Section title={r.memberName} hint={`${r.branch.groupName ?? '未加入楼栋党小组'} · ${formatLocalTime(r.createdAt)} 报到`} testId={`review-${r.id}`}>
      <View className='muted'>所在单位：{r.workUnit}</View>
      {r.memberPhone ? <View className='muted'>电话：{r.memberPhone}</View> : null}
      {declining ? <Field id={`decline-reason-${r.id}`} label='不予确认的原因' value={reason} maxlength={L.reasonMax} onChange={setReason} /> : null}
      {error ? (
        <View className='notice' role='alert' data-testid={`review-error-${r.id}`}>
          {error}
        </View>
      ) : null}
      <View className='btn-row'>
        {r.can.confirm && !declining ? <BusyButton label='确认' busy={busy} onClick={() => decide(true)} testId={`review-confirm-${r.id}`} /> : null}
        {r.can.decline ? (
          <BusyButton label={declining ? '提交不予确认' : '不予确认'} className='btn--ghost' busy={busy} onClick={() => (declining ? decide(false) : setDeclining(true))} testId={`review-decline-${r.id}`} />
        ) : null}
      </View>
    </Section>
  );
}

/** 报到审核: the branch's pending reports of one compound of its communities, each confirmed or declined with a reason. */
export default function ReviewPage() {
  const profile = useLoad(() => me.get(), []);
  const communities = branchCommunities(profile.data);
  const communityId = communities[0]?.id ?? null;
  const compounds = useLoad(communityId ? () => community.listCompounds({ communityId }) : null, [communityId]);
  const [picked, setPicked] = useState<number | null>(null);
  const compoundId = picked ?? compounds.data?.[0]?.id ?? null;
  const list = useLoad(compoundId ? () => party.reports({ compoundId }) : null, [compoundId]);
  return (
    <Page title='报到审核'>
      <StateView loading={profile.loading || compounds.loading} error={profile.error ?? compounds.error} />
      {(compounds.data ?? []).length > 1 ? (
        <ChoiceGroup id='review-compound' label='小区党支部' options={(compounds.data ?? []).map((c) => ({ value: c.id, label: c.name }))} value={compoundId} onChange={setPicked} />
      ) : null}
      <StateView loading={list.loading} error={list.error} onRetry={list.reload} empty={!!list.data && !list.data.items.length} emptyText='没有待确认的双报到' />
      {(list.data?.items ?? []).map((r) => (
        <ReportRow key={r.id} r={r} onDone={list.reload} />
      ))}
    </Page>
  );
}
