import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { FirmCardDTO } from '@hg/types';
import { DIMENSION_LABEL, RATING_DIMENSIONS, RATING_RULES } from '@hg/types/ratings';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import TextBox from '../../../../components/TextBox';
import BusyButton from '../../../../components/BusyButton';
import FirmStars from '../../../../components/FirmStars';
import { FOCUSABLE } from '../../../../components/a11y';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import { useLoad } from '../../../../hooks/useLoad';
import { me } from '../../../../services/me';
import { ratings } from '../../../../services/ratings';
import { useForm } from '../../../../hooks/useForm';
import { ZReplyCommentRequest, ZReplyRequest } from '@hg/types/ratings-schemas';
import { formatTime } from '../../../../utils/format';
import { positiveId } from '../../format';
import { maskPersonalData } from '@hg/types/privacy';
import { requestSubscribe } from '../../../../services/subscribe';
import { ReplyUnder, VoiceUnder } from '../../components/FirmComments';
import './index.scss';

/**
 * The firm's staff are told by WeChat message when results are published and when a comment on the
 * firm is hidden or decided: ask consent while they tap to publish a reply (WeChat allows it only in a tap).
 */
const askFirmConsent = () => requestSubscribe(['rating_result', 'rating_task']);

/** What a public reply will read like: doors, mobiles and ID numbers masked, as the server masks them. */
function MaskedPreview({ body, testId }: { body: string; testId: string }) {
  const text = body.trim();
  if (maskPersonalData(text) === text) return null;
  return (
    <View className='muted' data-testid={testId}>
      回复是公开的，居民的门牌号、手机号和身份证号不会显示。公开后显示为：{maskPersonalData(text)}
    </View>
  );
}

/** The general statement for the latest published period (one per period, editable), shown above the comments. */
function ReplyBox({ card, onSaved }: { card: FirmCardDTO; onSaved: (next: FirmCardDTO) => void }) {
  const latest = card.history[0] ?? card.results[0] ?? null;
  const existing = latest && card.reply?.periodCode === latest.periodCode ? card.reply : null;
  const [done, setDone] = useState(false);
  const f = useForm({
    initial: () => ({ body: existing?.body ?? '' }),
    schema: ZReplyRequest,
    toRequest: (v) => ({ firmId: card.firm.id, periodId: latest?.periodId as number, body: v.body }),
    before: askFirmConsent,
    send: (request) => ratings.reply(request),
    onSuccess: (data) => {
      setDone(true);
      onSaved(data);
    },
  });
  const body = f.values.body;

  if (!latest) {
    return (
      <View className='notice' role='status' data-testid='reply-none'>
        还没有公布的评价期，结果公布后可以回复。
      </View>
    );
  }
  return (
    <View className='card' data-testid='reply-box'>
      <View className='card__title' role='heading' aria-level={2}>
        本期总体回应（{latest.periodCode} 期）
      </View>
      <View className='muted rreply__hint'>
        显示在本企业物业评价页的居民评价上方，所有居民可见。每期一条，可以修改。针对某条评价的回复请在下方该评价处填写。
      </View>
      <TextBox
        id='reply-body'
        label={existing ? '修改回复' : '回复内容'}
        value={body}
        onChange={(v) => f.set('body', v)}
        max={RATING_RULES.replyMax}
        counter
        error={f.errors.body}
      />
      <MaskedPreview body={body} testId='reply-masked-preview' />
      {f.formError ? (
        <View className='notice' role='alert' data-testid='reply-error'>
          {f.formError}
        </View>
      ) : null}
      {done ? (
        <View className='success' role='status' data-testid='reply-done'>
          总体回应已公开
        </View>
      ) : null}
      <BusyButton label={existing ? '保存修改' : '发布总体回应'} busy={f.busy} onClick={f.submit} testId='reply-submit' />
      {done ? (
        <View
          className='btn btn--ghost rreply__see'
          role='button'
          {...FOCUSABLE}
          data-testid='reply-see'
          onClick={() => openPage(withQuery(ROUTES.ratingFirm, { firmId: card.firm.id }))}
        >
          看看居民看到的物业评价页
        </View>
      ) : null}
    </View>
  );
}

type Comment = FirmCardDTO['comments'][number];

/**
 * One comment with the firm's reply under it, and the box to reply (or change the reply) in place:
 * one current reply per comment; a change replaces it (the earlier text is kept in the record).
 */
