import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { FirmCardDTO, FirmResultDTO } from '@hg/types';
import { COMPOUND_TYPE_LABEL } from '@hg/types/enums';
import { CRITERION_LABEL, Criterion, DIMENSION_LABEL, RATING_DIMENSIONS } from '@hg/types/ratings';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import FirmStars from '../../../../components/FirmStars';
import { FOCUSABLE } from '../../../../components/a11y';
import PhoneLink from '../../../../components/PhoneLink';
import { useLoad } from '../../../../hooks/useLoad';
import { me } from '../../../../services/me';
import { hasIdentity } from '../../../../services/platform';
import { ratings } from '../../../../services/ratings';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import { formatTime } from '../../../../utils/format';
import ScoreBars from '../../components/ScoreBars';
import { positiveId, scoreText, verifiedHomes } from '../../format';
import MaskFragment from '../../components/MaskFragment';
import './index.scss';

type Comment = FirmCardDTO['comments'][number];

function Result({ result, testId }: { result: FirmResultDTO; testId: string }) {
  return (
    <View className='rfirm__result' data-testid={testId}>
      <View className='muted'>
        {COMPOUND_TYPE_LABEL[result.compoundType]} · {result.periodCode} 期
      </View>
      <FirmStars stars={result.stars} sample={result.sample} size='lg' testId={`${testId}-stars`} />
      <ScoreBars
        label='四项得分'
        max={100}
        testId={`${testId}-criteria`}
        bars={Object.values(Criterion).map((c) => ({ key: c, label: CRITERION_LABEL[c], value: result.criteria[c], text: scoreText(result.criteria[c]) }))}
      />
      {Object.values(result.criteria).some((v) => v === null) ? (
        <View className='muted rfirm__dash' data-testid={`${testId}-dash`}>
          「—」表示本期这一项没有得分（例如考评员未打分）。
        </View>
      ) : null}
    </View>
  );
}

/** Stars per published period, oldest on the left: a plain CSS column chart. */
function Trend({ history }: { history: FirmResultDTO[] }) {
  const periods = [...history].reverse();
  return (
    <>
      <View className='rfirm__trend' role='list' aria-label='历期星级' data-testid='firm-trend'>
        {periods.map((h) => (
          <View
            key={`${h.periodId}-${h.compoundType}`}
            className='rfirm__col'
            role='listitem'
            aria-label={`${h.periodCode}：${h.stars === null ? '样本不足' : `${h.stars}星`}，${h.sample}户评价`}
          >
            <View className='rfirm__col-value' aria-hidden='true'>
              {h.stars === null ? '—' : h.stars}
            </View>
            <View className='rfirm__col-track' aria-hidden='true'>
              <View className='rfirm__col-fill' style={{ height: `${h.stars === null ? 0 : (h.stars / 5) * 100}%` }} />
            </View>
            <View className='rfirm__col-label' aria-hidden='true'>
              {h.periodCode}
            </View>
          </View>
        ))}
      </View>
      {periods.some((h) => h.stars === null) ? (
        <View className='muted rfirm__dash' data-testid='firm-trend-dash'>
          「—」表示该期评价不足5户，没有评星。
        </View>
      ) : null}
    </>
  );
}

function CommentRow({ comment }: { comment: Comment }) {
  const [body, setBody] = useState(comment.body);
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);
  const report = async () => {
    if (state !== 'idle') return;
    const ok = await Taro.showModal({
      title: '举报评论',
      content: '这条评论含有不实、辱骂或隐私内容吗？举报后由工作人员核查。',
      confirmText: '举报',
      cancelText: '取消',
    });
    if (!ok.confirm) return;
    setState('busy');
    const res = await ratings.reportComment({ ratingId: comment.ratingId });
    if (res.ok) {
      setState('done');
      setError(null);
      void Taro.showToast({ title: '已举报，感谢监督', icon: 'none' });
    } else {
      setState('idle');
      setError(res.error.message);
    }
  };
  return (
    <View className='rfirm__comment' role='listitem' data-testid={`comment-${comment.ratingId}`}>
      <View className='rfirm__comment-body' data-testid={`comment-body-${comment.ratingId}`}>
        {body}
      </View>
      <View className='muted rfirm__comment-meta'>{RATING_DIMENSIONS.map((d) => `${DIMENSION_LABEL[d]}${comment.scores[d]}星`).join(' · ')}</View>
      <View className='rfirm__comment-foot'>
        <View className='muted'>居民 · {formatTime(comment.at)}</View>
        <View
          className='btn btn--ghost rfirm__report'
          role='button'
          {...FOCUSABLE}
          aria-disabled={state === 'idle' ? 'false' : 'true'}
          aria-label={state === 'done' ? '已举报这条评论' : '举报这条评论'}
          data-testid={`report-${comment.ratingId}`}
          onClick={report}
        >
          {state === 'done' ? '已举报' : '举报'}
        </View>
      </View>
      {error ? (
        <View className='field__error' role='alert'>
          {error}
        </View>
      ) : null}
      {comment.canMask ? <MaskFragment ratingId={comment.ratingId} onMasked={setBody} /> : null}
    </View>
  );
}

