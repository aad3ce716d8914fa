import { useState } from 'react';
import { View } from '@tarojs/components';
import type { MatterDTO } from '@hg/types/deliberation';
import { DELIBERATION_LIMITS } from '@hg/types/deliberation';
import { ZPublishMatterRequest, ZWithdrawMatterRequest, ZWriteOutcomeRequest } from '@hg/types/deliberation-schemas';
import BusyButton from '../../../components/BusyButton';
import TextBox from '../../../components/TextBox';
import { FOCUSABLE } from '../../../components/a11y';
import { useForm } from '../../../hooks/useForm';
import { deliberation } from '../../../services/deliberation';
import { ROUTES, openPage, withQuery } from '../../../routes';
import { formatTime } from '../../../utils/format';
import { openingDays, windowOf } from '../format';
import VotingWindow from './VotingWindow';
import './OrganiserPanel.scss';

type Changed = (next: MatterDTO) => void;

function FormError({ text, testId }: { text: string | null; testId: string }) {
  return text ? (
    <View className='notice' role='alert' data-testid={testId}>
      {text}
    </View>
  ) : null;
}

/** 发布公告: the vote's window, from the first day after the notice period; publishing freezes text and options. */
function PublishForm({ matter, onChanged }: { matter: MatterDTO; onChanged: Changed }) {
  const days = openingDays(matter.rule.noticeDays);
  const f = useForm({
    initial: () => ({ day: days[0], votingDays: 7 }),
    schema: ZPublishMatterRequest,
    toRequest: (v) => ({ matterId: matter.id, ...windowOf(v.day, v.votingDays) }),
    fieldOf: () => 'day',
    send: (request) => deliberation.publish(request),
    onSuccess: onChanged,
  });
  return (
    <View className='gorg__block' data-testid='publish-form'>
      <View className='gorg__title'>发布公告</View>
      <View className='muted'>发布后方案内容和选项不能再改（如需修改须发布新版本，已投的票作废）。公告至少 {matter.rule.noticeDays} 天后才开始投票。</View>
      <VotingWindow idPrefix='publish' days={days} value={f.values} error={f.errors.day} onChange={(next) => f.patch(next)} />
      <FormError text={f.formError} testId='publish-error' />
      <BusyButton label='发布公告' busy={f.busy} onClick={f.submit} testId='matter-publish' />
    </View>
  );
}

/** 结果运用: what is done with the result, written after close and published separately. */
function OutcomeForm({ matter, onChanged }: { matter: MatterDTO; onChanged: Changed }) {
  const f = useForm({
    initial: () => ({ outcome: matter.outcome ?? '' }),
    schema: ZWriteOutcomeRequest,
    toRequest: (v) => ({ matterId: matter.id, outcome: v.outcome }),
    send: (request) => deliberation.writeOutcome(request),
    onSuccess: onChanged,
  });
  return (
    <View className='gorg__block' data-testid='outcome-form'>
      <TextBox
        id='outcome'
        label='结果运用（如何落实表决结果）'
        value={f.values.outcome}
        onChange={(v) => f.set('outcome', v)}
        max={DELIBERATION_LIMITS.outcomeMax}
        counter
        error={f.errors.outcome}
      />
      <FormError text={f.formError} testId='outcome-error' />
      <BusyButton label={matter.outcome ? '保存修改' : '保存结果运用'} busy={f.busy} onClick={f.submit} testId='outcome-save' />
    </View>
  );
}

