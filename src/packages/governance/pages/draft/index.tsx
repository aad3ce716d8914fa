import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MatterDTO, MatterScopeLevel } from '@hg/types/deliberation';
import { DELIBERATION_LIMITS as L } from '@hg/types/deliberation';
import { ZCreateMatterRequest, ZEditMatterRequest, ZReviseMatterRequest } from '@hg/types/deliberation-schemas';
import Page from '../../../../components/Page';
import Section from '../../../../components/Section';
import StateView from '../../../../components/StateView';
import Field from '../../../../components/Field';
import TextBox from '../../../../components/TextBox';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { useForm } from '../../../../hooks/useForm';
import { useLoad } from '../../../../hooks/useLoad';
import { community } from '../../../../services/community';
import { deliberation } from '../../../../services/deliberation';
import { ROUTES, replacePage, withQuery } from '../../../../routes';
import { openingDays, windowOf } from '../../format';
import VotingWindow from '../../components/VotingWindow';
import './index.scss';

interface Values {
  title: string;
  text: string;
  options: string[];
  /** `compound:3` or `building:12`. */
  scope: string;
  /** A new version only: the day the vote opens again, how long it lasts, and why. */
  day: string;
  votingDays: number;
  reason: string;
}

const FIELDS = ['title', 'text', 'options', 'scope', 'day', 'reason'] as const;
type FieldName = (typeof FIELDS)[number];
/** Request paths onto fields: `options.2` → options, `scopeId` → scope, the window → day. */
function fieldOf(path: string): FieldName | null {
  if (path.startsWith('scope')) return 'scope';
  if (path === 'opensAt' || path === 'closesAt') return 'day';
  return ((FIELDS as readonly string[]).find((f) => path === f || path.startsWith(`${f}.`)) as FieldName | undefined) ?? null;
}

/** The options as the resident will read them: empty rows dropped. */
const filled = (options: string[]) => options.map((o) => o.trim()).filter(Boolean);

function OptionsEditor({ options, onChange, error }: { options: string[]; onChange: (next: string[]) => void; error?: string }) {
  return (
    <View className='gdraft__options' role='group' aria-label='表决选项'>
      {options.map((o, i) => (
        <View key={i} className='gdraft__option'>
          <Field
            id={`option-${i}`}
            label={`选项 ${i + 1}`}
            value={o}
            maxlength={L.optionMax}
            onChange={(v) => onChange(options.map((x, j) => (j === i ? v : x)))}
          />
          {options.length > L.optionsMin ? (
            <View
              className='btn btn--ghost gdraft__remove'
              role='button'
              {...FOCUSABLE}
              aria-label={`删除选项 ${i + 1}`}
              data-testid={`option-remove-${i}`}
              onClick={() => onChange(options.filter((_, j) => j !== i))}
            >
              删除
            </View>
          ) : null}
        </View>
      ))}
      {error ? (
        <View className='choice__error' role='alert' data-testid='options-error'>
          {error}
        </View>
      ) : null}
      {options.length < L.optionsMax ? (
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='option-add' onClick={() => onChange([...options, ''])}>
          添加选项
        </View>
      ) : null}
    </View>
  );
}

/** What the form does: a new draft, an edit of a draft, or a new version of a published matter. */
type Mode = 'create' | 'edit' | 'revise';

function sendFor(mode: Mode, request: Record<string, unknown>) {
  if (mode === 'create') return deliberation.create(request as Parameters<typeof deliberation.create>[0]);
  if (mode === 'edit') return deliberation.edit(request as Parameters<typeof deliberation.edit>[0]);
  return deliberation.revise(request as Parameters<typeof deliberation.revise>[0]);
}

const SCHEMA = { create: ZCreateMatterRequest, edit: ZEditMatterRequest, revise: ZReviseMatterRequest };

