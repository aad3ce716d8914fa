import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, View } from '@tarojs/components';
import type { PeriodDTO } from '@hg/types';
import { COMPOUND_TYPE_LABEL, CompoundType } from '@hg/types/enums';
import { CRITERION_LABEL, Criterion, DEFAULT_WEIGHTS, REVIEW_RULES, type Weights } from '@hg/types/ratings';
import { localDay } from '@hg/types/local-time';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import Field from '../../../../components/Field';
import Tabs from '../../../../components/Tabs';
import BusyButton from '../../../../components/BusyButton';
import { useLoad } from '../../../../hooks/useLoad';
import { ratings } from '../../../../services/ratings';
import { FOCUSABLE } from '../../../../components/a11y';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import { isIsoDay, PERIOD_CODE, nextFreeQuarter, weightSum, weightsToText } from '../../format';
import './index.scss';

const CRITERIA = Object.values(Criterion);
const TYPES = Object.values(CompoundType);

const STEP = {
  close: {
    label: '截止评价',
    title: '截止本期评价',
    content: '截止后居民不能再评价或修改，考评员不能再提交。截止后先由您审核结果和评语，再开始公示。确定截止吗？',
  },
  finalize: { label: '定稿公布', title: '定稿公布', content: '公示期已满、异议已全部答复。定稿后结果不再公示，之后的更正须说明原因并另出新版本。确定定稿吗？' },
} as const;

/** 2026-Q4 → 「2026年第4季度」 (a monthly code reads 「2026年11月」). */
const codeLabel = (code: string) => {
  const q = /^(\d{4})-Q([1-4])$/.exec(code);
  if (q) return `${q[1]}年第${q[2]}季度`;
  const m = /^(\d{4})-(\d{2})$/.exec(code);
  return m ? `${m[1]}年${Number(m[2])}月` : code;
};

/** 2027-01-01 → 「1月1日」. */
const dayLabel = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/**
 * One period and its next step: scheduled → when it starts by itself, 修改 and 取消安排; open →
 * 截止评价; closed → 审核结果 and 开始公示 (with its length in days); in 公示 → 结果异议 and 定稿公布
 * (refused, with the reason, while 公示 runs or an objection is unanswered); final → 审核与更正.
 */
