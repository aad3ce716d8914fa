import { useMemo, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { EscalationLevel, MeDTO, QueueTab } from '@hg/types';
import { ESCALATION_ORDER, LEVEL_LABEL, QUEUE_TAB_LABEL, QUEUE_TABS } from '@hg/types/needs';
import Page from '../../../../components/Page';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import Tabs from '../../../../components/Tabs';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { usePaged } from '../../../../hooks/usePaged';
import { community } from '../../../../services/community';
import { me } from '../../../../services/me';
import { needs } from '../../../../services/needs';
import { saveExport } from '../../../../services/export-file';
import NeedListView from '../../components/NeedListView';
import NeedSearch from '../../components/NeedSearch';
import { PERIODS, type PeriodKey, periodRange } from '../../period';
import './index.scss';
import BusyButton from '../../../../components/BusyButton';

/** What an empty tab says: 待处理 empty is good news. */
const EMPTY_TEXT: Record<QueueTab, string> = {
  action: '没有待处理的需求',
  submitted: '没有待派单的需求',
  assigned: '没有待接单的需求',
  working: '没有处理中的需求',
  resolved: '没有已办结的需求',
  all: '没有需求',
};
const LEVEL_OPTIONS = [{ value: '', label: '全部' }, ...ESCALATION_ORDER.map((l) => ({ value: l, label: LEVEL_LABEL[l] }))];
const OVERDUE_OPTIONS = [
  { value: 'all', label: '全部' },
  { value: 'overdue', label: '只看超时' },
];
const FORMAT_OPTIONS = [
  { value: 'xlsx', label: 'Excel' },
  { value: 'csv', label: 'CSV' },
];

/** Communities the caller answers for: their own community roles, else every community they can list. */
function communitiesOf(profile: MeDTO | null): { id: number; name: string }[] {
  return (profile?.roles ?? []).filter((r) => r.scopeLevel === 'community' && r.scopeId).map((r) => ({ id: r.scopeId as number, name: r.scopeName }));
}

function ExportCard() {
  const profile = useLoad(() => me.get(), []);
  const own = communitiesOf(profile.data);
  const all = useLoad(profile.data && own.length === 0 ? () => community.listCompounds() : null, [profile.data]);
  const options = useMemo(() => {
    const list = own.length ? own : [...new Map((all.data ?? []).map((c) => [c.community.id, c.community])).values()];
    return list.map((c) => ({ value: c.id, label: c.name }));
  }, [profile.data, all.data]);
  const [communityId, setCommunityId] = useState<number | null>(null);
  const [period, setPeriod] = useState<PeriodKey>('thisMonth');
  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const chosen = communityId ?? (options.length === 1 ? options[0].value : null);

  const run = async () => {
    if (busy) return;
    if (!chosen) {
      setMessage({ ok: false, text: '请选择社区' });
      return;
    }
    setBusy(true);
    setMessage(null);
    const res = await needs.export({ communityId: chosen, ...periodRange(period), format });
    if (!res.ok) {
      setBusy(false);
      setMessage({ ok: false, text: res.error.message });
      return;
    }
    const problem = await saveExport(res.data);
    setBusy(false);
    setMessage(problem ? { ok: false, text: problem } : { ok: true, text: `已导出 ${res.data.rows} 条：${res.data.filename}` });
    if (!problem) void Taro.showToast({ title: '已导出', icon: 'success' });
  };

  return (
    <View className='card'>
      <View className='card__title' role='heading' aria-level={2}>
        导出台账
      </View>
      {options.length > 1 ? <ChoiceGroup id='export-community' label='社区' options={options} value={chosen} onChange={setCommunityId} /> : null}
      <ChoiceGroup id='export-period' label='时间范围' options={PERIODS} value={period} onChange={setPeriod} />
      <ChoiceGroup id='export-format' label='文件格式' options={FORMAT_OPTIONS} value={format} onChange={(v) => setFormat(v as 'csv' | 'xlsx')} />
      <BusyButton label='导出' busy={busy} busyLabel='导出中…' onClick={run} testId='export' />
      {message ? (
        <View className={message.ok ? 'success console__msg' : 'notice console__msg'} role={message.ok ? 'status' : 'alert'} data-testid='export-message'>
          {message.text}
        </View>
      ) : null}
    </View>
  );
}

/** 派单台: what the community must act on first (待处理), tabs with counts, search, more filters, and the export. */
export default function ConsolePage() {
  const [tab, setTab] = useState<QueueTab>('action');
  const [q, setQ] = useState('');
  const [older, setOlder] = useState(false);
  const [level, setLevel] = useState<EscalationLevel | ''>('');
  const [overdue, setOverdue] = useState<'all' | 'overdue'>('all');
  const [moreFilters, setMoreFilters] = useState(false);
  const [visit, setVisit] = useState(0);
  useDidShow(() => setVisit((v) => v + 1));
  const filters = {
    ...(level ? { level } : {}),
    ...(overdue === 'overdue' ? { overdue: true } : {}),
    ...(q ? { q } : {}),
    ...(q && older ? { older: true } : {}),
  };
  const counts = useLoad(() => needs.queueCounts(filters), [level, overdue, q, older, visit]);
  const list = usePaged((cursor) => needs.queue({ tab, ...filters, limit: 20, ...(cursor ? { cursor } : {}) }), [tab, level, overdue, q, older, visit]);
  const tabs = QUEUE_TABS.map((t) => ({ value: t, label: QUEUE_TAB_LABEL[t], count: counts.data ? counts.data[t] : null }));
  const active = (level ? 1 : 0) + (overdue === 'overdue' ? 1 : 0);
  return (
    <Page title='派单台'>
      <NeedSearch
        id='queue-search'
        value={q}
        older={older}
        onOlder={setOlder}
        onSearch={(text) => {
          // A number or words are looked for in every status (the badges say where the hits are); clearing goes back to 待处理.
          setQ(text);
          setOlder(false);
          setTab(text ? 'all' : 'action');
        }}
      />
      <Tabs label='按状态查看' tabs={tabs} value={tab} onChange={setTab} testId='queue-tab' />
      <View
        className='btn btn--ghost console__more'
        role='button'
        {...FOCUSABLE}
        aria-expanded={moreFilters ? 'true' : 'false'}
        data-testid='more-filters'
        onClick={() => setMoreFilters((v) => !v)}
      >
        {moreFilters ? '收起筛选' : `更多筛选${active ? `（已选${active}项）` : ''}`}
      </View>
      {moreFilters ? (
        <View className='card' data-testid='console-filters'>
          <ChoiceGroup id='filter-level' label='层级' options={LEVEL_OPTIONS} value={level} onChange={(v) => setLevel(v as EscalationLevel | '')} />
          <ChoiceGroup id='filter-overdue' label='时限' options={OVERDUE_OPTIONS} value={overdue} onChange={(v) => setOverdue(v as 'all' | 'overdue')} />
        </View>
      ) : null}
      <NeedListView label={`派单队列：${QUEUE_TAB_LABEL[tab]}`} list={list} emptyText={q ? '没有找到符合搜索的需求' : EMPTY_TEXT[tab]} />
      <ExportCard />
    </Page>
  );
}
