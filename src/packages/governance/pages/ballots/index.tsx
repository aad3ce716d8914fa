import { useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ApiError } from '@hg/types';
import type { BallotChannel, MatterDTO, ParticipationDTO } from '@hg/types/deliberation';
import { BALLOT_CHANNEL_LABELS } from '@hg/types/deliberation';
import Page from '../../../../components/Page';
import Section from '../../../../components/Section';
import StateView from '../../../../components/StateView';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import Tabs from '../../../../components/Tabs';
import Field from '../../../../components/Field';
import BusyButton from '../../../../components/BusyButton';
import ConfirmDialog from '../../../../components/ConfirmDialog';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { deliberation } from '../../../../services/deliberation';
import { formatTime } from '../../../../utils/format';
import { percent } from '../../format';
import './index.scss';

type Household = ParticipationDTO['households'][number];
type PaperChannel = Extract<BallotChannel, 'meeting' | 'proxy'>;

/** The ballot a CONFLICT names: it exists (channel, time), its choice is never told. */
function existingOf(error: ApiError): { channel: BallotChannel; castAt: string } | null {
  const details = error.details as { existing?: { channel: BallotChannel; castAt: string } } | undefined;
  return details?.existing ?? null;
}

/**
 * 录入纸质选票 for one household: the option and how the ballot came (协商会 or 委托); when the
 * household already has a ballot the server names it (channel, time, not the choice) and the clerk
 * confirms the replacement.
 */
function PaperBallot({ matter, household, onEntered }: { matter: MatterDTO; household: Household; onEntered: (text: string) => void }) {
  const [option, setOption] = useState<number | null>(null);
  const [channel, setChannel] = useState<PaperChannel>('meeting');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [existing, setExisting] = useState<{ channel: BallotChannel; castAt: string } | null>(null);
  const sending = useRef(false);
  const id = `paper-${household.householdId}`;

  const send = async (replace: boolean) => {
    if (sending.current) return;
    if (option === null) {
      setError('请选择该户的意见');
      return;
    }
    sending.current = true;
    setBusy(true);
    setError(null);
    const res = await deliberation.enterBallot({
      matterId: matter.id,
      householdId: household.householdId,
      optionIndex: option,
      channel,
      ...(replace ? { replace: true } : {}),
    });
    sending.current = false;
    setBusy(false);
    setExisting(null);
    if (res.ok) onEntered(`${household.place}：已录入${BALLOT_CHANNEL_LABELS[res.data.channel]}${res.data.replaced ? '，原选票已被替换' : ''}`);
    else if (res.error.code === 'CONFLICT' && existingOf(res.error)) setExisting(existingOf(res.error));
    else setError(res.error.message);
  };

  return (
    <View className='gpaper' data-testid={id}>
      <ChoiceGroup
        id={`${id}-option`}
        label={`${household.place} 的意见`}
        options={matter.options.map((o, i) => ({ value: i, label: o }))}
        value={option}
        onChange={setOption}
      />
      <ChoiceGroup
        id={`${id}-channel`}
        label='选票来源'
        options={[
          { value: 'meeting' as PaperChannel, label: '协商会上表决' },
          { value: 'proxy' as PaperChannel, label: '委托代投（书面委托）' },
        ]}
        value={channel}
        onChange={setChannel}
      />
      {error ? (
        <View className='notice' role='alert' data-testid={`${id}-error`}>
          {error}
        </View>
      ) : null}
      <BusyButton label='录入这张选票' busy={busy} onClick={() => send(false)} testId={`${id}-submit`} />
      {existing ? (
        <ConfirmDialog
          id={`${id}-replace`}
          title='该户已有选票'
          confirmText='以这张纸质选票为准'
          cancelText='保留原选票'
          onConfirm={() => send(true)}
          onCancel={() => setExisting(null)}
          testId={`${id}-replace`}
        >
          {household.place} 已于 {formatTime(existing.castAt)} 通过「{BALLOT_CHANNEL_LABELS[existing.channel]}
          」投票（内容保密）。确认以这张纸质选票替换吗？原选票会保留记录，但不再计票。
        </ConfirmDialog>
      ) : null}
    </View>
  );
}

