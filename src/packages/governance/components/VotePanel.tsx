import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import type { MatterDTO, MatterHouseholdDTO } from '@hg/types/deliberation';
import { BALLOT_CHANNEL_LABELS } from '@hg/types/deliberation';
import ConfirmDialog from '../../../components/ConfirmDialog';
import StateView from '../../../components/StateView';
import { FOCUSABLE } from '../../../components/a11y';
import { useLoad } from '../../../hooks/useLoad';
import { deliberation } from '../../../services/deliberation';
import { formatTime } from '../../../utils/format';
import './VotePanel.scss';

export interface VotePanelProps {
  matter: MatterDTO;
  household: MatterHouseholdDTO;
  /** Several homes in scope: each panel names its room. */
  named: boolean;
}

/**
 * 本户投票: the household's current ballot (for its own members only), and while the vote is open
 * the options as big buttons — one tap picks, a second confirms. A new choice before the deadline
 * replaces the old one; per-option counts stay hidden until close.
 */
export default function VotePanel({ matter, household, named }: VotePanelProps) {
  const mine = useLoad(() => deliberation.myBallot({ matterId: matter.id, householdId: household.householdId }), [matter.id, household.householdId]);
  const [choice, setChoice] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const sending = useRef(false);
  const ballot = mine.data;
  const id = `vote-${household.householdId}`;

  const send = async () => {
    if (choice === null || sending.current) return;
    sending.current = true;
    setBusy(true);
    setError(null);
    const res = await deliberation.vote({ matterId: matter.id, householdId: household.householdId, optionIndex: choice });
    sending.current = false;
    setBusy(false);
    setChoice(null);
    if (res.ok) {
      setDone(ballot ? `已改投「${res.data.option}」` : `已投票：「${res.data.option}」`);
      mine.reload();
    } else setError(res.error.message);
  };

  return (
    <View className='card gvote' data-testid={id}>
      <View className='card__title' role='heading' aria-level={2}>
        {named ? `本户投票 · ${household.place}` : '本户投票'}
      </View>
      <StateView loading={mine.loading} error={mine.error} onRetry={mine.reload} />
      {ballot ? (
        <View className='gvote__mine' data-testid={`${id}-current`}>
          <View className='muted'>本户当前的选择</View>
          <View className='gvote__chosen'>{ballot.option}</View>
          <View className='muted'>
            {BALLOT_CHANNEL_LABELS[ballot.channel]} · {formatTime(ballot.castAt)}
            {ballot.castByMember ? '' : '（由社区工作人员或三长录入）'}
          </View>
        </View>
      ) : !mine.loading && matter.votingOpen ? (
        <View className='muted gvote__none' data-testid={`${id}-none`}>
          本户还没有投票。每户一票，家里任何一位已认证的成员都可以投。
        </View>
      ) : null}
      {done ? (
        <View className='success' role='status' data-testid={`${id}-done`}>
          {done}
        </View>
      ) : null}
      {matter.votingOpen ? (
        <>
          <View className='gvote__ask' id={`${id}-ask`}>
            {ballot ? `截止（${formatTime(matter.closesAt)}）前可以改投：点选新的选项即可，以最后一次为准。` : '请点选本户的意见：'}
          </View>
          <View role='group' aria-labelledby={`${id}-ask`}>
            {matter.options.map((o, i) => (
              <View
                key={o}
                className={`btn gvote__option ${ballot?.optionIndex === i ? 'gvote__option--mine' : ''}`}
                role='button'
                {...FOCUSABLE}
                aria-label={ballot?.optionIndex === i ? `${o}（本户当前的选择）` : `选择：${o}`}
                data-testid={`${id}-option-${i}`}
                onClick={() => {
                  if (ballot?.optionIndex === i) return;
                  setDone(null);
                  setChoice(i);
                }}
              >
                {o}
                {ballot?.optionIndex === i ? ' ✓' : ''}
              </View>
            ))}
          </View>
          <View className='muted gvote__secret'>投票进行中，各选项的票数截止后统一公布。本户投了什么，只有本户已认证的成员能看到。</View>
        </>
      ) : matter.status === 'notice' && matter.opensAt ? (
        <View className='notice' role='status' data-testid={`${id}-wait`}>
          投票将于 {formatTime(matter.opensAt)} 开始，{formatTime(matter.closesAt)} 截止。
        </View>
      ) : null}
      {error ? (
        <View className='notice' role='alert' data-testid={`${id}-error`}>
          {error}
        </View>
      ) : null}
      {choice !== null ? (
        <ConfirmDialog
          id={`${id}-confirm`}
          title={ballot ? '确认改投' : '确认投票'}
          confirmText={busy ? '正在提交…' : ballot ? `改投「${matter.options[choice]}」` : `投「${matter.options[choice]}」`}
          cancelText='再想想'
          onConfirm={send}
          onCancel={() => setChoice(null)}
          testId={`${id}-confirm`}
        >
          {named ? `${household.place}：` : '本户'}
          {ballot ? `把「${ballot.option}」改为「${matter.options[choice]}」？` : `选择「${matter.options[choice]}」？`}
          截止前还可以修改。
        </ConfirmDialog>
      ) : null}
    </View>
  );
}
