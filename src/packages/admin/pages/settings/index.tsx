import { useState } from 'react';
import { View } from '@tarojs/components';
import type { SettingsRevisionDTO, SettingsSectionDTO } from '@hg/types';
import { BOOKINGS_SETTINGS_LIMITS, SUBSIDY_TIERS, type BookingsSettings, type SubsidyTier } from '@hg/types/bookings';
import { formatLocalTime } from '@hg/types/local-time';
import Page from '../../../../components/Page';
import Section from '../../../../components/Section';
import StateView from '../../../../components/StateView';
import Field from '../../../../components/Field';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { settings } from '../../../../services/settings';
import { ROUTES, openPage } from '../../../../routes';
import './index.scss';

/** 4.5 → "4.50元"; the admin types 元, the server stores 分. */
const yuanText = (fen: number) => `${(fen / 100).toFixed(2)}元`;
const YUAN = /^\d{1,4}(\.\d{1,2})?$/;

type TierForm = { label: string; yuan: string };
type SubsidyForm = { tiers: Record<SubsidyTier, TierForm>; age: string; reason: string };

const formOf = (v: BookingsSettings): SubsidyForm => ({
  tiers: Object.fromEntries(SUBSIDY_TIERS.map((t) => [t, { label: v.subsidy[t].label, yuan: (v.subsidy[t].fen / 100).toFixed(2) }])) as Record<
    SubsidyTier,
    TierForm
  >,
  age: String(v.subsidyAge),
  reason: '',
});

/** Field keys are the server's `details.field` (`value.subsidy.age80.fen`), so its errors land on the same fields. */
function localErrors(form: SubsidyForm): Record<string, string> {
  const out: Record<string, string> = {};
  const L = BOOKINGS_SETTINGS_LIMITS;
  for (const t of SUBSIDY_TIERS) {
    const { label, yuan } = form.tiers[t];
    if (!label.trim()) out[`value.subsidy.${t}.label`] = '请填写名称';
    else if ([...label.trim()].length > L.tierLabelMax) out[`value.subsidy.${t}.label`] = `名称不超过${L.tierLabelMax}个字`;
    if (!YUAN.test(yuan.trim())) out[`value.subsidy.${t}.fen`] = '请填写金额，最多两位小数（不补贴填0）';
    else if (Math.round(Number(yuan) * 100) > L.subsidyFenMax) out[`value.subsidy.${t}.fen`] = `每餐补贴不超过${L.subsidyFenMax / 100}元`;
  }
  const age = Number(form.age);
  if (!/^\d+$/.test(form.age.trim()) || age < L.subsidyAgeMin || age > L.subsidyAgeMax)
    out['value.subsidyAge'] = `请填写${L.subsidyAgeMin}到${L.subsidyAgeMax}之间的整数`;
  return out;
}

/** The form edits the tiers and the 高龄 age; the rest of the section (age bands, daily cap, offer window) is saved as it is. */
const valueOf = (form: SubsidyForm, current: BookingsSettings): BookingsSettings => ({
  ...current,
  subsidy: Object.fromEntries(
    SUBSIDY_TIERS.map((t) => [t, { label: form.tiers[t].label.trim(), fen: Math.round(Number(form.tiers[t].yuan) * 100) }]),
  ) as BookingsSettings['subsidy'],
  subsidyAge: Number(form.age),
});

