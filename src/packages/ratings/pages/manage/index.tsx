import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { PeriodDTO } from '@hg/types';
import { COMPOUND_TYPE_LABEL, CompoundType } from '@hg/types/enums';
import { CRITERION_LABEL, Criterion, DEFAULT_WEIGHTS, type Weights } from '@hg/types/ratings';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import Field from '../../../../components/Field';
import Tabs from '../../../../components/Tabs';
import BusyButton from '../../../../components/BusyButton';
import { useLoad } from '../../../../hooks/useLoad';
import { ratings } from '../../../../services/ratings';
import { isIsoDay, PERIOD_CODE, nextFreeQuarter, weightSum, weightsToText } from '../../format';
import './index.scss';

const CRITERIA = Object.values(Criterion);
const TYPES = Object.values(CompoundType);

const STEP = {
  close: { label: '截止评价', title: '截止本期评价', content: '截止后居民不能再评价或修改，考评员不能再提交。确定截止吗？', call: ratings.closePeriod },
  publish: { label: '公布结果', title: '公布本期结果', content: '公布后星级和排名对所有人可见，不能撤回。确定公布吗？', call: ratings.publishPeriod },
} as const;

function PeriodRow({ period, onChanged }: { period: PeriodDTO; onChanged: (p: PeriodDTO) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const step = period.status === 'open' ? STEP.close : period.status === 'closed' ? STEP.publish : null;
  const run = async () => {
    if (!step || busy) return;
    const answer = await Taro.showModal({ title: step.title, content: `${period.code} 期：${step.content}`, confirmText: '确定', cancelText: '取消' });
    if (!answer.confirm) return;
    setBusy(true);
    const res = await step.call({ periodId: period.id });
    setBusy(false);
    if (res.ok) {
      setError(null);
      onChanged(res.data);
    } else setError(res.error.message);
  };
  return (
    <View className='rmanage__period' role='listitem' data-testid={`period-${period.id}`}>
      <View className='rmanage__period-head'>
        <View className='rmanage__code'>{period.code}</View>
        <View className={`rmanage__status rmanage__status--${period.status}`}>{period.statusLabel}</View>
      </View>
      <View className='muted'>
        {period.startsOn} 至 {period.endsOn}
      </View>
      {step ? <BusyButton label={step.label} busy={busy} busyLabel='处理中…' onClick={run} className='btn--ghost' testId={`period-${period.id}-step`} /> : null}
      {error ? (
        <View className='field__error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}

function OpenPeriod({ taken, onOpened }: { taken: string[]; onOpened: (p: PeriodDTO) => void }) {
  // The next quarter not used yet (after 2027-Q1 was published, offer 2027-Q2, not 2027-Q1 again).
  const [form, setForm] = useState(() => nextFreeQuarter(taken));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v.trim() }));
  const submit = async () => {
    if (busy) return;
    const next: Record<string, string> = {};
    if (!PERIOD_CODE.test(form.code)) next.code = '期号如 2026-Q4（季度）或 2026-11（月度）';
    if (!isIsoDay(form.startsOn)) next.startsOn = '请填写存在的日期，如 2026-10-01';
    if (!isIsoDay(form.endsOn)) next.endsOn = '请填写存在的日期，如 2026-12-31';
    else if (!next.startsOn && form.startsOn >= form.endsOn) next.endsOn = '结束日期须晚于开始日期';
    setErrors(next);
    if (Object.keys(next).length) return;
    const answer = await Taro.showModal({
      title: '开启评价期',
      content: `开启 ${form.code} 期（${form.startsOn} 至 ${form.endsOn}）？当前权重将冻结到本期。`,
      confirmText: '开启',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    setBusy(true);
    const res = await ratings.openPeriod(form);
    setBusy(false);
    if (res.ok) {
      setError(null);
      onOpened(res.data);
    } else setError(res.error.message);
  };
  return (
    <View className='card' data-testid='open-period'>
      <View className='card__title' role='heading' aria-level={2}>
        开启新一期
      </View>
      <Field id='period-code' label='期号' value={form.code} onChange={set('code')} error={errors.code} maxlength={10} />
      <Field id='period-start' label='开始日期' value={form.startsOn} onChange={set('startsOn')} error={errors.startsOn} maxlength={10} />
      <Field id='period-end' label='结束日期' value={form.endsOn} onChange={set('endsOn')} error={errors.endsOn} maxlength={10} />
      {error ? (
        <View className='notice' role='alert'>
          {error}
        </View>
      ) : null}
      <BusyButton label='开启评价期' busy={busy} onClick={submit} testId='period-open' />
    </View>
  );
}

/** Four percent inputs per compound type; the sum is shown live and must be 100 to save. */
function WeightsEditor({ initial }: { initial: Record<CompoundType, Weights> }) {
  const [table, setTable] = useState(initial);
  const [type, setType] = useState<CompoundType>('commercial');
  const [values, setValues] = useState(() => weightsToText(initial[type]));
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setValues(weightsToText(table[type]));
    setError(null);
    setDone(null);
  }, [type]);

  const sum = weightSum(values);
  const valid = sum === 100;
  const save = async () => {
    if (busy) return;
    setDone(null);
    if (!valid) {
      setError(Number.isNaN(sum) ? '每项须为0到100的整数' : `各项权重之和须为100%，现在是${sum}%`);
      return;
    }
    setBusy(true);
    const weights = Object.fromEntries(CRITERIA.map((c) => [c, Number(values[c])])) as Weights;
    const res = await ratings.saveWeights({ compoundType: type, weights });
    setBusy(false);
    if (res.ok) {
      setError(null);
      setTable((t) => ({ ...t, [type]: weights }));
      setDone(`已保存${COMPOUND_TYPE_LABEL[type]}的权重，下一期开启时生效`);
    } else setError(res.error.message);
  };

  return (
    <View className='card' data-testid='weights'>
      <View className='card__title' role='heading' aria-level={2}>
        评分权重
      </View>
      <View className='muted rmanage__hint'>按小区类型分别设定，四项之和须为100%。权重在每期开启时冻结，修改从下一期开始使用。</View>
      <Tabs label='小区类型' tabs={TYPES.map((t) => ({ value: t, label: COMPOUND_TYPE_LABEL[t] }))} value={type} onChange={setType} testId='weights-type' />
      {CRITERIA.map((c) => (
        <Field
          key={c}
          id={`weight-${c}`}
          label={`${CRITERION_LABEL[c]}（%）`}
          type='number'
          maxlength={3}
          value={values[c]}
          onChange={(v) => setValues((s) => ({ ...s, [c]: v.trim() }))}
        />
      ))}
      <View className={`rmanage__sum ${valid ? '' : 'rmanage__sum--bad'}`} aria-live='polite' data-testid='weights-sum'>
        合计：{Number.isNaN(sum) ? '—' : `${sum}%`}
        {valid ? '' : '（须为100%）'}
      </View>
      {error ? (
        <View className='notice' role='alert' data-testid='weights-error'>
          {error}
        </View>
      ) : null}
      {done ? (
        <View className='success' role='status' data-testid='weights-done'>
          {done}
        </View>
      ) : null}
      <BusyButton label='保存权重' busy={busy} onClick={save} testId='weights-save' />
    </View>
  );
}

/** 评星管理 (admin): periods (open → close → publish, each confirmed) and the criteria weights per compound type. */
export default function ManagePage() {
  const list = useLoad(() => ratings.periods(), []);
  // The weights the next period will freeze (what an admin saved last), the defaults before any.
  const current = useLoad(() => ratings.weights({}), []);
  const [periods, setPeriods] = useState<PeriodDTO[]>([]);
  useEffect(() => {
    if (list.data) setPeriods(list.data);
  }, [list.data]);
  const replace = (p: PeriodDTO) => setPeriods((all) => (all.some((x) => x.id === p.id) ? all.map((x) => (x.id === p.id ? p : x)) : [p, ...all]));
  const hasOpen = periods.some((p) => p.status === 'open');

  return (
    <Page title='评星管理'>
      <View className='card'>
        <View className='card__title' role='heading' aria-level={2}>
          评价期
        </View>
        <StateView
          loading={list.loading && !list.data}
          error={list.error}
          empty={!list.loading && periods.length === 0}
          emptyText='还没有评价期'
          onRetry={list.reload}
        />
        <View role='list' aria-label='评价期'>
          {periods.map((p) => (
            <PeriodRow key={p.id} period={p} onChanged={replace} />
          ))}
        </View>
        <View className='muted rmanage__rule'>流程：开启 → 居民评价、考评员打分 → 截止 → 公布。同一时间只能有一个评价中的期。</View>
      </View>
      {list.data && !hasOpen ? <OpenPeriod taken={[...list.data, ...periods].map((p) => p.code)} onOpened={replace} /> : null}
      {current.data || current.error ? <WeightsEditor initial={{ ...DEFAULT_WEIGHTS, ...((current.data ?? {}) as typeof DEFAULT_WEIGHTS) }} /> : null}
    </Page>
  );
}