/**
 * 参与情况: which households of the electorate have voted and how (never their choice), to chase
 * turnout; while the vote is open, a paper ballot from the residents' meeting or a written proxy
 * is entered for a household here.
 */
export default function BallotsPage() {
  const { params } = useRouter();
  const matterId = Number(params.id);
  const [tick, setTick] = useState(0);
  const matter = useLoad(() => deliberation.get({ matterId }), [matterId, tick]);
  const turnout = useLoad(() => deliberation.participation({ matterId }), [matterId, tick]);
  const [tab, setTab] = useState<'todo' | 'voted'>('todo');
  const [open, setOpen] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const t = turnout.data;
  const m = matter.data;
  const [find, setFind] = useState('');
  const rows = (t?.households ?? []).filter((h) => (tab === 'voted' ? h.voted : !h.voted) && (!find.trim() || h.place.includes(find.trim())));
  const short = t && m ? Math.max(0, Math.ceil((t.eligible * m.rule.quorumPercent) / 100) - t.voted) : 0;
  const canEnter = !!m?.can.includes('enterBallot');

  return (
    <Page title='参与情况'>
      <StateView loading={turnout.loading || matter.loading} error={turnout.error ?? matter.error} onRetry={() => setTick((x) => x + 1)} />
      {t && m ? (
        <>
          <View className='card'>
            <View className='card__title' role='heading' aria-level={2}>
              {m.title}
            </View>
            <View className='gballots__count' data-testid='turnout'>
              已投票 {t.voted} 户 / 共 {t.eligible} 户（{percent(t.voted, t.eligible)}）
            </View>
            <View className='gballots__short' data-testid='turnout-short'>
              {short > 0 ? `距有效参与率（${m.rule.quorumPercent}%）还差 ${short} 户` : `已达到有效参与率（${m.rule.quorumPercent}%）`}
            </View>
            <View className='muted'>
              这里只显示哪些户已投票，不显示投了什么。
              {canEnter ? '没有用手机的住户，可在协商会上或凭书面委托录入纸质选票。' : ''}
            </View>
          </View>
          {done ? (
            <View className='success' role='status' data-testid='paper-done'>
              {done}
            </View>
          ) : null}
          <Tabs
            label='参与情况'
            tabs={[
              { value: 'todo', label: '未投票', count: t.eligible - t.voted },
              { value: 'voted', label: '已投票', count: t.voted },
            ]}
            value={tab}
            onChange={setTab}
            testId='turnout-tab'
          />
          <Section title={tab === 'todo' ? '还没有投票的户' : '已投票的户'}>
            <Field id='turnout-find' label='按房号查找（如 3栋2单元）' value={find} onChange={setFind} maxlength={20} />
            <View role='list'>
              {rows.map((h) => (
                <View key={h.householdId} role='listitem' className='gballots__row' data-testid={`turnout-${h.householdId}`}>
                  <View className='gballots__head'>
                    <View className='gballots__place'>{h.place}</View>
                    <View className='muted'>{h.channel ? BALLOT_CHANNEL_LABELS[h.channel] : '未投票'}</View>
                  </View>
                  {canEnter && open !== h.householdId ? (
                    <View
                      className='btn btn--ghost'
                      role='button'
                      {...FOCUSABLE}
                      aria-label={`为 ${h.place} 录入纸质选票`}
                      data-testid={`paper-open-${h.householdId}`}
                      onClick={() => {
                        setDone(null);
                        setOpen(h.householdId);
                      }}
                    >
                      录入纸质选票
                    </View>
                  ) : null}
                  {canEnter && open === h.householdId ? (
                    <PaperBallot
                      matter={m}
                      household={h}
                      onEntered={(text) => {
                        setDone(text);
                        setOpen(null);
                        setTick((x) => x + 1);
                      }}
                    />
                  ) : null}
                </View>
              ))}
              {!rows.length ? <View className='muted'>{find.trim() ? '没有找到这个房号' : tab === 'todo' ? '所有户都已投票' : '还没有户投票'}</View> : null}
            </View>
          </Section>
        </>
      ) : null}
    </Page>
  );
}