/** 助餐补贴: each tier's name and amount per meal (元), the 高龄 age; saved over the version shown. */
function SubsidyEditor({ section, onSaved, onReload }: { section: SettingsSectionDTO; onSaved: (s: SettingsSectionDTO) => void; onReload: () => void }) {
  const [form, setForm] = useState(() => formOf(section.value as BookingsSettings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setTier = (t: SubsidyTier, key: keyof TierForm) => (v: string) => setForm((f) => ({ ...f, tiers: { ...f.tiers, [t]: { ...f.tiers[t], [key]: v } } }));

  const save = async () => {
    if (busy) return;
    setError(null);
    const local = localErrors(form);
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    const res = await settings.save({
      section: section.key,
      version: section.version,
      value: valueOf(form, section.value as BookingsSettings),
      ...(form.reason.trim() ? { reason: form.reason.trim() } : {}),
    });
    setBusy(false);
    if (res.ok) {
      setConflict(null);
      onSaved(res.data);
      return;
    }
    if (res.error.code === 'CONFLICT') setConflict(res.error.message);
    else if (typeof res.error.details?.field === 'string' && res.error.details.field !== 'value') setErrors({ [res.error.details.field]: res.error.message });
    else setError(res.error.message);
  };

  return (
    <View data-testid='subsidy-editor'>
      <View className='muted settings__hint'>
        同时符合多档的老人按金额最高的一档补贴，不叠加；金额填0表示该档不补贴。修改后新下的订单按新标准计价，已下的订单保持下单时的价格。
      </View>
      {SUBSIDY_TIERS.map((t) => (
        <View key={t} className='settings__tier' role='group' aria-label={`${form.tiers[t].label || t}档`} data-testid={`tier-${t}`}>
          <Field
            id={`tier-${t}-label`}
            label='名称'
            value={form.tiers[t].label}
            onChange={setTier(t, 'label')}
            error={errors[`value.subsidy.${t}.label`]}
            maxlength={BOOKINGS_SETTINGS_LIMITS.tierLabelMax}
          />
          <Field
            id={`tier-${t}-yuan`}
            label='每餐补贴（元）'
            type='digit'
            value={form.tiers[t].yuan}
            onChange={setTier(t, 'yuan')}
            error={errors[`value.subsidy.${t}.fen`]}
            maxlength={7}
          />
        </View>
      ))}
      <Field
        id='subsidy-age'
        label='高龄补贴起始年龄（岁）'
        type='number'
        value={form.age}
        onChange={(v) => setForm((f) => ({ ...f, age: v }))}
        error={errors['value.subsidyAge']}
        maxlength={3}
      />
      <Field
        id='subsidy-reason'
        label='修改说明（选填）'
        value={form.reason}
        onChange={(v) => setForm((f) => ({ ...f, reason: v }))}
        error={errors.reason}
        maxlength={100}
        placeholder='例如：按民政局新文件调整'
      />
      {conflict ? (
        <View className='notice' role='alert' data-testid='settings-conflict'>
          <View>{conflict}</View>
          <View className='settings__link' role='button' {...FOCUSABLE} data-testid='settings-reload' onClick={onReload}>
            载入最新内容（您的修改将被替换）
          </View>
        </View>
      ) : null}
      {error ? (
        <View className='notice' role='alert' data-testid='settings-error'>
          {error}
        </View>
      ) : null}
      <BusyButton label='保存补贴标准' busy={busy} busyLabel='保存中…' onClick={save} testId='subsidy-save' />
    </View>
  );
}

/**
 * What changed between two values of the bookings section, in words. The first save is compared
 * with the defaults, which were in force until then (what the admin saw and changed).
 */
function subsidyChanges(before: BookingsSettings, after: BookingsSettings): string[] {
  const out: string[] = [];
  for (const t of SUBSIDY_TIERS) {
    const [b, a] = [before.subsidy?.[t], after.subsidy[t]];
    if (b?.label !== a.label) out.push(`名称「${b?.label ?? ''}」改为「${a.label}」`);
    if (b?.fen !== a.fen) out.push(`${a.label}：${b ? yuanText(b.fen) : '—'} → ${yuanText(a.fen)}`);
  }
  if (before.subsidyAge !== after.subsidyAge) out.push(`高龄起始年龄：${before.subsidyAge}岁 → ${after.subsidyAge}岁`);
  return out.length ? out : ['内容未变'];
}

function History({ section }: { section: SettingsSectionDTO }) {
  const [open, setOpen] = useState(false);
  const list = useLoad(open ? () => settings.history({ section: section.key }) : null, [open, section.version]);
  const describe = (r: SettingsRevisionDTO) =>
    section.key === 'bookings' ? subsidyChanges((r.before ?? section.defaults) as BookingsSettings, r.after as BookingsSettings) : ['内容已修改'];
  return (
    <>
      <View
        className='settings__link'
        role='button'
        {...FOCUSABLE}
        aria-expanded={open ? 'true' : 'false'}
        data-testid={`history-${section.key}-toggle`}
        onClick={() => setOpen((v) => !v)}
      >
        {open ? '收起修改记录' : '查看修改记录'}
      </View>
      {open ? (
        <>
          <StateView
            loading={list.loading && !list.data}
            error={list.error}
            empty={!!list.data && list.data.items.length === 0}
            emptyText='还没有修改过，现行的是默认标准'
            onRetry={list.reload}
          />
          {list.data?.items.length ? (
            <View role='list' aria-label='修改记录' data-testid={`history-${section.key}`}>
              {list.data.items.map((r) => (
                <View key={r.version} className='settings__revision' role='listitem'>
                  <View className='settings__revision-head'>
                    第{r.version}版 · {formatLocalTime(r.at)} · {r.byName ?? '管理员'}
                  </View>
                  {r.reason ? <View className='muted'>说明：{r.reason}</View> : null}
                  {describe(r).map((line) => (
                    <View key={line}>{line}</View>
                  ))}
                </View>
              ))}
            </View>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function SectionCard({
  section,
  justSaved,
  onSaved,
  onReload,
}: {
  section: SettingsSectionDTO;
  justSaved: boolean;
  onSaved: (s: SettingsSectionDTO) => void;
  onReload: () => void;
}) {
  const last = section.lastChange;
  return (
    <Section title={section.label} testId={`section-${section.key}`}>
      <View className='muted' data-testid={`section-${section.key}-meta`}>
        {last
          ? `第${last.version}版 · ${formatLocalTime(last.at)} 由${last.byName ?? '管理员'}修改${last.reason ? `（${last.reason}）` : ''}`
          : '使用默认标准，还没有修改过'}
      </View>
      {section.repaired ? (
        <View className='notice' role='status' data-testid={`section-${section.key}-repaired`}>
          系统升级后，保存的配置有部分内容不再适用，已按默认标准补齐。请核对后重新保存。
        </View>
      ) : null}
      {justSaved ? (
        <View className='success' role='status' data-testid='settings-done'>
          已保存，新下的订单按新标准计价
        </View>
      ) : null}
      {section.key === 'bookings' ? (
        // Keyed by version: a save or a reload starts the form from what is in force.
        <SubsidyEditor key={section.version} section={section} onSaved={onSaved} onReload={onReload} />
      ) : (
        <View className='muted'>此项配置暂不能在这里修改。</View>
      )}
      <History section={section} />
    </Section>
  );
}

/**
 * 城市配置 (city admin): every settings section the domains declare, with its version and last
 * change; the 助餐补贴 section is edited here (元 on screen, 分 on the wire), with the server's field
 * errors on their fields, a conflict message when another admin saved first, and the history.
 * 评星权重 stay on 评星管理 (they are frozen into each rating period): a link leads there.
 */
export default function SettingsPage() {
  const [tick, setTick] = useState(0);
  const list = useLoad(() => settings.list(), [tick]);
  const [saved, setSaved] = useState<Record<string, SettingsSectionDTO>>({});
  const reload = () => {
    setSaved({});
    setTick((t) => t + 1);
  };
  const sections = list.data?.map((s) => (saved[s.key] && saved[s.key].version > s.version ? saved[s.key] : s)) ?? null;

  return (
    <Page title='城市配置'>
      <View className='muted settings__intro'>各业务的城市标准在这里统一设置，每次修改都会留下记录。</View>
      <StateView
        loading={list.loading && !sections}
        error={list.error}
        empty={!!sections && sections.length === 0}
        emptyText='没有可设置的配置项'
        onRetry={list.reload}
      />
      {sections?.map((s) => (
        <SectionCard
          key={s.key}
          section={s}
          justSaved={saved[s.key] === s}
          onSaved={(next) => setSaved((m) => ({ ...m, [next.key]: next }))}
          onReload={reload}
        />
      ))}
      {sections ? (
        <Section title='物业评星权重' hint='四项考评的权重按小区类型设置，每期开启时冻结，在「评星管理」中修改。' testId='section-rating-weights'>
          <BusyButton label='前往评星管理' busy={false} onClick={() => openPage(ROUTES.ratingManage)} className='btn--ghost' testId='open-rating-manage' />
        </Section>
      ) : null}
    </Page>
  );
}
