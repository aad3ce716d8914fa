import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ApiError, NeedCommentDTO, NeedDetailDTO, VoiceNoteDTO } from '@hg/types';
import { CHANNEL_LABEL, NEED_LIST_LABEL, NEED_RULES } from '@hg/types/needs';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import { NeedBadges } from '../../../../components/NeedRow';
import { FOCUSABLE } from '../../../../components/a11y';
import { needs } from '../../../../services/needs';
import { formatTime } from '../../../../utils/format';
import PhoneLink from '../../../../components/PhoneLink';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import NeedActions from '../../components/NeedActions';
import PhotoStrip from '../../../../components/PhotoStrip';
import TextBox from '../../../../components/TextBox';
import VoiceNoteButton from '../../../../components/VoiceNoteButton';
import VoicePlayer from '../../../../components/VoicePlayer';
import VoiceTranscript from '../../../../components/VoiceTranscript';
import './index.scss';
import BusyButton from '../../../../components/BusyButton';

const SIDE_LABEL: Record<NeedCommentDTO['side'], string> = { resident: '居民', receiver: '接单方', community: '社区' };

function Line({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <View className='nd__line' data-testid={testId}>
      <View className='nd__key'>{label}</View>
      <View className='nd__val'>{children}</View>
    </View>
  );
}