function CommentReply({ comment, onSaved }: { comment: Comment; onSaved: (next: FirmCardDTO) => void }) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const f = useForm({
    initial: () => ({ body: '' }),
    schema: ZReplyCommentRequest,
    toRequest: (v) => ({ ratingId: comment.ratingId, body: v.body }),
    before: askFirmConsent,
    send: (request) => ratings.replyComment(request),
    onSuccess: (data) => {
      setOpen(false);
      setDone(true);
      onSaved(data);
    },
  });
  const start = () => {
    f.set('body', comment.reply?.body ?? '');
    setDone(false);
    setOpen(true);
  };
  return (
    <View className='rreply__comment' role='listitem' data-testid={`feedback-${comment.ratingId}`}>
      <View className='rreply__body'>{comment.body || '（只留了语音）'}</View>
      <View className='muted rreply__meta'>
        {RATING_DIMENSIONS.map((d) => `${DIMENSION_LABEL[d]}${comment.scores[d]}星`).join(' · ')} · {formatTime(comment.at)}
      </View>
      <VoiceUnder comment={comment} />
      {comment.reply ? <ReplyUnder reply={comment.reply} testId={`feedback-reply-${comment.ratingId}`} /> : null}
      {done ? (
        <View className='success' role='status' data-testid={`feedback-done-${comment.ratingId}`}>
          回复已公开，评价人会收到通知
        </View>
      ) : null}
      {open ? (
        <View className='rreply__form'>
          <TextBox
            id={`reply-to-${comment.ratingId}`}
            label={comment.reply ? '修改对这条评价的回复' : '回复这条评价'}
            value={f.values.body}
            onChange={(v) => f.set('body', v)}
            max={RATING_RULES.replyMax}
            counter
            error={f.errors.body}
          />
          <MaskedPreview body={f.values.body} testId={`feedback-masked-${comment.ratingId}`} />
          {f.formError ? (
            <View className='notice' role='alert'>
              {f.formError}
            </View>
          ) : null}
          <View className='btn-row'>
            <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid={`feedback-cancel-${comment.ratingId}`} onClick={() => setOpen(false)}>
              取消
            </View>
            <BusyButton label={comment.reply ? '保存修改' : '发布回复'} busy={f.busy} onClick={f.submit} testId={`feedback-send-${comment.ratingId}`} />
          </View>
        </View>
      ) : !comment.body ? (
        // A voice note alone is not public, so there is nothing to answer in public: phone the household through the community.
        <View className='muted' data-testid={`feedback-voice-only-${comment.ratingId}`}>
          语音留言不公开，不能公开回复；如需联系居民，请通过社区转达。
        </View>
      ) : (
        <View className='btn btn--ghost rreply__open' role='button' {...FOCUSABLE} data-testid={`feedback-open-${comment.ratingId}`} onClick={start}>
          {comment.reply ? '修改回复' : '回复'}
        </View>
      )}
    </View>
  );
}

function FirmFeedback({ firmId }: { firmId: number }) {
  const load = useLoad(() => ratings.firmCard({ firmId }), [firmId]);
  const [saved, setSaved] = useState<FirmCardDTO | null>(null);
  const card = saved ?? load.data;
  if (!card) return <StateView loading={load.loading} error={load.error} onRetry={load.reload} />;
  const result = card.results[0];
  return (
    <>
      <View className='card'>
        <View className='card__title' role='heading' aria-level={2}>
          {card.firm.name}
        </View>
        {result ? <FirmStars stars={result.stars} sample={result.sample} size='lg' /> : <View className='muted'>暂无公布的评价结果</View>}
      </View>
      <ReplyBox key={card.firm.id} card={card} onSaved={setSaved} />
      <View className='card'>
        <View className='card__title' role='heading' aria-level={2}>
          居民意见（不显示姓名）
        </View>
        <View className='muted rreply__hint'>逐条回复会显示在该评价下方，评价人会收到通知。</View>
        {card.comments.length === 0 ? <View className='muted'>暂无居民意见</View> : null}
        <View role='list' aria-label='居民意见'>
          {card.comments.map((c) => (
            <CommentReply key={c.ratingId} comment={c} onSaved={setSaved} />
          ))}
        </View>
      </View>
    </>
  );
}

/** 评价反馈 (the firm's own staff): what residents said, without who said it, and the firm's public reply. */
export default function ReplyPage() {
  const { params } = useRouter();
  const fromQuery = positiveId(params.firmId);
  const profile = useLoad(fromQuery ? null : () => me.get(), [fromQuery]);
  const orgs: { id: number; name: string }[] = [];
  for (const r of profile.data?.roles ?? []) {
    if (r.role === 'org_staff' && r.organisation && !orgs.some((o) => o.id === r.organisation?.id)) orgs.push(r.organisation);
  }
  const [picked, setPicked] = useState<number | null>(null);
  const firmId = fromQuery ?? picked ?? (orgs.length === 1 ? orgs[0].id : null);

  return (
    <Page title='评价反馈'>
      <StateView loading={profile.loading} error={profile.error} onRetry={profile.reload} />
      {!fromQuery && profile.data && orgs.length === 0 ? (
        <View className='notice' role='alert'>
          您不是物业企业的工作人员，不能回复评价。
        </View>
      ) : null}
      {!fromQuery && orgs.length > 1 ? (
        <View className='card'>
          <ChoiceGroup id='reply-firm' label='物业企业' options={orgs.map((o) => ({ value: o.id, label: o.name }))} value={firmId} onChange={setPicked} />
        </View>
      ) : null}
      {firmId ? <FirmFeedback key={firmId} firmId={firmId} /> : null}
    </Page>
  );
}