/** 撤回: before close, with a reason every household reads. */
function WithdrawForm({ matter, onChanged }: { matter: MatterDTO; onChanged: Changed }) {
  const [open, setOpen] = useState(false);
  const f = useForm({
    initial: () => ({ reason: '' }),
    schema: ZWithdrawMatterRequest,
    toRequest: (v) => ({ matterId: matter.id, reason: v.reason }),
    send: (request) => deliberation.withdraw(request),
    onSuccess: onChanged,
  });
  if (!open)
    return (
      <View className='btn btn--danger' role='button' {...FOCUSABLE} data-testid='matter-withdraw-open' onClick={() => setOpen(true)}>
        撤回议题
      </View>
    );
  return (
    <View className='gorg__block' data-testid='withdraw-form'>
      <TextBox
        id='withdraw-reason'
        label='撤回原因'
        value={f.values.reason}
        onChange={(v) => f.set('reason', v)}
        max={DELIBERATION_LIMITS.reasonMax}
        error={f.errors.reason}
      />
      <FormError text={f.formError} testId='withdraw-error' />
      <BusyButton label='确认撤回' busy={f.busy} onClick={f.submit} testId='matter-withdraw' />
    </View>
  );
}

/** A step with no input (结束投票, 公示结果): one button, its error under it. */
function StepButton({
  label,
  testId,
  run,
  onChanged,
}: {
  label: string;
  testId: string;
  run: () => ReturnType<typeof deliberation.close>;
  onChanged: Changed;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const go = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const res = await run();
    setBusy(false);
    if (res.ok) onChanged(res.data);
    else setError(res.error.message);
  };
  return (
    <View className='gorg__block'>
      <BusyButton label={label} busy={busy} onClick={go} testId={testId} />
      <FormError text={error} testId={`${testId}-error`} />
    </View>
  );
}

/**
 * 议事管理, for the matter's organisers: the steps the server's `can` allows now — edit and publish
 * a draft, follow turnout and enter paper ballots, close a lapsed vote, write and publish the outcome,
 * withdraw with a reason.
 */
export default function OrganiserPanel({ matter, onChanged }: { matter: MatterDTO; onChanged: Changed }) {
  const can = new Set(matter.can);
  if (!can.size) return null;
  return (
    <View className='card gorg' data-testid='organiser-panel'>
      <View className='card__title' role='heading' aria-level={2}>
        议事管理
      </View>
      {can.has('edit') ? (
        <View
          className='btn btn--ghost gorg__block'
          role='button'
          {...FOCUSABLE}
          data-testid='matter-edit'
          onClick={() => openPage(withQuery(ROUTES.matterDraft, { id: matter.id }))}
        >
          修改方案
        </View>
      ) : null}
      {can.has('publish') ? <PublishForm matter={matter} onChanged={onChanged} /> : null}
      {can.has('revise') ? (
        <View
          className='btn btn--ghost gorg__block'
          role='button'
          {...FOCUSABLE}
          data-testid='matter-revise'
          onClick={() => openPage(withQuery(ROUTES.matterDraft, { id: matter.id }))}
        >
          修改方案（发布第{matter.version + 1}版，已投的票作废）
        </View>
      ) : null}
      {can.has('participation') ? (
        <View
          className='btn btn--ghost gorg__block'
          role='button'
          {...FOCUSABLE}
          data-testid='matter-ballots'
          onClick={() => openPage(withQuery(ROUTES.matterBallots, { id: matter.id }))}
        >
          {can.has('enterBallot') ? '参与情况 · 录入纸质选票' : '参与情况'}
        </View>
      ) : null}
      {matter.status === 'voting' && !can.has('close') && matter.closesAt ? (
        <View className='muted gorg__block'>投票 {formatTime(matter.closesAt)} 截止，到时自动结束并统计；截止后也可以在这里手动结束。</View>
      ) : null}
      {can.has('close') ? (
        <StepButton label='结束投票并统计' testId='matter-close' run={() => deliberation.close({ matterId: matter.id })} onChanged={onChanged} />
      ) : null}
      {can.has('writeOutcome') ? <OutcomeForm matter={matter} onChanged={onChanged} /> : null}
      {can.has('publishOutcome') ? (
        <StepButton
          label='反馈公示（向各户公布结果）'
          testId='matter-publish-outcome'
          run={() => deliberation.publishOutcome({ matterId: matter.id })}
          onChanged={onChanged}
        />
      ) : null}
      {can.has('withdraw') ? <WithdrawForm matter={matter} onChanged={onChanged} /> : null}
    </View>
  );
}
