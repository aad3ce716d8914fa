import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { FirmCardDTO } from '@hg/types';
import { DIMENSION_LABEL, RATING_DIMENSIONS, REPORT_REASON_LABEL, ReportReason } from '@hg/types/ratings';
import BusyButton from '../../../../components/BusyButton';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import { FOCUSABLE } from '../../../../components/a11y';
import { ratings } from '../../../../services/ratings';
import { formatTime } from '../../../../utils/format';
import VoicePlayer from '../../../../components/VoicePlayer';
import VoiceTranscript from '../../../../components/VoiceTranscript';
import MaskFragment from '../MaskFragment';
import './index.scss';

type Comment = FirmCardDTO['comments'][number];

const REASONS = Object.values(ReportReason).map((r) => ({ value: r, label: REPORT_REASON_LABEL[r] }));

/** The firm's reply under a comment: who answers (the firm, never a person) and when, 已修改 when replaced. */
export function ReplyUnder({ reply, testId }: { reply: NonNullable<Comment['reply']>; testId: string }) {
  const edited = reply.updatedAt !== reply.repliedAt;
  return (
    <View className='fcomments__reply' data-testid={testId}>
      <View className='fcomments__reply-who'>物业回复</View>
      <View className='fcomments__reply-body'>{reply.body}</View>
      <View className='muted fcomments__reply-at'>
        {formatTime(reply.updatedAt)}
        {edited ? ' · 已修改' : ''}
      </View>
    </View>
  );
}

/**
 * 居民语音留言 under a comment, for the rated firm's staff and the moderators only (the server sends
 * it to no one else): the player, its transcript where the city has one, and for moderators
 * 隐藏语音 (kept from the firm) / 恢复语音.
 */
