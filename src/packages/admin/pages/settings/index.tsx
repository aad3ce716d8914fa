import { useState } from 'react';
import { View } from '@tarojs/components';
import type { SettingsRevisionDTO, SettingsSectionDTO } from '@hg/types';
import { BOOKINGS_SETTINGS_DEFAULTS, SUBSIDY_TIERS, type BookingsSettings } from '@hg/types/bookings';
import { formatLocalTime } from '@hg/types/local-time';
import Page from '../../../../components/Page';
import Section from '../../../../components/Section';
import StateView from '../../../../components/StateView';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import BookingsEditor from './BookingsEditor';
import FieldsEditor from './FieldsEditor';
import { useLoad } from '../../../../hooks/useLoad';
import { settings } from '../../../../services/settings';
import { ROUTES, openPage } from '../../../../routes';
import './index.scss';

/** 4.5 → "4.50元"; the admin types 元, the server stores 分. */
const yuanText = (fen: number) => `${(fen / 100).toFixed(2)}元`;

/**
 * What changed between two values of the bookings section, in words. The first save is compared
 * with the defaults, which were in force until then (what the admin saw and changed).
 */
function subsidyChanges(before: BookingsSettings, after: BookingsSettings): string[] {
  const out: string[] = [];
  for (const t of SUBSIDY_TIERS) {
    // A tier added by a release (特困) is absent from values saved before it: they read its default.
    const [b, a] = [before.subsidy?.[t] ?? BOOKINGS_SETTINGS_DEFAULTS.subsidy[t], after.subsidy[t] ?? BOOKINGS_SETTINGS_DEFAULTS.subsidy[t]];
    if (b?.label !== a.label) out.push(`名称「${b?.label ?? ''}」改为「${a.label}」`);
    if (b?.fen !== a.fen) out.push(`${a.label}：${b ? yuanText(b.fen) : '—'} → ${yuanText(a.fen)}`);
  }
  if (before.subsidyAge !== after.subsidyAge) out.push(`高龄起始年龄：${before.subsidyAge}岁 → ${after.subsidyAge}岁`);
  const bandText = (s: BookingsSettings) =>
    (s.ageBands ?? [])
      .slice()
      .sort((x, y) => x.fromAge - y.fromAge)
      .map((b) => `${b.label}${yuanText(b.fen)}`)
      .join('、') || '不分年龄段';
  if (bandText(before) !== bandText(after)) out.push(`年龄段：${bandText(before)} → ${bandText(after)}`);
  if (before.subsidisedMealsPerDay !== after.subsidisedMealsPerDay)
    out.push(`每天最多补贴餐数：${before.subsidisedMealsPerDay ?? 1}餐 → ${after.subsidisedMealsPerDay}餐`);
  if (before.offerMinutes !== after.offerMinutes) out.push(`候补让座保留时长：${before.offerMinutes ?? 120}分钟 → ${after.offerMinutes}分钟`);
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
          {section.key === 'bookings' ? '已保存，新下的订单按新标准计价' : '已保存，从现在起按新配置执行'}
        </View>
      ) : null}
      {section.key === 'bookings' ? (
        // Keyed by version: a save or a reload starts the form from what is in force.
        <BookingsEditor key={section.version} section={section} onSaved={onSaved} onReload={onReload} />
      ) : section.fields?.length ? (
        <FieldsEditor key={section.version} section={section} onSaved={onSaved} onReload={onReload} />
      ) : (
        <View className='muted'>此项配置暂不能在这里修改。</View>
      )}
      <History section={section} />
    </Section>
  );
}

/**
 * 城市配置 (city admin): every settings section the domains declare, with its version and last
 * change; the whole 助餐补贴 section (tiers, age bands, daily cap, offer window) is edited here (元 on
 * screen, 分 on the wire, BookingsEditor), with the server's field
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
