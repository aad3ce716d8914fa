import { useEffect, useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MyRatingDTO, VoiceNoteDTO } from '@hg/types';
import { DIMENSION_LABEL, RATING_DIMENSIONS, RATING_RULES, type RatingDimension } from '@hg/types/ratings';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import Stars from '../../../../components/Stars';
import TextBox from '../../../../components/TextBox';
import BusyButton from '../../../../components/BusyButton';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import VoiceNoteButton from '../../../../components/VoiceNoteButton';
import VoiceTranscript from '../../../../components/VoiceTranscript';
import VoicePlayer from '../../../../components/VoicePlayer';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { me } from '../../../../services/me';
import { ratings } from '../../../../services/ratings';
import { requestSubscribe } from '../../../../services/subscribe';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import { useForm } from '../../../../hooks/useForm';
import { ZRateFirmRequest } from '@hg/types/ratings-schemas';
import { maskPersonalData } from '@hg/types/privacy';
import { formatTime } from '../../../../utils/format';
import { positiveId, verifiedHomes } from '../../format';
import './index.scss';

type Scores = Record<RatingDimension, number>;
const EMPTY: Scores = { environment: 0, security: 0, repairs: 0, attitude: 0 };

/** The form itself, once the household's period, firm and own rating are known. */
function RateForm({ householdId, mine, onSaved }: { householdId: number; mine: MyRatingDTO; onSaved: (next: MyRatingDTO) => void }) {
  const rated = mine.rating;
  const changing = !!rated;
  const [done, setDone] = useState(false);
  // Read inside the tap (a ref: the consent is asked before the form's state is read back).
  const commented = useRef(false);
  const [uploading, setUploading] = useState(false);
  const f = useForm({
    initial: () => ({
      scores: mine.rating ? { ...mine.rating.scores } : EMPTY,
      comment: mine.rating?.comment ?? '',
      voiceNote: (mine.rating?.voiceNote ?? null) as VoiceNoteDTO | null,
    }),
    schema: ZRateFirmRequest,
    toRequest: (v) => ({
      householdId,
      scores: v.scores,
      ...(v.comment.trim() ? { comment: v.comment } : {}),
      ...(v.voiceNote ? { voiceNote: { fileId: v.voiceNote.fileId, durationSec: v.voiceNote.durationSec } } : {}),
    }),
    blocked: () => (uploading ? '语音还在上传，请稍等' : null),
    // One line for every row still without stars, rather than the schema's 最少1星 per row.
    check: (v) => {
      const missing = RATING_DIMENSIONS.filter((d) => !v.scores[d]);
      return missing.length ? { scores: `请为「${missing.map((d) => DIMENSION_LABEL[d]).join('」「')}」选择星级` } : {};
    },
    // Whoever rates is told when another member of the household changes it, and the author of a
    // comment when the firm replies to it or a moderator hides, removes or restores it: ask consent
    // for what will concern her while she taps (WeChat allows the prompt only inside a tap).
    before: () => requestSubscribe(commented.current ? ['rating_update', 'rating_comment'] : ['rating_update']),
    send: (request) => ratings.rate(request),
    onSuccess: (data) => {
      setDone(true);
      onSaved(data);
    },
  });
  const { scores, comment, voiceNote } = f.values;
  commented.current = !!comment.trim() || !!voiceNote;

  return (
    <View className='card rrate' data-testid='rate-form'>
      <View className='card__title' role='heading' aria-level={2}>
        {!rated ? '给物业打分' : rated.byMe ? '修改我的评价' : '修改本户的评价'}
      </View>
      <View className='rrate__who' data-testid='rate-firm'>
        {mine.firm?.name} · {mine.period?.code} 期
      </View>
      {/* One household, one voice: say plainly that the household has rated, when, and whose stars these are. */}
      {rated ? (
        <View className='notice rrate__status' role='status' data-testid='rate-household-status'>
          本户已于{formatTime(rated.ratedAt)}评价
          {rated.changes ? `，已修改${rated.changes}次（最近一次${formatTime(rated.updatedAt)}）` : ''}。
          {rated.byMe ? '下面是您提交的评价。' : '下面的星级是家中其他成员提交的。'}
          {rated.commentByOther ? '那位家人写的评语或语音留言只有其本人能看到。' : ''}
          {rated.byMe ? '' : '您提交后，本户的评价（星级和评语）以您的为准，并会通知那位家人。'}
        </View>
      ) : null}
      <View className='muted rrate__hint' data-testid='rate-rule'>
        每户每期一票：{mine.period ? `${mine.period.endsOn} 前` : '本期内'}
        ，家中已认证的成员都可以修改，以最后一次提交为准；评价被家人修改时，会通知原来评价的人。
      </View>
      {RATING_DIMENSIONS.map((d) => (
        <Stars key={d} id={`rate-${d}`} label={DIMENSION_LABEL[d]} value={scores[d]} onChange={(n) => f.set('scores', { ...scores, [d]: n })} />
      ))}
      {f.errors.scores ? (
        <View className='field__error' role='alert' data-testid='rate-error'>
          {f.errors.scores}
        </View>
      ) : null}
      <TextBox
        id='rate-comment'
        label='想说的话（选填，不显示姓名）'
        value={comment}
        onChange={(v) => f.set('comment', v)}
        max={RATING_RULES.commentMax}
        counter
        error={f.errors.comment}
      />
      {/* Others read the comment with phone numbers, ID numbers and doors masked: show the author before they send. */}
      {maskPersonalData(comment.trim()) !== comment.trim() ? (
        <View className='muted rate__masked' data-testid='rate-masked-preview'>
          电话、身份证号和门牌号不会公开。其他人看到的是：{maskPersonalData(comment.trim())}
        </View>
      ) : null}
      {/* For residents who cannot type: a voice note beside or instead of the words, never public. */}
      <View className='rrate__voice-title'>不方便打字？可以说给物业听（选填）</View>
      <View className='notice rrate__voice-who' data-testid='rate-voice-who'>
        语音留言不公开：只有本小区的物业工作人员和社区审核人员能听到，其他居民看不到也听不到。
      </View>
      <VoiceNoteButton
        value={voiceNote}
        onChange={(note) => f.set('voiceNote', note)}
        onBusy={setUploading}
        label='按住 说出您的评价'
        error={f.errors.voiceNote}
        testId='rate-voice'
      />
      {voiceNote && rated?.voiceNote?.fileId === voiceNote.fileId ? (
        <VoiceTranscript
          note={rated.voiceNote}
          onSave={(text) => ratings.editTranscript({ ratingId: rated.id, transcript: text })}
          testId='rate-voice-text'
        />
      ) : null}
      {f.formError ? (
        <View className='notice' role='alert' data-testid='rate-form-error'>
          {f.formError}
        </View>
      ) : null}
      {done ? (
        <View className='success' role='status' data-testid='rate-done'>
          感谢您的评价，本期内可以修改
        </View>
      ) : null}
      <BusyButton label={changing ? '提交修改' : '提交评价'} busy={f.busy} onClick={f.submit} testId='rate-submit' />
    </View>
  );
}

