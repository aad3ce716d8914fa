import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { CompoundType, FirmCardDTO, FirmResultDTO } from '@hg/types';
import { COMPOUND_TYPE_LABEL } from '@hg/types/enums';
import { CRITERION_LABEL, Criterion } from '@hg/types/ratings';
import { localDay } from '@hg/types/local-time';
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
import ScoreBars from '../../components/ScoreBars';
import { positiveId, scoreText, verifiedHomes } from '../../format';
import AssessorEvidence from '../../components/AssessorEvidence';
import FirmComments from '../../components/FirmComments';
import './index.scss';

/** 更正记录: every version of the result with its reason, who and when (the firm's staff and the admin). */
function Versions({ resultId, testId }: { resultId: number; testId: string }) {
  const versions = useLoad(() => ratings.resultVersions({ resultId }), [resultId]);
  return (
    <View className='rfirm__versions' data-testid={testId}>
      <StateView loading={versions.loading && !versions.data} error={versions.error} onRetry={versions.reload} />
      <View role='list' aria-label='更正记录'>
        {(versions.data ?? []).map((v) => (
          <View key={v.version} className='rfirm__version' role='listitem' data-testid={`${testId}-${v.version}`}>
            <View className='rfirm__version-head'>
              第{v.version}版 · {localDay(new Date(v.at))} · {v.actor}
            </View>
            <View>
              {v.stars === null ? '样本不足' : `${v.stars}星`}
              {v.composite === null ? '' : `，综合分${v.composite}分`}；
              {(['organisation', 'team', 'service'] as const).map((c) => `${CRITERION_LABEL[c]}${scoreText(v.criteria[c])}`).join('、')}
            </View>
            <View className='muted'>原因：{v.reason}</View>
          </View>
        ))}
      </View>
    </View>
  );
}

/**
 * The review state of a result: 公示中 with its last day, 已更正 with the date; for the firm's staff
 * 「对结果提出异议」 during 公示, and for them and the admin the correction history.
 */
function ReviewState({ result, reviewer, testId }: { result: FirmResultDTO; reviewer: FirmCardDTO['reviewer']; testId: string }) {
  const [open, setOpen] = useState(false);
  const inPublicity = result.periodStatus === 'publicity';
  const seesVersions = !!result.resultId && !!reviewer && (reviewer.firmStaff || reviewer.admin);
  return (
    <>
      {inPublicity || result.correctedAt ? (
        <View className='rfirm__badges'>
          {inPublicity ? (
            <View className='rfirm__badge rfirm__badge--publicity' data-testid={`${testId}-publicity`}>
              公示中，{result.publicityEndsOn}止
            </View>
          ) : null}
          {result.correctedAt ? (
            <View className='rfirm__badge rfirm__badge--corrected' data-testid={`${testId}-corrected`}>
              已更正（{localDay(new Date(result.correctedAt))}）
            </View>
          ) : null}
        </View>
      ) : null}
      {result.correctedAt && !inPublicity ? (
        <View className='muted' data-testid={`${testId}-corrected-note`}>
          这一结果经复核后更正过，下面是更正后的星级和得分。
        </View>
      ) : null}
      {inPublicity ? (
        <View className='muted' data-testid={`${testId}-publicity-note`}>
          公示期内物业企业可对结果提出异议，公示期满、异议全部答复后定稿。
        </View>
      ) : null}
      {(inPublicity && reviewer?.firmStaff && result.resultId) || seesVersions ? (
        <View className='btn-row'>
          {inPublicity && reviewer?.firmStaff && result.resultId ? (
            <View
              className='btn btn--ghost'
              role='button'
              {...FOCUSABLE}
              data-testid={`${testId}-object`}
              onClick={() => openPage(withQuery(ROUTES.ratingObjections, { resultId: result.resultId!, until: result.publicityEndsOn ?? undefined }))}
            >
              对结果提出异议
            </View>
          ) : null}
          {seesVersions ? (
            <View
              className='btn btn--ghost'
              role='button'
              aria-expanded={open}
              {...FOCUSABLE}
              data-testid={`${testId}-versions-toggle`}
              onClick={() => setOpen((o) => !o)}
            >
              {open ? '收起更正记录' : '更正记录'}
            </View>
          ) : null}
        </View>
      ) : null}
      {open && result.resultId ? <Versions resultId={result.resultId} testId={`${testId}-versions`} /> : null}
    </>
  );
}

