import { useMemo, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { AppointablePostDTO, AppointmentDTO, AppointmentPlaceDTO, AppointmentsDTO, ScopeLevel } from '@hg/types';
import { APPOINTMENT_LIMITS, APPOINTMENT_ROLE_ORDER, HEAD_LEVEL } from '@hg/types/appointments';
import { ZAppointRequest, ZRevokeRequest } from '@hg/types/appointments-schemas';
import Page from '../../../../components/Page';
import Section from '../../../../components/Section';
import StateView from '../../../../components/StateView';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import Field from '../../../../components/Field';
import TextBox from '../../../../components/TextBox';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { useForm } from '../../../../hooks/useForm';
import { appointments } from '../../../../services/appointments';
import { formatTime } from '../../../../utils/format';
import './index.scss';

type PlaceKey = { level: 'street' | 'community'; id: number };
const postKey = (p: Pick<AppointablePostDTO, 'role' | 'level'>) => `${p.role}@${p.level}`;

/** 「杨晓燕 任命于 3月5日 10:00」, or 初始设置 for posts from before appointments were recorded. */
function appointedText(a: AppointmentDTO): string {
  if (!a.appointedAt) return '初始设置';
  return `${a.appointedBy?.name ?? ''} 任命于 ${formatTime(a.appointedAt)}`;
}

function personText(a: AppointmentDTO): string {
  return a.person.phone ? `${a.person.name || '（未填姓名）'}（${a.person.phone}）` : a.person.name || '（未填姓名）';
}

/** One post held now, with 撤销 asking for the reason in place. */
function ActivePost({ post, onChanged }: { post: AppointmentDTO; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const f = useForm({
    initial: () => ({ reason: '' }),
    schema: ZRevokeRequest,
    toRequest: (v) => ({ id: post.id, reason: v.reason }),
    send: (request) => appointments.revoke(request),
    onSuccess: () => {
      setOpen(false);
      onChanged();
    },
  });
  const testId = `post-${post.id}`;
  return (
    <View className='appt__post' role='listitem' data-testid={testId}>
      <View className='appt__who'>{personText(post)}</View>
      <View className='appt__where'>
        {post.placeName}
        {post.organisation ? ` · ${post.organisation.name}` : ''}
      </View>
      <View className='muted'>{appointedText(post)}</View>
      {post.note ? <View className='muted'>说明：{post.note}</View> : null}
      {post.can.includes('revoke') && !open ? (
        <View className='btn btn--ghost appt__revoke' role='button' {...FOCUSABLE} data-testid={`${testId}-revoke`} onClick={() => setOpen(true)}>
          撤销
        </View>
      ) : null}
      {open ? (
        <View className='appt__revoke-form' data-testid={`${testId}-revoke-form`}>
          <TextBox
            id={`${testId}-reason`}
            label={`撤销 ${post.person.name} 的${post.roleLabel}职务的原因`}
            value={f.values.reason}
            onChange={(v) => f.set('reason', v)}
            max={APPOINTMENT_LIMITS.reasonMax}
            error={f.errors.reason}
          />
          {f.formError ? (
            <View className='notice' role='alert' data-testid={`${testId}-error`}>
              {f.formError}
            </View>
          ) : null}
          <BusyButton label='确认撤销' busy={f.busy} busyLabel='撤销中…' onClick={f.submit} className='btn--danger' testId={`${testId}-confirm`} />
          <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid={`${testId}-cancel`} onClick={() => setOpen(false)}>
            不撤销
          </View>
        </View>
      ) : null}
    </View>
  );
}

interface AppointValues {
  post: string | null;
  compoundId: number | null;
  buildingId: number | null;
  unitId: number | null;
  organisationId: number | null;
  phone: string;
  note: string;
}

const emptyValues = (): AppointValues => ({ post: null, compoundId: null, buildingId: null, unitId: null, organisationId: null, phone: '', note: '' });

/** The node a post goes on: the list's own place, or the compound / building / unit picked. */
function scopeOf(v: AppointValues, level: ScopeLevel | undefined, place: PlaceKey): number | null {
  if (level === 'compound') return v.compoundId;
  if (level === 'building') return v.buildingId;
  if (level === 'unit') return v.unitId;
  return level === place.level ? place.id : null;
}

/** 任命: the post, where, for which organisation, the person by the phone of their account. */
function AppointForm({ data, onDone }: { data: AppointmentsDTO; onDone: (post: AppointmentDTO) => void }) {
  const posts = data.appointable;
  // The values the server's field names are read against (scopeId → the picker of the post's level).
  const current = useRef<AppointValues>(emptyValues());
  const levelOf = (key: string | null) => posts.find((p) => postKey(p) === key)?.level;
  const f = useForm({
    initial: emptyValues,
    schema: ZAppointRequest,
    fields: ['post', 'compoundId', 'buildingId', 'unitId', 'organisationId', 'phone', 'note'] as const,
    required: { post: '请选择岗位', compoundId: '请选择小区', buildingId: '请选择楼栋', unitId: '请选择单元', organisationId: '请选择所在单位' },
    fieldOf: (path) => {
      if (path === 'role' || path === 'scopeLevel') return 'post';
      if (path === 'scopeId') {
        const level = levelOf(current.current.post);
        return level === 'unit' ? 'unitId' : level === 'building' ? 'buildingId' : 'compoundId';
      }
      if (path === 'organisationId' || path === 'phone' || path === 'note') return path;
      return null;
    },
    toRequest: (v) => {
      const post = posts.find((p) => postKey(p) === v.post);
      const request = {
        role: post?.role as AppointablePostDTO['role'],
        scopeLevel: post?.level as ScopeLevel,
        scopeId: scopeOf(v, post?.level, data.place) as number,
        phone: v.phone,
        ...(post?.organisations.length ? { organisationId: v.organisationId as number } : {}),
        ...(v.note.trim() ? { note: v.note } : {}),
      };
      return holderOf(v) ? { ...request, replace: true } : request;
    },
    send: (request) => appointments.appoint(request),
    onSuccess: (post) => {
      f.reset();
      onDone(post);
    },
  });
  current.current = f.values;
  const post = posts.find((p) => postKey(p) === f.values.post) ?? null;
  const level = post?.level;
  const compound = data.tree.find((c) => c.id === f.values.compoundId) ?? null;
  const building = compound?.children.find((b) => b.id === f.values.buildingId) ?? null;
  const options = (nodes: AppointmentPlaceDTO[]) => nodes.map((n) => ({ value: n.id, label: n.name }));

  /** The place's current head, when the post is one of the three heads (one per place). */
  function holderOf(v: AppointValues): AppointmentDTO | null {
    const p = posts.find((x) => postKey(x) === v.post);
    if (!p || !HEAD_LEVEL[p.role]) return null;
    const scopeId = scopeOf(v, p.level, data.place);
    return data.active.find((a) => a.role === p.role && a.scopeId === scopeId) ?? null;
  }
  const holder = holderOf(f.values);

  if (!posts.length) {
    return (
      <View className='muted' data-testid='appoint-none'>
        这里没有您可以任命的岗位。
      </View>
    );
  }
  return (
    <View data-testid='appoint-form'>
      <ChoiceGroup
        id='appoint-post'
        label='岗位'
        options={posts.map((p) => ({ value: postKey(p), label: p.roleLabel }))}
        value={f.values.post}
        onChange={(v) => f.patch({ post: v, organisationId: null })}
        error={f.errors.post}
      />
      {level === 'compound' || level === 'building' || level === 'unit' ? (
        <ChoiceGroup
          id='appoint-compound'
          label='小区'
          options={options(data.tree)}
          value={f.values.compoundId}
          onChange={(v) => f.patch({ compoundId: v, buildingId: null, unitId: null })}
          error={f.errors.compoundId}
          emptyText='本社区还没有小区'
        />
      ) : null}
      {(level === 'building' || level === 'unit') && compound ? (
        <ChoiceGroup
          id='appoint-building'
          label='楼栋'
          options={options(compound.children)}
          value={f.values.buildingId}
          onChange={(v) => f.patch({ buildingId: v, unitId: null })}
          error={f.errors.buildingId}
        />
      ) : null}
      {level === 'unit' && building ? (
        <ChoiceGroup id='appoint-unit' label='单元' options={options(building.children)} value={f.values.unitId} onChange={(v) => f.set('unitId', v)} error={f.errors.unitId} />
      ) : null}
      {post?.organisations.length ? (
        <ChoiceGroup
          id='appoint-org'
          label='所在单位'
          options={post.organisations.map((o) => ({ value: o.id, label: o.name }))}
          value={f.values.organisationId}
          onChange={(v) => f.set('organisationId', v)}
          error={f.errors.organisationId}
        />
      ) : null}
      <Field
        id='appoint-phone'
        label='被任命人的手机号（本人登录小程序时填写的）'
        type='number'
        maxlength={11}
        value={f.values.phone}
        onChange={(v) => f.set('phone', v)}
        error={f.errors.phone}
      />
      <TextBox id='appoint-note' label='任命说明（选填）' value={f.values.note} onChange={(v) => f.set('note', v)} max={APPOINTMENT_LIMITS.noteMax} error={f.errors.note} />
      {holder ? (
        <View className='notice' role='status' data-testid='appoint-holder'>
          现任{holder.roleLabel}：{holder.person.name}。任命后由新人接替，{holder.person.name}的任职记录会保留在历史中。
        </View>
      ) : null}
      {f.formError ? (
        <View className='notice' role='alert' data-testid='appoint-error'>
          {f.formError}
        </View>
      ) : null}
      <BusyButton label={holder ? '接替现任并任命' : '任命'} busy={f.busy} busyLabel='提交中…' onClick={f.submit} testId='appoint-submit' />
    </View>
  );
}

/**
 * 人员任命 (community and street staff, the city): who holds which post in my community (or
 * street) by role, 任命 and 撤销 with a reason, and the history of ended posts. What each caller
 * may appoint comes from the server (APPOINTMENT_RULES), so the page offers nothing it would refuse.
 */
export default function AppointmentsPage() {
  const [visit, setVisit] = useState(0);
  const [place, setPlace] = useState<PlaceKey | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The form opens at the top on request: a clerk comes to appoint someone or to revoke someone,
  // and neither should scroll past the other's whole list.
  const [appointing, setAppointing] = useState(false);
  useDidShow(() => setVisit((v) => v + 1));
  const list = useLoad(() => appointments.list(place ?? {}), [visit, place?.level, place?.id]);
  const data = list.data;
  const here: PlaceKey | null = data ? { level: data.place.level, id: data.place.id } : null;

  const groups = useMemo(() => {
    if (!data) return [];
    return APPOINTMENT_ROLE_ORDER.map((role) => ({ role, posts: data.active.filter((a) => a.role === role) })).filter((g) => g.posts.length);
  }, [data]);

  const reload = (message: string | null) => {
    setDone(message);
    list.reload();
  };

  return (
    <Page title='人员任命'>
      <View className='muted appt__hint'>小区长、楼栋长、单元长、网格员等岗位由上一级任命和撤销。撤销后记录保留，本人下一次操作起即失去该岗位的权限。</View>
      <StateView loading={list.loading && !data} error={list.error} onRetry={list.reload} />
      {data && here ? (
        <>
          {data.places.length > 1 ? (
            <ChoiceGroup
              id='appt-place'
              label='街道 / 社区'
              options={data.places.map((p) => ({ value: `${p.level}:${p.id}`, label: p.name }))}
              value={`${here.level}:${here.id}`}
              onChange={(v) => {
                const [level, id] = v.split(':');
                setDone(null);
                setPlace({ level: level as PlaceKey['level'], id: Number(id) });
              }}
            />
          ) : null}
          {done ? (
            <View className='success' role='status' data-testid='appt-done'>
              {done}
            </View>
          ) : null}
          {appointing ? (
            <Section title='任命' hint='被任命人需先登录小程序并在“我的”中填写手机号。' testId='appt-appoint'>
              <AppointForm
                key={`${here.level}:${here.id}`}
                data={data}
                onDone={(p) => {
                  setAppointing(false);
                  reload(`已任命 ${p.person.name} 为${p.placeName}${p.roleLabel}`);
                }}
              />
              <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='appt-close' onClick={() => setAppointing(false)}>
                收起
              </View>
            </Section>
          ) : (
            <View
              className='btn btn--primary appt__open'
              role='button'
              {...FOCUSABLE}
              data-testid='appt-open'
              onClick={() => {
                setDone(null);
                setAppointing(true);
              }}
            >
              ＋ 任命新人员
            </View>
          )}
          <Section title={`${data.place.name} 在任人员`} testId='appt-active'>
            {groups.length ? (
              groups.map((g) => (
                <View key={g.role} className='appt__group' data-testid={`appt-group-${g.role}`}>
                  <View className='appt__group-title' role='heading' aria-level={3}>
                    {g.posts[0].roleLabel}（{g.posts.length}人）
                  </View>
                  <View role='list' aria-label={g.posts[0].roleLabel}>
                    {g.posts.map((p) => (
                      <ActivePost key={p.id} post={p} onChanged={() => reload(`已撤销 ${p.person.name} 的${p.roleLabel}职务`)} />
                    ))}
                  </View>
                </View>
              ))
            ) : (
              <View className='muted'>暂无在任人员</View>
            )}
          </Section>
          <Section title='历史记录' hint={`最近撤销的${APPOINTMENT_LIMITS.historyMax}条以内`} testId='appt-history'>
            {data.history.length ? (
              <View role='list' aria-label='历史记录'>
                {data.history.map((h) => (
                  <View key={h.id} className='appt__post' role='listitem' data-testid={`history-${h.id}`}>
                    <View className='appt__who'>
                      {personText(h)} · {h.roleLabel}
                    </View>
                    <View className='appt__where'>{h.placeName}</View>
                    <View className='muted'>{appointedText(h)}</View>
                    <View className='muted'>
                      {h.endedBy?.name ?? ''} 撤销于 {formatTime(h.endedAt)}：{h.endReason}
                    </View>
                  </View>
                ))}
              </View>
            ) : (
              <View className='muted'>暂无撤销记录</View>
            )}
          </Section>
        </>
      ) : null}
    </Page>
  );
}