function Timeline({ need }: { need: NeedDetailDTO }) {
  return (
    <View className='card'>
      <View className='card__title' role='heading' aria-level={2}>
        办理进度
      </View>
      <View className='nd__timeline' role='list' aria-label='办理进度' data-testid='need-timeline'>
        {need.events.map((e) => (
          <View key={e.id} className='nd__event' role='listitem'>
            <View className='nd__dot' aria-hidden='true' />
            <View className='nd__event-body'>
              <View className='nd__event-label'>{e.label}</View>
              <View className='muted'>
                {e.actor} · {formatTime(e.createdAt)}
              </View>
              {e.note ? <View className='nd__event-note'>{e.note}</View> : null}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

function Thread({ need, onChange }: { need: NeedDetailDTO; onChange: (n: NeedDetailDTO) => void }) {
  const [body, setBody] = useState('');
  const [voice, setVoice] = useState<VoiceNoteDTO | null>(null);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canReply = need.can.includes('comment');
  const send = async () => {
    if (busy) return;
    if (uploading) return setError('语音还在上传，请稍候');
    const text = body.trim();
    if (!text && !voice) return setError('请填写留言，或按住录一段语音');
    setBusy(true);
    setError(null);
    const res = await needs.comment({
      needId: need.id,
      ...(text ? { body: text } : {}),
      ...(voice ? { voiceNote: { fileId: voice.fileId, durationSec: voice.durationSec } } : {}),
    });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setBody('');
    setVoice(null);
    onChange(res.data);
    return undefined;
  };
  if (!need.comments.length && !canReply) return null;
  return (
    <View className='card'>
      <View className='card__title' role='heading' aria-level={2}>
        留言沟通
      </View>
      {need.comments.length === 0 ? <View className='muted'>还没有留言</View> : null}
      <View role='list' aria-label='留言' data-testid='need-thread'>
        {need.comments.map((c) => (
          <View key={c.id} role='listitem' className={`nd__msg nd__msg--${c.side} ${c.mine ? 'nd__msg--mine' : ''}`} data-testid={`comment-${c.id}`}>
            <View className='nd__msg-head'>
              <View className='nd__side'>{c.mine ? '我' : SIDE_LABEL[c.side]}</View>
              <View className='muted'>
                {c.author} · {formatTime(c.createdAt)}
              </View>
            </View>
            {c.body ? <View className='nd__msg-body'>{c.body}</View> : null}
            {c.voiceNote ? <VoicePlayer url={c.voiceNote.url} durationSec={c.voiceNote.durationSec} label='留言语音' testId={`comment-${c.id}-voice`} /> : null}
            {c.voiceNote ? (
              <VoiceTranscript
                note={c.voiceNote}
                onSave={(transcript) => needs.editTranscript({ needId: need.id, commentId: c.id, transcript })}
                testId={`comment-${c.id}-voice-text`}
              />
            ) : null}
          </View>
        ))}
      </View>
      {canReply ? (
        <View className='nd__reply'>
          <TextBox
            id='comment-body'
            label='回复'
            value={body}
            onChange={(v) => {
              setBody(v);
              setError(null);
            }}
            max={NEED_RULES.commentMax}
            error={error}
            placeholder='写下您想说的话'
          />
          <VoiceNoteButton value={voice} onChange={setVoice} onBusy={setUploading} label='按住 说话留言' testId='comment-voice' />
          <BusyButton label='发送留言' busy={busy} busyLabel='发送中…' onClick={send} testId='comment-send' />
        </View>
      ) : null}
    </View>
  );
}

/**
 * 谁来处理: the receiving organisation (or party member), the person who took the need on, and for
 * the need's residents a number to call while it is open (the server sends it only to them).
 */
function Handler({ need }: { need: NeedDetailDTO }) {
  const h = need.handler;
  if (!h)
    return (
      <Line label='接单方' testId='need-receiver'>
        {need.status === 'open_for_claim' ? '待认领' : '待派单'}
      </Line>
    );
  return (
    <View data-testid='need-handler'>
      <Line label='接单方' testId='need-receiver'>
        {h.name}（{h.kindLabel}）
      </Line>
      {h.person ? (
        <Line label='处理人' testId='need-handler-person'>
          {h.person}
        </Line>
      ) : null}
      {h.phone ? <PhoneLink phone={h.phone} label={h.person ? `联系${h.person}` : `联系${h.name}`} testId='need-handler-call' /> : null}
    </View>
  );
}

/** 已合并的重复需求: ids always, the text and a link only where the server allows it. */
function MergedFrom({ need }: { need: NeedDetailDTO }) {
  if (!need.mergedFrom.length) return null;
  return (
    <View className='card' data-testid='need-merged-from'>
      <View className='card__title' role='heading' aria-level={2}>
        合并到本需求的重复反映（{need.mergedFrom.length}）
      </View>
      <View role='list' aria-label='合并的需求'>
        {need.mergedFrom.map((m) => (
          <View key={m.id} role='listitem' className='nd__merged' data-testid={`merged-${m.id}`}>
            {m.linkable ? (
              <View role='link' className='nd__merged-link' {...FOCUSABLE} onClick={() => openPage(withQuery(ROUTES.needDetail, { id: m.id }))}>
                #{m.id} {m.excerpt}
              </View>
            ) : (
              `#${m.id} 其他居民反映的相同问题`
            )}
          </View>
        ))}
      </View>
    </View>
  );
}

/**
 * 「楼栋长处理中，超时后升级至小区」: a head whose rung the need has not reached sees why he has no
 * buttons yet, and when it would climb to him (Beijing time, whatever the phone's zone).
 */
function AwaitingRung({ need }: { need: NeedDetailDTO }) {
  const wait = need.awaitingRung;
  if (!wait) return null;
  const at = wait.escalatesAt ? Date.parse(wait.escalatesAt) : null;
  return (
    <View className='card nd__awaiting' role='note' data-testid='need-awaiting-rung'>
      <View className='nd__awaiting-title'>
        {wait.holder}处理中，超时后升级至{wait.nextLabel}
      </View>
      <View className='nd__awaiting-when' data-testid='need-awaiting-rung-at'>
        {at === null
          ? '需求挂起期间不计时，恢复办理后继续计时。'
          : at > Date.now()
            ? `如仍未处理，将于 ${formatTime(wait.escalatesAt)} 升级至${wait.nextLabel}，届时由您派单、转单或督办。`
            : `已超时，将在下一次定时检查时升级至${wait.nextLabel}，届时由您派单、转单或督办。`}
      </View>
    </View>
  );
}

/** 需求详情: facts, photos, the timeline, the thread and the buttons the server allows (`can`). */
export default function NeedDetailPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [need, setNeed] = useState<NeedDetailDTO | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!Number.isInteger(id) || id <= 0) {
      setLoading(false);
      setError({ code: 'NOT_FOUND', message: '需求不存在' });
      return undefined;
    }
    let live = true;
    void needs.get({ needId: id }).then((res) => {
      if (!live) return;
      setLoading(false);
      if (res.ok) {
        setNeed(res.data);
        setError(null);
      } else if (!need) setError(res.error);
    });
    return () => {
      live = false;
    };
  }, [id, tick]);

  useEffect(() => {
    if (need) void Taro.setNavigationBarTitle({ title: `${need.category.name} #${need.id}` });
  }, [need?.id, need?.category.name]);

  return (
    <Page title='需求详情'>
      <StateView loading={loading && !need} error={need ? null : error} onRetry={() => setTick((t) => t + 1)} />
      {need ? (
        <>
          {need.following ? (
            <View className='card nd__following' role='note' data-testid='need-following'>
              您反映的相同问题已合并到这里办理，进度和结果会通知您。
            </View>
          ) : null}
          <AwaitingRung need={need} />
          <View className='card' data-testid='need-detail'>
            <View className='nd__head'>
              <View className='nd__icon' aria-hidden='true'>
                {need.category.icon}
              </View>
              <View className='nd__title' role='heading' aria-level={2} data-testid='need-category'>
                {need.category.name}
              </View>
              <View className='nd__no'>编号 {need.id}</View>
            </View>
            <NeedBadges need={need} />
            {need.description ? (
              <View className='nd__desc' data-testid='need-description'>
                {need.description}
              </View>
            ) : null}
            {need.voiceNote ? <VoicePlayer url={need.voiceNote.url} durationSec={need.voiceNote.durationSec} label='居民语音' testId='need-voice' /> : null}
            {need.voiceNote ? <VoiceTranscript note={need.voiceNote} onSave={(transcript) => needs.editTranscript({ needId: need.id, transcript })} testId='need-voice-text' /> : null}
            <PhotoStrip photos={need.photos} label='现场照片' />
            <Line label='类别'>{NEED_LIST_LABEL[need.list]}</Line>
            <Line label='位置' testId='need-place'>
              {need.compound.name} {need.placeLabel}
            </Line>
            <Line label='详细位置'>{need.location || '未填写'}</Line>
            <Line label='报事人' testId='need-reporter'>
              {[need.reporter.name, need.reporter.phone ?? need.reporter.phoneMasked].filter(Boolean).join(' · ')}
              {need.channel !== 'self' ? `（${CHANNEL_LABEL[need.channel]}）` : ''}
            </Line>
            {need.reporter.phone ? <PhoneLink phone={need.reporter.phone} label={`联系${need.reporter.name}`} testId='need-reporter-call' /> : null}
            <Handler need={need} />
            <Line label='提交时间'>{formatTime(need.createdAt)}</Line>
            {need.acceptDueAt && ['submitted', 'dispatched', 'open_for_claim'].includes(need.status) ? (
              <Line label='预计响应' testId='need-accept-due'>
                {formatTime(need.acceptDueAt)} 前{need.overdue ? (need.reporting ? '（已超时，可以催办）' : '（已超时）') : ''}
              </Line>
            ) : null}
            {need.holdUntil && need.status === 'on_hold' ? <Line label='预计恢复'>{formatTime(need.holdUntil)}</Line> : null}
            {need.resolveDueAt && !need.resolvedAt ? <Line label='办结期限'>{formatTime(need.resolveDueAt)}</Line> : null}
            {need.urgeCount ? <Line label='催办次数'>{need.urgeCount}</Line> : null}
            {need.rejectReasonLabel ? <Line label='不予受理原因'>{need.rejectReasonLabel}</Line> : null}
            {need.mergedIntoId ? (
              <View
                className='btn btn--ghost nd__call'
                role='link'
                {...FOCUSABLE}
                onClick={() => openPage(withQuery(ROUTES.needDetail, { id: need.mergedIntoId ?? undefined }))}
              >
                查看合并后的需求 #{need.mergedIntoId}
              </View>
            ) : null}
          </View>

          {need.resolutionNote || need.resolutionPhotos.length ? (
            <View className='card' data-testid='need-resolution'>
              <View className='card__title' role='heading' aria-level={2}>
                办结情况
              </View>
              {need.resolvedAt ? (
                <Line label='办结时间' testId='need-resolved-at'>
                  {formatTime(need.resolvedAt)}
                </Line>
              ) : null}
              {need.resolutionNote ? <View>{need.resolutionNote}</View> : null}
              <PhotoStrip photos={need.resolutionPhotos} label='办结照片' />
              {need.rating ? (
                <View className='nd__rating' data-testid='need-rating'>
                  评价：{'★'.repeat(need.rating)}（{need.rating}星）{need.ratingComment ? ` ${need.ratingComment}` : ''}
                </View>
              ) : null}
            </View>
          ) : null}

          <MergedFrom need={need} />
          <NeedActions need={need} onChange={setNeed} onStale={() => setTick((t) => t + 1)} />
          <Thread need={need} onChange={setNeed} />
          <Timeline need={need} />
        </>
      ) : null}
    </Page>
  );
}