function PeriodRow({ period, taken, onChanged }: { period: PeriodDTO; taken: string[]; onChanged: (p: PeriodDTO) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [days, setDays] = useState(String(REVIEW_RULES.publicityDays));
  const today = localDay(new Date());
  const call = async (title: string, content: string, run: () => ReturnType<typeof ratings.closePeriod>) => {
    if (busy) return;
    const answer = await Taro.showModal({ title, content: `${period.code} 期：${content}`, confirmText: '确定', cancelText: '取消' });
    if (!answer.confirm) return;
    setBusy(true);
    const res = await run();
    setBusy(false);
    if (res.ok) {
      setError(null);
      onChanged(res.data);
    } else setError(res.error.message);
  };
  const publicize = () => {
    const n = Number(days);
    if (!Number.isInteger(n) || n < REVIEW_RULES.publicityDaysMin || n > REVIEW_RULES.publicityDaysMax) {
      setError(`公示天数须为${REVIEW_RULES.publicityDaysMin}到${REVIEW_RULES.publicityDaysMax}的整数`);
      return;
    }
    void call('开始公示', `结果将对所有人公开并标注「公示中」，公示${n}天；公示期内物业企业可提出异议。确定开始公示吗？`, () =>
      ratings.publishPeriod({ periodId: period.id, publicityDays: n }),
    );
  };
  const review = () => openPage(withQuery(ROUTES.ratingReview, { periodId: period.id }));
  return (
    <View className='rmanage__period' role='listitem' data-testid={`period-${period.id}`}>
      <View className='rmanage__period-head'>
        <View className='rmanage__code'>{period.code}</View>
        <View className={`rmanage__status rmanage__status--${period.status}`}>{period.statusLabel}</View>
      </View>
      <View className='muted'>
        {period.startsOn} 至 {period.endsOn}
      </View>
      {period.status === 'scheduled' ? (
        <>
          <View className={period.endsOn < today ? 'notice' : 'rmanage__when'} data-testid={`period-${period.id}-when`}>
            {period.endsOn < today
              ? '结束日期已过，本期没有开始。请修改日期或取消安排。'
              : period.startsOn <= today
                ? '今天开始，系统几分钟内自动开启，届时居民和考评员会收到通知。'
                : `将于${dayLabel(period.startsOn)}自动开始，届时居民和考评员会收到通知。开始前可以修改或取消。`}
          </View>
          <View className='rmanage__actions'>
            <View
              className='btn btn--ghost'
              role='button'
              aria-expanded={editing}
              {...FOCUSABLE}
              data-testid={`period-${period.id}-edit`}
              onClick={() => setEditing((o) => !o)}
            >
              {editing ? '收起' : '修改'}
            </View>
            <BusyButton
              label='取消安排'
              busy={busy}
              busyLabel='处理中…'
              onClick={() => call('取消安排', '取消后这一期不会开始，期号可以重新使用。确定取消吗？', () => ratings.cancelPeriod({ periodId: period.id }))}
              className='btn--ghost'
              testId={`period-${period.id}-cancel`}
            />
          </View>
          {editing ? (
            <PeriodForm
              editing={period}
              taken={taken}
              onSaved={(p) => {
                setEditing(false);
                onChanged(p);
              }}
            />
          ) : null}
        </>
      ) : null}
      {period.status === 'open' ? (
        <BusyButton
          label={STEP.close.label}
          busy={busy}
          busyLabel='处理中…'
          onClick={() => call(STEP.close.title, STEP.close.content, () => ratings.closePeriod({ periodId: period.id }))}
          className='btn--ghost'
          testId={`period-${period.id}-step`}
        />
      ) : null}
      {period.status !== 'open' && period.status !== 'scheduled' ? (
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid={`period-${period.id}-review`} onClick={review}>
          {period.status === 'closed' ? '审核结果和评语' : '查看结果与更正'}
        </View>
      ) : null}
      {period.status === 'closed' ? (
        <>
          <Field id={`period-${period.id}-days`} label='公示天数' type='number' maxlength={2} value={days} onChange={(v) => setDays(v.trim())} />
          <BusyButton label='开始公示' busy={busy} busyLabel='处理中…' onClick={publicize} className='btn--ghost' testId={`period-${period.id}-step`} />
        </>
      ) : null}
      {period.status === 'publicity' ? (
        <>
          <View
            className='btn btn--ghost'
            role='button'
            {...FOCUSABLE}
            data-testid={`period-${period.id}-objections`}
            onClick={() => openPage(withQuery(ROUTES.ratingObjections, { periodId: period.id }))}
          >
            结果异议
          </View>
          <BusyButton
            label={STEP.finalize.label}
            busy={busy}
            busyLabel='处理中…'
            onClick={() => call(STEP.finalize.title, STEP.finalize.content, () => ratings.finalizePeriod({ periodId: period.id }))}
            className='btn--ghost'
            testId={`period-${period.id}-step`}
          />
        </>
      ) : null}
      {error ? (
        <View className='field__error' role='alert' data-testid={`period-${period.id}-error`}>
          {error}
        </View>
      ) : null}
    </View>
  );
}

/** A date picker (the phone's own on WeChat) showing the chosen day; it opens on a tap. */
function DatePick({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <View className={`field ${error ? 'field--invalid' : ''}`}>
      <Picker mode='date' value={value} start='2020-01-01' end='2099-12-31' onChange={(e) => onChange(String(e.detail.value))}>
        <View className='rmanage__date' role='button' {...FOCUSABLE} aria-label={`${label}：${value}，点按选择日期`} data-testid={id}>
          <View className='rmanage__date-label'>{label}</View>
          <View>{value}</View>
        </View>
      </Picker>
      {error ? (
        <View className='field__error' id={`${id}-error`} role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}

/**
 * 新一期 (or 修改 a scheduled one): the current quarter proposed, or the next one not used yet (期号,
 * first and last day, changeable with date pickers). A period starting today or earlier opens now;
 * one starting later is scheduled and opens by itself on its first day — the form says
 * 「将于X月X日自动开始」 before anything is sent. The server's refusals (an overlapping period, a
 * code taken) land beside the field they name.
 */
function PeriodForm({ taken, editing, onSaved }: { taken: string[]; editing?: PeriodDTO; onSaved: (p: PeriodDTO) => void }) {
  const [form, setForm] = useState(() =>
    editing ? { code: editing.code, startsOn: editing.startsOn, endsOn: editing.endsOn } : nextFreeQuarter(taken),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = localDay(new Date());
  const later = isIsoDay(form.startsOn) && form.startsOn > today;
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v.trim() }));
  const id = editing ? `period-${editing.id}-form` : 'period';
  const submit = async () => {
    if (busy) return;
    const next: Record<string, string> = {};
    if (!PERIOD_CODE.test(form.code)) next.code = '期号如 2026-Q4（季度）或 2026-11（月度）';
    if (!isIsoDay(form.startsOn)) next.startsOn = '请选择开始日期';
    else if (editing && !later) next.startsOn = '待开始的一期只能改到明天或以后开始；要今天开始，请取消安排后直接开启';
    if (!isIsoDay(form.endsOn)) next.endsOn = '请选择结束日期';
    else if (!next.startsOn && form.startsOn >= form.endsOn) next.endsOn = '结束日期须晚于开始日期';
    else if (!next.startsOn && form.endsOn < today) next.endsOn = '结束日期不能早于今天';
    setErrors(next);
    if (Object.keys(next).length) return;
    const what = `${form.code} 期（${form.startsOn} 至 ${form.endsOn}）`;
    const answer = await Taro.showModal(
      editing
        ? { title: '修改待开始的一期', content: `改为${what}，将于${dayLabel(form.startsOn)}自动开始。确定修改吗？`, confirmText: '修改', cancelText: '取消' }
        : later
          ? {
              title: '安排评价期',
              content: `${what}将于${dayLabel(form.startsOn)}自动开始，届时冻结当天的权重，居民和考评员会收到通知；开始前可以修改或取消。确定安排吗？`,
              confirmText: '安排',
              cancelText: '取消',
            }
          : { title: '开启评价期', content: `开启${what}？当前权重将冻结到本期，居民和考评员会收到通知。`, confirmText: '开启', cancelText: '取消' },
    );
    if (!answer.confirm) return;
    setBusy(true);
    const res = editing ? await ratings.editPeriod({ periodId: editing.id, ...form }) : later ? await ratings.schedulePeriod(form) : await ratings.openPeriod(form);
    setBusy(false);
    if (res.ok) {
      setError(null);
      if (!editing) setForm(nextFreeQuarter([...taken, form.code]));
      onSaved(res.data);
    } else if (res.error.details?.field === 'startsOn' || res.error.details?.field === 'endsOn')
      setErrors({ [String(res.error.details.field)]: res.error.message.replace(/^(startsOn|endsOn): /, '') });
    else if (res.error.code === 'CONFLICT' && /期号/.test(res.error.message)) setErrors({ code: res.error.message });
    else setError(res.error.message);
  };
  const fields = (
    <>
      <View className='rmanage__quarter' data-testid={`${editing ? id : 'open-period'}-label`}>
        {codeLabel(form.code)}
      </View>
      <Field id={`${id}-code`} label='期号' value={form.code} onChange={set('code')} error={errors.code} maxlength={10} />
      <DatePick id={`${id}-start`} label='开始日期' value={form.startsOn} onChange={set('startsOn')} error={errors.startsOn} />
      <DatePick id={`${id}-end`} label='结束日期' value={form.endsOn} onChange={set('endsOn')} error={errors.endsOn} />
      {later ? (
        <View className='rmanage__when' data-testid={`${editing ? id : 'open-period'}-later`}>
          将于{dayLabel(form.startsOn)}自动开始，届时居民和考评员会收到通知；开始前可以修改或取消。
        </View>
      ) : null}
      {error ? (
        <View className='notice' role='alert'>
          {error}
        </View>
      ) : null}
    </>
  );
  if (editing)
    return (
      <View className='rmanage__edit' data-testid={id}>
        {fields}
        <BusyButton label='保存修改' busy={busy} onClick={submit} testId={`${id}-save`} />
      </View>
    );
  return (
    <View className='card' data-testid='open-period'>
      <View className='card__title' role='heading' aria-level={2}>
        {later ? '安排下一期' : '开启新一期'}
      </View>
      {fields}
      <BusyButton label={later ? '安排评价期' : '开启评价期'} busy={busy} onClick={submit} testId='period-open' />
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

/** 评星管理 (admin): periods (open → close → review → 公示 → final, each confirmed) and the criteria weights per compound type. */
export default function ManagePage() {
  const list = useLoad(() => ratings.periods(), []);
  // The weights the next period will freeze (what an admin saved last), the defaults before any.
  const current = useLoad(() => ratings.weights({}), []);
  const [periods, setPeriods] = useState<PeriodDTO[]>([]);
  useEffect(() => {
    if (list.data) setPeriods(list.data);
  }, [list.data]);
  const replace = (p: PeriodDTO) =>
    setPeriods((all) =>
      p.status === 'cancelled' ? all.filter((x) => x.id !== p.id) : all.some((x) => x.id === p.id) ? all.map((x) => (x.id === p.id ? p : x)) : [p, ...all],
    );
  const taken = periods.map((p) => p.code);

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
            <PeriodRow key={p.id} period={p} taken={taken} onChanged={replace} />
          ))}
        </View>
        <View className='muted rmanage__rule'>
          流程：开启（或提前安排，到开始日自动开启） → 居民评价、考评员打分 → 截止 → 审核结果和评语 → 公示（物业企业可提出异议，由您答复） → 定稿公布。同一时间只能有一个评价中的期，各期日期不能重叠。
        </View>
      </View>
      {list.data ? <PeriodForm key={periods.length} taken={taken} onSaved={replace} /> : null}
      {current.data || current.error ? <WeightsEditor initial={{ ...DEFAULT_WEIGHTS, ...((current.data ?? {}) as typeof DEFAULT_WEIGHTS) }} /> : null}
    </Page>
  );
}