const COMMENT_STATE_TEXT: Record<'visible' | 'hidden' | 'removed', string> = {
  visible: '您的评语：按公示规则公开（已隐去电话、门牌等信息）',
  hidden: '您的评语：因被多次举报暂时隐藏，等待社区审核',
  removed: '您的评语：社区审核后未予公开；您的评分仍然有效',
};

/**
 * 上一期您家的评价: the household's rating in its latest closed period — where a message about the
 * comment (hidden, removed, given back) leads once rating is over. The author reads the comment and
 * what became of it; another member reads the scores.
 */
function PreviousRating({ previous }: { previous: NonNullable<MyRatingDTO['previous']> }) {
  const { period, rating, commentState, voiceHidden } = previous;
  return (
    <View className='card' data-testid='rate-previous'>
      <View className='card__title' role='heading' aria-level={2}>
        {period.code} 您家的评价（{period.statusLabel}）
      </View>
      <View>{RATING_DIMENSIONS.map((d) => `${DIMENSION_LABEL[d]}${rating.scores[d]}星`).join(' · ')}</View>
      {rating.byMe && rating.comment ? <View className='rrate__previous-comment'>「{rating.comment}」</View> : null}
      {commentState ? (
        <View className={commentState === 'visible' ? 'muted' : 'notice'} data-testid='rate-previous-state'>
          {COMMENT_STATE_TEXT[commentState]}
        </View>
      ) : null}
      {rating.voiceNote ? (
        <View>
          <VoicePlayer url={rating.voiceNote.url} durationSec={rating.voiceNote.durationSec} label='我的语音留言' testId='rate-previous-voice' />
          <View className={voiceHidden ? 'notice' : 'muted'} data-testid='rate-previous-voice-state'>
            {voiceHidden ? '您的语音留言：社区审核后不再给物业收听' : '您的语音留言：仅物业与审核人员可听'}
          </View>
        </View>
      ) : null}
      {rating.commentByOther ? <View className='muted'>家里另一位成员留了评语，仅其本人可见。</View> : null}
    </View>
  );
}

