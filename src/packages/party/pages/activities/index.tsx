import { useState } from 'react';
import { View } from '@tarojs/components';
import type { ActivityDTO } from '@hg/types/party';
import { PARTY_LIMITS as L } from '@hg/types/party';
import { addDays, localDay, localIsoTime, weekdayOf } from '@hg/types/local-time';
import { ZPublishActivityRequest } from '@hg/types/party-schemas';
import Page from '../../../../components/Page';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import TimePicker from '../../../../components/TimePicker';
import { useForm } from '../../../../hooks/useForm';
import { me } from '../../../../services/me';
import { branchCommunities } from '../../branch';
import Section from '../../../../components/Section';
import StateView from '../../../../components/StateView';
import Field from '../../../../components/Field';
import BusyButton from '../../../../components/BusyButton';
import { useLoad } from '../../../../hooks/useLoad';
import { party } from '../../../../services/party';
import { timeRange } from '../../format';
import './index.scss';

/** The organiser's desk at the venue: the member's code, then 签到 or 签退. */
function AttendDesk({ activityId }: { activityId: number }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [line, setLine] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (action: 'checkIn' | 'checkOut') => {
    if (busy) return;
    if (!code.trim()) return setLine({ ok: false, text: '请输入党员出示的签到码' });
    setBusy(true);
    const res = await party[action]({ activityId, code: code.trim() });
    setBusy(false);
    if (!res.ok) return setLine({ ok: false, text: res.error.message });
    setCode('');
    setLine({ ok: true, text: action === 'checkIn' ? `${res.data.memberName} 已签到` : `${res.data.memberName} 已签退，${res.data.hours ?? 0} 小时待认定` });
  };
  return (
    <View className='pact__desk'>
      <Field id={`attend-code-${activityId}`} label='签到码' value={code} maxlength={12} onChange={setCode} />
      <View className='btn-row'>
        <BusyButton label='签到' busy={busy} onClick={() => run('checkIn')} testId={`attend-in-${activityId}`} />
        <BusyButton label='签退' className='btn--ghost' busy={busy} onClick={() => run('checkOut')} testId={`attend-out-${activityId}`} />
      </View>
      {line ? (
        <View className={line.ok ? 'success' : 'notice'} role='status' data-testid={`attend-line-${activityId}`}>
          {line.text}
        </View>
      ) : null}
    </View>
  );
}

function ActivityCard({ a, onChanged }: { a: ActivityDTO; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [requestId] = useState(() => `party-${a.id}-${Date.now().toString(36)}`);
  const signUp = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const res = await party.signUp({ activityId: a.id, requestId });
    setBusy(false);
    if (res.ok) onChanged();
    else setError(res.error.message);
  };
  return (
    <Section title={a.title} hint={`${timeRange(a.startsAt, a.endsAt)} · ${a.place}`} testId={`activity-${a.id}`}>
      {a.description ? <View className='muted'>{a.description}</View> : null}
      <View className='muted' data-testid={`activity-seats-${a.id}`}>
        已报名 {a.taken} / {a.capacity} 人{a.status === 'withdrawn' ? ' · 已取消' : ''}
      </View>
      {a.mine ? (
        <View className='pact__code' data-testid={`activity-code-${a.id}`}>
          {a.mine.status === 'booked' ? `已报名 · 签到码 ${a.mine.code}` : a.mine.status === 'checked_in' ? '已签到，离开时请找组织者签退' : '已签退'}
        </View>
      ) : null}
      {a.can.signUp ? <BusyButton label='报名' busy={busy} onClick={signUp} testId={`activity-signup-${a.id}`} /> : null}
      {error ? (
        <View className='notice' role='alert' data-testid={`activity-error-${a.id}`}>
          {error}
        </View>
      ) : null}
      {a.can.run ? <AttendDesk activityId={a.id} /> : null}
    </Section>
  );
}

const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const dayLabel = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日 ${WEEKDAY[weekdayOf(day)]}`;

interface PublishValues {
  title: string;
  place: string;
  day: string;
  start: string;
  end: string;
  capacity: string;
}

/** 发布活动 for the branch: a slot of kind activity for the next two weeks, sign-up closing at its start. */
function PublishForm({ communityId, onDone }: { communityId: number; onDone: () => void }) {
  const today = localDay(new Date());
  const days = Array.from({ length: 14 }, (_, i) => addDays(today, i + 1));
  const f = useForm({
    initial: (): PublishValues => ({ title: '', place: '', day: days[0], start: '09:00', end: '11:00', capacity: '20' }),
    schema: ZPublishActivityRequest,
    toRequest: (v) => ({
      communityId,
      title: v.title,
      place: v.place,
      startsAt: localIsoTime(v.day, v.start),
      endsAt: localIsoTime(v.day, v.end),
      capacity: Number(v.capacity),
    }),
    fields: ['title', 'place', 'day', 'start', 'end', 'capacity'] as const,
    fieldOf: (path) => (path === 'endsAt' ? 'end' : path === 'startsAt' ? 'start' : (['title', 'place', 'capacity'] as const).find((x) => x === path) ?? null),
    send: (request) => party.publishActivity(request),
    onSuccess: () => {
      f.reset();
      onDone();
    },
  });
  return (
    <Section title='发布党群活动' hint='报名在活动开始时截止；党员凭签到码现场签到，离开时签退。'>
      <Field id='publish-title' label='活动名称' value={f.values.title} maxlength={30} onChange={(v) => f.set('title', v)} error={f.errors.title} />
      <Field id='publish-place' label='活动地点' value={f.values.place} maxlength={L.placeMax} onChange={(v) => f.set('place', v)} error={f.errors.place} />
      <ChoiceGroup id='publish-day' label='日期' options={days.map((d) => ({ value: d, label: dayLabel(d) }))} value={f.values.day} onChange={(v) => f.set('day', v)} />
      <View className='btn-row'>
        <TimePicker id='publish-start' label='开始' value={f.values.start} onChange={(v) => f.set('start', v)} error={f.errors.start} />
        <TimePicker id='publish-end' label='结束' value={f.values.end} end='22:00' onChange={(v) => f.set('end', v)} error={f.errors.end} />
      </View>
      <Field id='publish-capacity' label='名额（人）' type='digit' value={f.values.capacity} onChange={(v) => f.set('capacity', v)} error={f.errors.capacity} />
      {f.formError ? (
        <View className='notice' role='alert' data-testid='publish-error'>
          {f.formError}
        </View>
      ) : null}
      <BusyButton label='发布' busy={f.busy} onClick={f.submit} testId='publish-submit' />
    </Section>
  );
}

/**
 * 党群活动: the community's activities; members sign up and show their code at the venue; the
 * branch publishes activities and checks people in and out.
 */
export default function ActivitiesPage() {
  const profile = useLoad(() => me.get(), []);
  const branch = branchCommunities(profile.data)[0]?.id ?? null;
  const list = useLoad(profile.data ? () => party.activities(branch ? { communityId: branch } : {}) : null, [profile.data, branch]);
  return (
    <Page title='党群活动'>
      <StateView loading={profile.loading} error={profile.error} onRetry={profile.reload} />
      {branch ? <PublishForm communityId={branch} onDone={list.reload} /> : null}
      <StateView loading={list.loading} error={list.error} onRetry={list.reload} empty={!list.loading && !list.error && !list.data?.length} emptyText='暂无活动：双报到经确认后可以看到本社区的党群活动' />
      {(list.data ?? []).map((a) => (
        <ActivityCard key={a.id} a={a} onChanged={list.reload} />
      ))}
    </Page>
  );
}