export function VoiceUnder({ comment }: { comment: Pick<Comment, 'ratingId' | 'voiceNote' | 'voiceHidden' | 'canMask'> }) {
  const [hidden, setHidden] = useState(comment.voiceHidden);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const note = comment.voiceNote;
  if (!note) return null;
  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    const res = await ratings.hideVoice({ ratingId: comment.ratingId, hidden: !hidden });
    setBusy(false);
    if (res.ok) {
      setHidden(res.data.voiceHidden);
      setError(null);
    } else setError(res.error.message);
  };
  return (
    <View className='fcomments__voice' data-testid={`comment-voice-${comment.ratingId}`}>
      <View className='fcomments__voice-label'>居民语音留言，仅物业与审核人员可听</View>
      <VoicePlayer url={note.url} durationSec={note.durationSec} label='居民语音' testId={`comment-voice-player-${comment.ratingId}`} />
      <VoiceTranscript
        note={note}
        onSave={(transcript) => ratings.editTranscript({ ratingId: comment.ratingId, transcript })}
        testId={`comment-voice-text-${comment.ratingId}`}
      />
      {comment.canMask ? (
        <View className='fcomments__voice-mod'>
          {hidden ? <View className='muted'>已对物业隐藏（物业听不到）</View> : null}
          <BusyButton
            className='btn--ghost'
            label={hidden ? '恢复语音（物业可听）' : '隐藏语音（物业将听不到）'}
            busy={busy}
            busyLabel='处理中…'
            onClick={() => void toggle()}
            testId={`comment-voice-hide-${comment.ratingId}`}
          />
        </View>
      ) : null}
      {error ? (
        <View className='field__error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  );
}

/**
 * One public comment with the firm's reply under it, and 举报 with a reason: the reasons open in
 * place (big chips, no dialog), so a resident sees what she is choosing before she confirms.
 */
function CommentRow({ comment }: { comment: Comment }) {
  const [body, setBody] = useState(comment.body);
  const [state, setState] = useState<'idle' | 'choosing' | 'busy' | 'done'>('idle');
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    if (state === 'busy') return;
    if (!reason) return setError('请选择举报理由');
    setState('busy');
    const res = await ratings.reportComment({ ratingId: comment.ratingId, reason });
    if (res.ok) {
      setState('done');
      setError(null);
      void Taro.showToast({ title: '已举报，感谢监督', icon: 'none' });
    } else {
      setState('choosing');
      setError(res.error.message);
    }
  };
  return (
    <View className='fcomments__comment' role='listitem' data-testid={`comment-${comment.ratingId}`}>
      <View className='fcomments__body' data-testid={`comment-body-${comment.ratingId}`}>
        {body || '（只留了语音）'}
      </View>
      <View className='muted fcomments__meta'>{RATING_DIMENSIONS.map((d) => `${DIMENSION_LABEL[d]}${comment.scores[d]}星`).join(' · ')}</View>
      <View className='fcomments__foot'>
        <View className='muted'>居民 · {formatTime(comment.at)}</View>
        {/* A voice note alone is never public: nothing to report (its hearers are the firm and the moderators). */}
        {state === 'choosing' || state === 'busy' || !comment.body ? null : (
          <View
            className='btn btn--ghost fcomments__report'
            role='button'
            {...FOCUSABLE}
            aria-disabled={state === 'idle' ? 'false' : 'true'}
            aria-label={state === 'done' ? '已举报这条评论' : '举报这条评论'}
            data-testid={`report-${comment.ratingId}`}
            onClick={() => state === 'idle' && setState('choosing')}
          >
            {state === 'done' ? '已举报' : '举报'}
          </View>
        )}
      </View>
      {state === 'choosing' || state === 'busy' ? (
        <View className='fcomments__reasons' data-testid={`report-reasons-${comment.ratingId}`}>
          <ChoiceGroup
            id={`report-reason-${comment.ratingId}`}
            label='举报理由（由社区工作人员核查）'
            options={REASONS}
            value={reason}
            onChange={(r) => {
              setReason(r);
              setError(null);
            }}
          />
          <View className='btn-row'>
            <View
              className='btn btn--ghost'
              role='button'
              {...FOCUSABLE}
              data-testid={`report-cancel-${comment.ratingId}`}
              onClick={() => {
                setState('idle');
                setError(null);
              }}
            >
              取消
            </View>
            <BusyButton label='确认举报' busy={state === 'busy'} busyLabel='提交中…' onClick={() => void send()} testId={`report-send-${comment.ratingId}`} />
          </View>
        </View>
      ) : null}
      {error ? (
        <View className='field__error' role='alert'>
          {error}
        </View>
      ) : null}
      <VoiceUnder comment={comment} />
      {comment.reply ? <ReplyUnder reply={comment.reply} testId={`comment-reply-${comment.ratingId}`} /> : null}
      {comment.canMask ? <MaskFragment ratingId={comment.ratingId} onMasked={setBody} /> : null}
    </View>
  );
}

/**
 * 居民评价 on the firm's page: the firm's general statement for the period first (物业总体回应,
 * when it made one), then each comment with the firm's reply under it. No names, no doors.
 */
export default function FirmComments({ card }: { card: FirmCardDTO }) {
  return (
    <>
      {card.reply ? (
        <View className='card' data-testid='firm-reply'>
          <View className='card__title' role='heading' aria-level={2}>
            物业总体回应
          </View>
          <View className='fcomments__statement'>{card.reply.body}</View>
          <View className='muted'>
            {card.reply.periodCode} 期 · {formatTime(card.reply.updatedAt)}
          </View>
        </View>
      ) : null}
      <View className='card' data-testid='firm-comments'>
        <View className='card__title' role='heading' aria-level={2}>
          居民评价
        </View>
        {card.comments.length === 0 ? <View className='muted'>暂无公开评价</View> : null}
        <View role='list' aria-label='居民评价'>
          {card.comments.map((c) => (
            <CommentRow key={c.ratingId} comment={c} />
          ))}
        </View>
        <View className='muted fcomments__rule'>评价不显示姓名和门牌。如有不实、辱骂或泄露隐私的内容，请点「举报」并选择理由。</View>
      </View>
    </>
  );
}