/** What the household may do now: rate, change its rating, or why not (no open period…): never a button into a refusal. */
type RateState = { url: string; label: string } | { blocked: string } | null;

function Card({ card, rate }: { card: FirmCardDTO; rate: RateState }) {
  const [main, ...others] = card.results;
  const history = main ? card.history.filter((h) => h.compoundType === main.compoundType) : card.history;
  return (
    <>
      <View className='card' data-testid='firm-card'>
        <View className='card__title rfirm__name' role='heading' aria-level={2}>
          {card.firm.name}
        </View>
        {main ? <Result result={main} testId='firm-result' /> : <View className='muted'>暂无公布的评价结果</View>}
        {others.map((r) => (
          <Result key={r.compoundType} result={r} testId={`firm-result-${r.compoundType}`} />
        ))}
        <View className='muted rfirm__rule'>满5户评价才显示星级；评价户数少时，得分向全市平均靠拢。</View>
        {rate && 'url' in rate ? (
          <View className='btn btn--primary rfirm__rate' role='button' {...FOCUSABLE} data-testid='firm-rate' onClick={() => openPage(rate.url)}>
            {rate.label}
          </View>
        ) : null}
        {rate && 'blocked' in rate ? (
          <View className='notice rfirm__blocked' role='status' data-testid='firm-rate-blocked'>
            {rate.blocked}
          </View>
        ) : null}
        {card.firm.hotline ? <PhoneLink phone={card.firm.hotline} label='服务热线' testId='firm-hotline' /> : null}
      </View>

      {card.preview && card.preview.length ? (
        <View className='card' data-testid='firm-preview'>
          <View className='card__title' role='heading' aria-level={2}>
            本期实时预览（未公布）
          </View>
          {card.preview.map((r) => (
            <Result key={r.compoundType} result={r} testId={`firm-preview-${r.compoundType}`} />
          ))}
        </View>
      ) : null}

      {history.length ? (
        <View className='card'>
          <View className='card__title' role='heading' aria-level={2}>
            历期星级
          </View>
          <Trend history={history} />
        </View>
      ) : null}

      <View className='card' data-testid='firm-reply'>
        <View className='card__title' role='heading' aria-level={2}>
          物业回复
        </View>
        {card.reply ? (
          <>
            <View className='rfirm__reply'>{card.reply.body}</View>
            <View className='muted'>
              {card.reply.periodCode} 期 · {formatTime(card.reply.updatedAt)}
            </View>
          </>
        ) : (
          <View className='muted'>物业企业尚未回复</View>
        )}
      </View>

      <View className='card'>
        <View className='card__title' role='heading' aria-level={2}>
          居民评价
        </View>
        {card.comments.length === 0 ? <View className='muted'>暂无公开评价</View> : null}
        <View role='list' aria-label='居民评价'>
          {card.comments.map((c) => (
            <CommentRow key={c.ratingId} comment={c} />
          ))}
        </View>
        <View className='muted rfirm__rule'>评价不显示姓名和门牌。如有不实、辱骂或泄露隐私的内容，请点「举报」。</View>
      </View>
    </>
  );
}

/** 物业评价: a firm's published stars with their sample, the four criteria, history, its reply, comments, and 去评价. */
export default function FirmPage() {
  const { params } = useRouter();
  const firmId = positiveId(params.firmId);
  const compoundId = positiveId(params.compoundId);
  const card = useLoad(firmId ? () => ratings.firmCard({ firmId, ...(compoundId ? { compoundId } : {}) }) : null, [firmId, compoundId]);
  const profile = useLoad(hasIdentity() ? () => me.get() : null, []);

  // 去评价 only for a verified home; the home in this compound when we know it, else the rate page asks.
  const homes = verifiedHomes(profile.data);
  const here = compoundId ? homes.find((m) => m.compound.id === compoundId) : homes.length === 1 ? homes[0] : undefined;
  const rateUrl = homes.length ? withQuery(ROUTES.ratingRate, { householdId: here?.householdId }) : null;
  // With the home known, ask whether it may rate now: 「去评价」 only when the rate page will take it.
  const householdId = here?.householdId ?? null;
  const mine = useLoad(householdId ? () => ratings.myRating({ householdId }) : null, [householdId]);
  let rate: RateState = null;
  if (!rateUrl || (compoundId && !here))
    rate = null; // not her compound: her own firm is rated from her own compound's card
  else if (!householdId)
    rate = { url: rateUrl, label: '去评价' }; // several homes: the rate page asks which
  else if (mine.data && mine.data.firm?.id === firmId) {
    rate = mine.data.blockedReason ? { blocked: mine.data.blockedReason } : { url: rateUrl, label: mine.data.rating ? '修改我的评价' : '去评价' };
  } else if (mine.error) rate = { url: rateUrl, label: '去评价' };

  if (!firmId) {
    return (
      <Page title='物业评价'>
        <View className='notice' role='alert'>
          没有指定物业企业。
        </View>
      </Page>
    );
  }
  return (
    <Page title='物业评价'>
      <StateView loading={card.loading && !card.data} error={card.error} onRetry={card.reload} />
      {card.data ? <Card card={card.data} rate={rate} /> : null}
    </Page>
  );
}
