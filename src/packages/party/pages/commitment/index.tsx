import { useState } from 'react';
import { View } from '@tarojs/components';
import type { CommitmentSummaryDTO } from '@hg/types/party';
import { PARTY_LIMITS as L } from '@hg/types/party';
import { formatLocalTime } from '@hg/types/local-time';
import { ZSignCommitmentRequest } from '@hg/types/party-schemas';
import Page from '../../../../components/Page';
import Section from '../../../../components/Section';
import StateView from '../../../../components/StateView';
import Field from '../../../../components/Field';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import TextBox from '../../../../components/TextBox';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { useForm } from '../../../../hooks/useForm';
import { useLoad } from '../../../../hooks/useLoad';
import { party } from '../../../../services/party';
import { hoursText } from '../../format';
import './index.scss';

/** Planned beside recorded and approved: "尚无记录" when nothing was recorded, never a 0 that means nothing. */
function HoursTiles({ s }: { s: CommitmentSummaryDTO }) {
  const tiles = [
    { key: 'planned', label: '计划', value: s.plannedHours === null ? '未签订' : `${s.plannedHours} 小时` },
    { key: 'recorded', label: '已记录', value: hoursText(s.recordedHours) },
    { key: 'approved', label: '已认定', value: hoursText(s.approvedHours) },
  ];
  return (
    <View className='pcommit__tiles'>
      {tiles.map((t) => (
        <View key={t.key} className='pcommit__tile' data-testid={`hours-${t.key}`}>
          <View className='muted'>{t.label}</View>
          <View className='pcommit__value'>{t.value}</View>
        </View>
      ))}
    </View>
  );
}

/** Several chips, each on or off (六大员 may be more than one). */
function MultiChoice({ id, label, options, value, onChange, error }: { id: string; label: string; options: string[]; value: string[]; onChange: (v: string[]) => void; error?: string }) {
  return (
    <View className={`choice ${error ? 'choice--invalid' : ''}`}>
      <View className='choice__label' id={`${id}-label`}>
        {label}
      </View>
      <View className='choice__options' role='group' aria-labelledby={`${id}-label`}>
        {options.map((o) => {
          const on = value.includes(o);
          return (
            <View
              key={o}
              className={`choice__option ${on ? 'choice__option--on' : ''}`}
              role='checkbox'
              {...FOCUSABLE}
              aria-checked={on ? 'true' : 'false'}
              onClick={() => onChange(on ? value.filter((x) => x !== o) : [...value, o])}
            >
              {o}
            </View>
          );
        })}
      </View>
      {error ? (
        <View className='choice__error' role='alert' data-testid={`${id}-error`}>
          {error}
        </View>
      ) : null}
    </View>
  );
}

interface Values {
  postCategory: string | null;
  roles: string[];
  plannedHours: string;
  items: string;
}

const lines = (text: string) => text.split('\n').map((x) => x.trim()).filter(Boolean);

function CommitmentForm({ s, onDone }: { s: CommitmentSummaryDTO; onDone: () => void }) {
  const f = useForm({
    initial: (): Values => ({
      postCategory: s.commitment?.postCategory ?? null,
      roles: s.commitment?.roles ?? [],
      plannedHours: s.commitment ? String(s.commitment.plannedHours) : '',
      items: s.commitment?.items.join('\n') ?? '',
    }),
    schema: ZSignCommitmentRequest,
    toRequest: (v) => ({ postCategory: v.postCategory ?? '', roles: v.roles, plannedHours: Number(v.plannedHours), items: lines(v.items) }),
    fields: ['postCategory', 'roles', 'plannedHours', 'items'] as const,
    check: (v) => ({
      ...(v.postCategory ? {} : { postCategory: '请选择岗位类别' }),
      ...(Number(v.plannedHours) > s.plannedHoursMax ? { plannedHours: `计划时长最多${s.plannedHoursMax}小时` } : {}),
    }),
    send: (request) => party.signCommitment(request),
    onSuccess: onDone,
  });
  return (
    <Section title={s.commitment ? '重新签订承诺书' : '签订履职承诺书'} hint={`${s.year}年度；重新签订后以新的承诺书为准。`}>
      <ChoiceGroup id='commit-category' label='岗位类别' options={s.postCategories.map((c) => ({ value: c, label: c }))} value={f.values.postCategory} onChange={(v) => f.set('postCategory', v)} error={f.errors.postCategory} />
      <MultiChoice id='commit-roles' label='六大员（可多选）' options={s.roles} value={f.values.roles} onChange={(v) => f.set('roles', v)} error={f.errors.roles} />
      <Field id='commit-hours' label={`全年计划服务时长（小时，最多${s.plannedHoursMax}）`} type='digit' value={f.values.plannedHours} onChange={(v) => f.set('plannedHours', v)} error={f.errors.plannedHours} />
      <TextBox id='commit-items' label={`承诺事项（每行一项，最多${L.itemsMax}项）`} value={f.values.items} onChange={(v) => f.set('items', v)} max={L.itemMax * L.itemsMax} error={f.errors.items} />
      {f.formError ? (
        <View className='notice' role='alert' data-testid='commit-error'>
          {f.formError}
        </View>
      ) : null}
      <BusyButton label='签订承诺书' busy={f.busy} onClick={f.submit} testId='commit-submit' />
    </Section>
  );
}

/** 我的承诺: this year's commitment, planned vs recorded vs approved hours, the records, and the form. */
export default function CommitmentPage() {
  const [version, setVersion] = useState(0);
  const summary = useLoad(() => party.myCommitment(), [version]);
  const hours = useLoad(() => party.myHours(), [version]);
  const s = summary.data;
  const confirmed = s?.report?.status === 'confirmed';
  return (
    <Page title='我的承诺'>
      <StateView loading={summary.loading} error={summary.error} onRetry={summary.reload} />
      {s ? (
        <>
          <Section title={`${s.year}年度服务时长`} hint='只有经组织者或党支部认定的时长才计入'>
            <HoursTiles s={s} />
            {s.pendingRecords ? <View className='muted' data-testid='hours-pending'>{s.pendingRecords} 条记录待认定</View> : null}
          </Section>
          {s.commitment ? (
            <Section title='我的承诺书' hint={`签订于 ${formatLocalTime(s.commitment.signedAt)}`} testId='commitment'>
              <View>
                {s.commitment.postCategory} · {s.commitment.roles.join('、')}
              </View>
              {s.commitment.items.map((x, i) => (
                <View key={i} className='pcommit__item'>
                  {i + 1}. {x}
                </View>
              ))}
            </Section>
          ) : null}
          {(hours.data ?? []).length ? (
            <Section title='服务记录'>
              {(hours.data ?? []).map((h) => (
                <View key={h.id} className='pcommit__record' data-testid={`record-${h.id}`}>
                  <View>
                    {h.title} · {formatLocalTime(h.startedAt)}
                  </View>
                  <View className='muted'>
                    {h.hours === null ? '进行中' : `${h.hours} 小时`} · {h.statusLabel}
                  </View>
                  {h.flagLabel ? <View className='notice'>{h.flagLabel}</View> : null}
                </View>
              ))}
            </Section>
          ) : null}
          {confirmed ? (
            <CommitmentForm key={s.commitment?.id ?? 0} s={s} onDone={() => setVersion((v) => v + 1)} />
          ) : (
            <View className='notice' data-testid='commit-needs-report'>
              双报到经社区党组织确认后才能签订履职承诺书。
            </View>
          )}
        </>
      ) : null}
    </Page>
  );
}
