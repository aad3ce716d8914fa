import { View } from '@tarojs/components';
import type { AgreementSummaryDTO } from '@hg/types/cobuilding';
import { FOCUSABLE } from '../../../components/a11y';
import { ROUTES, openPage, withQuery } from '../../../routes';
import ProgressBar from './ProgressBar';
import './AgreementCard.scss';
import './status.scss';

const share = (a: AgreementSummaryDTO) => (a.progress.items ? Math.floor((a.progress.done * 100) / a.progress.items) : 0);

/** One agreement in the list: title, the two parties, period, status, items done and overdue; the card (named by what it shows) opens it. */
export default function AgreementCard({ agreement: a }: { agreement: AgreementSummaryDTO }) {
  const done = `已完成${a.progress.done}/${a.progress.items}项`;
  return (
    <View className='cagr' role='link' {...FOCUSABLE} data-testid={`agreement-${a.id}`} onClick={() => openPage(withQuery(ROUTES.agreement, { id: a.id }))}>
      <View className='cagr__title'>{a.title}</View>
      <View className='muted'>
        {a.departmentName} × {a.partyName} · {a.startsOn} 至 {a.endsOn}
      </View>
      <ProgressBar percent={share(a)} overdue={a.progress.overdue > 0} label={done} />
      <View className='cagr__meta'>
        <View className={`cstatus cstatus--${a.status}`}>{a.statusLabel}</View>
        <View>{done}</View>
        {a.progress.overdue ? <View className='cagr__late'>{a.progress.overdue}项逾期</View> : null}
      </View>
    </View>
  );
}