/** Which household rates: the query's, else the only verified home, else the person picks one. */
function useHousehold(fromQuery: number | null) {
  const profile = useLoad(fromQuery ? null : () => me.get(), [fromQuery]);
  const homes = verifiedHomes(profile.data);
  const [picked, setPicked] = useState<number | null>(null);
  useEffect(() => {
    if (!picked && homes.length === 1) setPicked(homes[0].householdId);
  }, [homes.length]);
  return { householdId: fromQuery ?? picked, setPicked, homes, profile };
}

/** 评价物业: one screen, four rows of big stars, an optional comment, one button (BRIEF §3.3). */
export default function RatePage() {
  const { params } = useRouter();
  const { householdId, setPicked, homes, profile } = useHousehold(positiveId(params.householdId));
  const mine = useLoad(householdId ? () => ratings.myRating({ householdId }) : null, [householdId]);
  const [saved, setSaved] = useState<MyRatingDTO | null>(null);
  useEffect(() => setSaved(null), [householdId]);
  const data = saved ?? mine.data;

  return (
    <Page title='评价物业'>
      <StateView loading={profile.loading} error={profile.error} onRetry={profile.reload} />
      {!householdId && profile.data && homes.length === 0 ? (
        <View className='notice' role='alert' data-testid='rate-no-home'>
          只有认证过房屋的居民才能评价物业。请先绑定房屋，等待楼栋长或社区审核。
          <View className='btn btn--primary rrate__bind' role='button' {...FOCUSABLE} onClick={() => openPage(ROUTES.bind)}>
            去绑定房屋
          </View>
        </View>
      ) : null}
      {homes.length > 1 ? (
        <View className='card'>
          <ChoiceGroup
            id='rate-home'
            label='为哪一处房屋评价'
            options={homes.map((m) => ({ value: m.householdId, label: `${m.compound.name} ${m.address}` }))}
            value={householdId}
            onChange={setPicked}
          />
        </View>
      ) : null}
      {householdId ? <StateView loading={mine.loading && !data} error={mine.error} onRetry={mine.reload} /> : null}
      {householdId && data && !mine.loading ? (
        data.blockedReason ? (
          <View className='notice' role='alert' data-testid='rate-blocked'>
            {data.blockedReason}
          </View>
        ) : (
          <RateForm key={householdId} householdId={householdId} mine={data} onSaved={setSaved} />
        )
      ) : null}
      {householdId && data?.previous && !mine.loading ? <PreviousRating previous={data.previous} /> : null}
      {data?.firm ? (
        <View
          className='btn btn--ghost'
          role='button'
          {...FOCUSABLE}
          data-testid='rate-firm-card'
          onClick={() => openPage(withQuery(ROUTES.ratingFirm, { firmId: data.firm?.id }))}
        >
          查看物业评价结果
        </View>
      ) : null}
    </Page>
  );
}