function Result({ result, testId, reviewer = null }: { result: FirmResultDTO; testId: string; reviewer?: FirmCardDTO['reviewer'] }) {
  return (
    <View className='rfirm__result' data-testid={testId}>
      <View className='muted'>
        {COMPOUND_TYPE_LABEL[result.compoundType]} · {result.periodCode} 期
      </View>
      <ReviewState result={result} reviewer={reviewer} testId={testId} />
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

/** A weight as shown: 「30%」. */
const pct = (n: number) => `${Math.round(n * 10) / 10}%`;

/**
 * 评分说明 for one result: the four criteria with their weight for this compound type (and the
 * weight they carried when a criterion had no data), their score and one sentence on where the data
 * come from; the sample against the minimum; the composite and the rounding rule. Stacked lines,
 * no table, so it reads at large-text size on a phone.
 */
function Explain({ result, testId }: { result: FirmResultDTO; testId: string }) {
  const b = result.breakdown;
  const enough = b.sample >= b.minSample;
  return (
    <View className='rfirm__explain' data-testid={testId}>
      <View className='rfirm__explain-head' role='heading' aria-level={3}>
        {COMPOUND_TYPE_LABEL[result.compoundType]} · {result.periodCode} 期
      </View>
      <View role='list' aria-label={`${COMPOUND_TYPE_LABEL[result.compoundType]}的四项标准`}>
        {b.criteria.map((c) => {
          const withheld = c.criterion === 'satisfaction' && c.score === null && b.sample > 0 && !enough;
          const carried = c.score === null ? (withheld ? '' : '，本期无数据，不计入') : c.appliedWeight !== c.weight ? `，本期按${pct(c.appliedWeight)}计` : '';
          return (
            <View key={c.criterion} className='rfirm__criterion' role='listitem' data-testid={`${testId}-${c.criterion}`}>
              <View className='rfirm__criterion-top'>
                <View className='rfirm__criterion-label'>{c.label}</View>
                <View className='rfirm__criterion-score' data-testid={`${testId}-${c.criterion}-score`}>
                  {c.score === null ? (withheld ? '样本不足' : '—') : `${c.score}分`}
                </View>
              </View>
              <View className='rfirm__criterion-weight' data-testid={`${testId}-${c.criterion}-weight`}>
                权重 {pct(c.weight)}
                {carried}
              </View>
              <View className='rfirm__criterion-source'>{c.source}</View>
            </View>
          );
        })}
      </View>
      <View className={`rfirm__sample ${enough ? '' : 'rfirm__sample--short'}`} data-testid={`${testId}-sample`}>
        评价户数：{b.sample}户，评星至少需要{b.minSample}户 — {enough ? '已达到' : `还差${b.minSample - b.sample}户，暂不评星`}
      </View>
      {result.composite !== null ? (
        <View className='rfirm__composite' data-testid={`${testId}-composite`}>
          综合分 {result.composite}分{result.stars !== null ? `，${result.stars}星` : ''}
        </View>
      ) : null}
      <View className='muted rfirm__rounding' data-testid={`${testId}-rounding`}>
        {b.rounding}
      </View>
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

/** What the household may do now: rate, change its rating, or why not (no open period…): never a button into a refusal. */
type RateState = { url: string; label: string } | { blocked: string } | null;

function Card({ card, rate, focusType }: { card: FirmCardDTO; rate: RateState; focusType: CompoundType | null }) {
  const [main, ...others] = card.results;
  const history = main ? card.history.filter((h) => h.compoundType === main.compoundType) : card.history;
  // Its history across periods: each published period's board (newest first), from the firm's own results.
  const periods = [...new Map(card.history.map((h) => [h.periodId, { id: h.periodId, code: h.periodCode }])).values()];
  return (
    <>
      <View className='card' data-testid='firm-card'>
        <View className='card__title rfirm__name' role='heading' aria-level={2}>
          {card.firm.name}
        </View>
        {main ? <Result result={main} testId='firm-result' reviewer={card.reviewer} /> : <View className='muted'>暂无公布的评价结果</View>}
        {others.map((r) => (
          <Result key={r.compoundType} result={r} testId={`firm-result-${r.compoundType}`} reviewer={card.reviewer} />
        ))}
        <View className='muted rfirm__rule'>满5户评价才显示星级；评价户数少时，得分向全市平均靠拢。各项的权重和来源见下方「评分说明」。</View>
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

      {card.results.length ? (
        <View className='card' id='firm-explain' role='region' aria-labelledby='firm-explain-title' data-testid='firm-explain'>
          <View className='card__title' id='firm-explain-title' role='heading' aria-level={2}>
            评分说明
          </View>
          <View className='rfirm__explain-intro'>星级由四项标准加权得出，各类小区的权重在每期开始时确定。</View>
          {[...card.results]
            .sort((a, b) => Number(b.compoundType === focusType) - Number(a.compoundType === focusType))
            .map((r) => (
              <Explain key={r.compoundType} result={r} testId={`firm-explain-${r.compoundType}`} />
            ))}
          <AssessorEvidence evidence={card.evidence} />
        </View>
      ) : null}

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

      <FirmComments card={card} />

      {periods.length ? (
        <View className='card' data-testid='firm-boards'>
          <View className='card__title' role='heading' aria-level={2}>
            往期榜单
          </View>
          <View className='muted'>看看本企业在各期物业星级榜上的位置。</View>
          <View className='btn-row rfirm__boards'>
            {periods.map((p) => (
              <View
                key={p.id}
                className='btn btn--ghost'
                role='button'
                {...FOCUSABLE}
                data-testid={`firm-board-${p.id}`}
                onClick={() => openPage(withQuery(ROUTES.ratingLeaderboard, { periodId: p.id }))}
              >
                {p.code} 期榜单
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </>
  );
}

/** 物业评价: a firm's published stars with their sample, the four criteria, history, its reply, comments, and 去评价. */
export default function FirmPage() {
  const { params } = useRouter();
  const firmId = positiveId(params.firmId);
  const compoundId = positiveId(params.compoundId);
  const card = useLoad(firmId ? () => ratings.firmCard({ firmId, ...(compoundId ? { compoundId } : {}) }) : null, [firmId, compoundId]);
  // From a leaderboard row's 评分说明: that row's compound type first, and the page opens at the section.
  const focusType = (Object.keys(COMPOUND_TYPE_LABEL) as CompoundType[]).find((t) => t === params.compoundType) ?? null;
  const toExplain = params.explain === '1' && !!card.data?.results.length;
  useEffect(() => {
    if (toExplain) void Taro.pageScrollTo({ selector: '#firm-explain', duration: 0 });
  }, [toExplain]);
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
    const rated = mine.data.rating;
    rate = mine.data.blockedReason
      ? { blocked: mine.data.blockedReason }
      : { url: rateUrl, label: !rated ? '去评价' : rated.byMe ? '修改我的评价' : '修改本户的评价' };
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
      {card.data ? <Card card={card.data} rate={rate} focusType={focusType} /> : null}
    </Page>
  );
}