/** The form itself, once what it edits (a draft, a published matter, or a new matter's compound) is known. */
function DraftForm({ compoundId, existing }: { compoundId: number; existing: MatterDTO | null }) {
  const mode: Mode = !existing ? 'create' : existing.status === 'draft' ? 'edit' : 'revise';
  const buildings = useLoad(existing ? null : () => community.listBuildings({ compoundId }), [compoundId]);
  const scopes = [{ value: `compound:${compoundId}`, label: '全小区' }, ...(buildings.data ?? []).map((b) => ({ value: `building:${b.id}`, label: b.name }))];
  const days = openingDays(existing?.rule.noticeDays ?? 0);
  const f = useForm({
    initial: (): Values => ({
      title: existing?.title ?? '',
      text: existing?.text ?? '',
      options: existing?.options ?? ['同意', '不同意'],
      scope: `compound:${compoundId}`,
      day: days[0],
      votingDays: 7,
      reason: '',
    }),
    schema: SCHEMA[mode],
    toRequest: (v) => {
      const [level, id] = v.scope.split(':');
      const content = { title: v.title, text: v.text, options: filled(v.options) };
      if (mode === 'create') return { ...content, scopeLevel: level as MatterScopeLevel, scopeId: Number(id) };
      if (mode === 'edit') return { matterId: existing!.id, ...content };
      return { matterId: existing!.id, ...content, ...windowOf(v.day, v.votingDays), reason: v.reason };
    },
    fields: FIELDS,
    fieldOf,
    draft: existing ? undefined : { key: `matter-draft:${compoundId}`, worth: (v) => !!(v.title.trim() || v.text.trim()) },
    send: (request) => sendFor(mode, request as Record<string, unknown>),
    onSuccess: (m) => replacePage(withQuery(ROUTES.matter, { id: m.id })),
  });
  return (
    <>
      {mode === 'revise' ? (
        <View className='notice' role='note' data-testid='revise-warning'>
          发布第{existing!.version + 1}版后，第{existing!.version}版已投的票全部作废，各户会收到通知，须在新的投票期内重新投票；公告期重新计算。
        </View>
      ) : null}
      <Section title='方案' hint={mode === 'revise' ? '修改后的内容将作为新版本公告。' : '方案在「制定方案」阶段可以修改；发布公告后内容和选项即冻结。'}>
        <Field id='matter-title' label='议题标题' value={f.values.title} maxlength={L.titleMax} onChange={(v) => f.set('title', v)} error={f.errors.title} />
        <TextBox id='matter-text' label='方案内容' value={f.values.text} onChange={(v) => f.set('text', v)} max={L.textMax} counter error={f.errors.text} />
      </Section>
      <Section title='表决选项' hint={`${L.optionsMin}–${L.optionsMax} 个，不能重复`}>
        <OptionsEditor options={f.values.options} onChange={(v) => f.set('options', v)} error={f.errors.options} />
      </Section>
      {mode === 'create' ? (
        <Section title='谁来表决' hint='所选范围内登记的每户一票'>
          <ChoiceGroup id='matter-scope' label='表决范围' options={scopes} value={f.values.scope} onChange={(v) => f.set('scope', v)} error={f.errors.scope} />
        </Section>
      ) : null}
      {mode === 'revise' ? (
        <Section title='新版本的投票时间和修改原因'>
          <VotingWindow idPrefix='revise' days={days} value={f.values} error={f.errors.day} onChange={(next) => f.patch(next)} />
          <TextBox
            id='revise-reason'
            label='修改原因（各户都会看到）'
            value={f.values.reason}
            onChange={(v) => f.set('reason', v)}
            max={L.reasonMax}
            error={f.errors.reason}
          />
        </Section>
      ) : null}
      {f.formError ? (
        <View className='notice' role='alert' data-testid='draft-error'>
          {f.formError}
        </View>
      ) : null}
      <BusyButton
        label={mode === 'revise' ? `发布第${existing!.version + 1}版` : existing ? '保存修改' : '保存方案'}
        busy={f.busy}
        onClick={f.submit}
        testId='draft-save'
      />
    </>
  );
}

/** 制定方案: staff or a head drafts a matter for the compound (or one building), or edits a draft. */
export default function DraftPage() {
  const { params } = useRouter();
  const matterId = Number(params.id) || null;
  const existing = useLoad(matterId ? () => deliberation.get({ matterId }) : null, [matterId]);
  const compoundId = existing.data?.compoundId ?? (Number(params.compoundId) || null);
  return (
    <Page title={!matterId ? '发起议题' : existing.data && existing.data.status !== 'draft' ? '发布新版本' : '修改方案'}>
      <StateView loading={existing.loading} error={existing.error} onRetry={existing.reload} />
      {compoundId && (!matterId || existing.data) ? <DraftForm compoundId={compoundId} existing={existing.data} /> : null}
    </Page>
  );
}
