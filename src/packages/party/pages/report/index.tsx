import { useState } from 'react';
import { View } from '@tarojs/components';
import type { PartyReportDTO } from '@hg/types/party';
import { PARTY_LIMITS as L } from '@hg/types/party';
import { formatLocalTime } from '@hg/types/local-time';
import { ZReportRequest } from '@hg/types/party-schemas';
import Page from '../../../../components/Page';
import Section from '../../../../components/Section';
import StateView from '../../../../components/StateView';
import Field from '../../../../components/Field';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import BusyButton from '../../../../components/BusyButton';
import { useForm } from '../../../../hooks/useForm';
import { useLoad } from '../../../../hooks/useLoad';
import { community } from '../../../../services/community';
import { me } from '../../../../services/me';
import { party } from '../../../../services/party';
import './index.scss';

/** The report as the member reads it, with 撤回 or 续报 when the server allows them. */
function ReportCard({ report, onChanged }: { report: PartyReportDTO; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const step = async (action: 'withdraw' | 'renew') => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const res = await party[action]({ reportId: report.id });
    setBusy(false);
    if (res.ok) onChanged();
    else setError(res.error.message);
  };
  return (
    <Section title={report.branch.branchName} hint={report.branch.groupName ?? '未加入楼栋党小组'} testId='report-card'>
      <View className='preport__status' data-testid='report-status'>
        {report.statusLabel}
      </View>
      <View className='muted'>所在单位：{report.workUnit}</View>
      {report.validUntil ? <View className='muted' data-testid='report-valid'>有效期至 {formatLocalTime(report.validUntil)}</View> : null}
      {report.declineReason ? (
        <View className='notice' data-testid='report-decline'>
          未通过原因：{report.declineReason}
        </View>
      ) : null}
      {error ? (
        <View className='notice' role='alert' data-testid='report-error'>
          {error}
        </View>
      ) : null}
      {report.can.renew ? <BusyButton label='续报' busy={busy} onClick={() => step('renew')} testId='report-renew' /> : null}
      {report.can.withdraw ? <BusyButton label='撤回报到' className='btn--ghost' busy={busy} onClick={() => step('withdraw')} testId='report-withdraw' /> : null}
    </Section>
  );
}

interface Values {
  compoundId: number | null;
  buildingId: number;
  workUnit: string;
}

/** 双报到: the compound (the member's own homes and the one their party role names), a building group, the work unit. */
function ReportForm({ compounds, onDone }: { compounds: { id: number; name: string }[]; onDone: () => void }) {
  const f = useForm({
    initial: (): Values => ({ compoundId: compounds.length === 1 ? compounds[0].id : null, buildingId: 0, workUnit: '' }),
    schema: ZReportRequest,
    toRequest: (v) => ({ compoundId: v.compoundId ?? 0, workUnit: v.workUnit, ...(v.buildingId ? { buildingId: v.buildingId } : {}) }),
    fields: ['compoundId', 'buildingId', 'workUnit'] as const,
    check: (v) => (v.compoundId ? {} : { compoundId: '请选择报到的小区' }),
    send: (request) => party.report(request),
    onSuccess: onDone,
  });
  const buildings = useLoad(f.values.compoundId ? () => community.listBuildings({ compoundId: f.values.compoundId! }) : null, [f.values.compoundId]);
  return (
    <Section title='向小区党支部报到' hint='一次只能向一个小区报到；经社区党组织确认后有效一年，到期续报。'>
      <ChoiceGroup
        id='report-compound'
        label='报到小区'
        options={compounds.map((c) => ({ value: c.id, label: c.name }))}
        value={f.values.compoundId}
        onChange={(v) => f.patch({ compoundId: v, buildingId: 0 })}
        error={f.errors.compoundId}
        emptyText='没有可报到的小区：请先绑定居住的房屋'
      />
      {f.values.compoundId ? (
        <ChoiceGroup
          id='report-building'
          label='楼栋党小组（选填）'
          options={[{ value: 0, label: '暂不加入' }, ...(buildings.data ?? []).map((b) => ({ value: b.id, label: `${b.name}党小组` }))]}
          value={f.values.buildingId}
          onChange={(v) => f.set('buildingId', v)}
          error={f.errors.buildingId}
        />
      ) : null}
      <Field id='report-work-unit' label='所在单位党组织' value={f.values.workUnit} maxlength={L.workUnitMax} onChange={(v) => f.set('workUnit', v)} error={f.errors.workUnit} />
      {f.formError ? (
        <View className='notice' role='alert' data-testid='report-form-error'>
          {f.formError}
        </View>
      ) : null}
      <BusyButton label='提交报到' busy={f.busy} onClick={f.submit} testId='report-submit' />
    </Section>
  );
}

/** 我的报到: the member's report (status, branch and group, valid until) and, when none is live, the form. */
export default function ReportPage() {
  const mine = useLoad(() => party.myReport(), []);
  const profile = useLoad(() => me.get(), []);
  const report = mine.data;
  const live = !!report && (report.status === 'pending' || report.status === 'confirmed' || report.status === 'lapsed');
  const compounds = new Map<number, string>();
  for (const m of profile.data?.memberships ?? []) if (m.status === 'verified') compounds.set(m.compound.id, m.compound.name);
  for (const r of profile.data?.roles ?? []) if (r.role === 'party_member' && r.scopeLevel === 'compound' && r.scopeId) compounds.set(r.scopeId, r.scopeName);
  return (
    <Page title='我的报到'>
      <StateView loading={mine.loading || profile.loading} error={mine.error ?? profile.error} onRetry={mine.reload} />
      {report ? <ReportCard report={report} onChanged={mine.reload} /> : null}
      {!mine.loading && !profile.loading && !live ? <ReportForm compounds={[...compounds].map(([id, name]) => ({ id, name }))} onDone={mine.reload} /> : null}
    </Page>
  );
}
