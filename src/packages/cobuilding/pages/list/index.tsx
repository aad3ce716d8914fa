import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { AgreementSummaryDTO, DepartmentProgressDTO } from '@hg/types/cobuilding';
import Page from '../../../../components/Page';
import Section from '../../../../components/Section';
import StateView from '../../../../components/StateView';
import PagedList from '../../../../components/PagedList';
import { useLoad } from '../../../../hooks/useLoad';
import { usePaged } from '../../../../hooks/usePaged';
import { cobuilding } from '../../../../services/cobuilding';
import AgreementCard from '../../components/AgreementCard';
import ProgressBar from '../../components/ProgressBar';
import { quantityText } from '../../format';
import './index.scss';

/** One department's delivery across its signed agreements: items done, overdue, and confirmed vs promised per kind. */
function DepartmentCard({ d }: { d: DepartmentProgressDTO }) {
  return (
    <View className='cdept' data-testid={`department-${d.departmentId}`}>
      <View className='cdept__name'>{d.departmentName}</View>
      <View className='muted' data-testid={`department-${d.departmentId}-summary`}>
        {d.agreements}份协议 · 已完成{d.done}/{d.items}项{d.overdue ? ` · ${d.overdue}项逾期` : ''}
      </View>
      {d.byKind.map((k) => {
        const text = `${k.kindLabel}：已确认${quantityText(k.kind, k.delivered)} / 承诺${quantityText(k.kind, k.promised)}`;
        return (
          <View key={k.kind} className='cdept__kind'>
            <View>{text}</View>
            <ProgressBar percent={k.promised ? Math.min(100, Math.floor((k.delivered * 100) / k.promised)) : 0} label={text} />
          </View>
        );
      })}
    </View>
  );
}

/**
 * 共建协议: how each department delivers on what it signed (部门履约), then every agreement the
 * caller sees, newest first, each opening its detail. What is shown is the server's choice: a
 * department's own agreements to its staff, a community's to its staff, a street's and its
 * communities' to street staff, everything to the city.
 */
export default function AgreementsPage() {
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((v) => v + 1));
  const departments = useLoad(() => cobuilding.departments({}), [visit]);
  const list = usePaged<AgreementSummaryDTO>((cursor) => cobuilding.list({ limit: 20, ...(cursor ? { cursor } : {}) }), [visit]);
  return (
    <Page title='共建协议'>
      <View className='muted clist__intro'>职能部门与街道、社区签订共建协议，承诺人员、资金、项目和服务日；交付经街道或社区确认后才计入进度。</View>
      <Section title='部门履约' hint='已签订协议中，经确认的交付与承诺之比' testId='departments'>
        <StateView
          loading={departments.loading}
          error={departments.error}
          empty={!!departments.data && !departments.data.length}
          emptyText='还没有已签订的共建协议'
          onRetry={departments.reload}
        />
        {(departments.data ?? []).map((d) => (
          <DepartmentCard key={d.departmentId} d={d} />
        ))}
      </Section>
      <Section title='协议' testId='agreements'>
        <PagedList label='共建协议' list={list} keyOf={(a) => a.id} renderItem={(a) => <AgreementCard agreement={a} />} emptyText='没有可查看的共建协议' />
      </Section>
    </Page>
  );
}
