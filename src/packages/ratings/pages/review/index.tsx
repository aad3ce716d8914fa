import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { FirmResultDTO, PeriodReviewDTO, ResultVersionDTO } from '@hg/types';
import { COMPOUND_TYPE_LABEL } from '@hg/types/enums';
import { CRITERION_LABEL, Criterion, REVIEW_RULES } from '@hg/types/ratings';
import { ZCorrectResultRequest } from '@hg/types/ratings-schemas';
import { localDay } from '@hg/types/local-time';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import Field from '../../../../components/Field';
import TextBox from '../../../../components/TextBox';
import FirmStars from '../../../../components/FirmStars';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { useForm } from '../../../../hooks/useForm';
import { useLoad } from '../../../../hooks/useLoad';
import { ratings } from '../../../../services/ratings';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import { positiveId, scoreText } from '../../format';
import './index.scss';

const ASSESSED = ['organisation', 'team', 'service'] as const;
type Assessed = (typeof ASSESSED)[number];
type Comment = PeriodReviewDTO['firms'][number]['comments'][number];
type Status = Comment['status'];
/** What a comment's state means to the admin: before 公示 nothing is public yet. */
const statusText = (status: Status, published: boolean) =>
  status === 'visible' ? (published ? '公开显示中' : '公示时公开') : status === 'hidden' ? '因举报暂时隐藏，待您决定' : '已隐藏，不公开';

/**
 * The moderation decision on one comment, through the same `moderate` action as 评论审核 (its
 * permissions, its subject-log record, the author told): a visible one can be hidden, a reported
 * one kept or hidden, a hidden one shown again. The row updates in place with the server's answer.
 */
function CommentRow({ comment, published }: { comment: Comment; published: boolean }) {
  const [status, setStatus] = useState<Status>(comment.status);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `review-comment-${comment.ratingId}`;
  const decide = async (keep: boolean) => {
    if (busy) return;
    const answer = await Taro.showModal({
      title: keep ? '公开这条评语' : '隐藏这条评语',
      content: keep
        ? `评语将${published ? '重新公开显示' : '在公示时公开'}，作者会收到通知。确定吗？`
        : `评语将不公开（评分照常计入结果），作者会收到通知${published ? '，物业企业也会知道有一条评语被撤下' : ''}。确定吗？`,
      confirmText: keep ? '公开' : '隐藏',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    setBusy(true);
    const res = await ratings.moderate({ ratingId: comment.ratingId, keep });
    setBusy(false);
    if (res.ok) {
      setError(null);
      setStatus(res.data.status);
    } else setError(res.error.message);
  };
  return (
    <View className={`rreview__comment rreview__comment--${status}`} role='listitem' data-testid={id}>
      <View className='rreview__body'>{comment.body}</View>
      <View className='rreview__state' role='status' data-testid={`${id}-status`}>
        {statusText(status, published)}
        {comment.reports ? ` · 被举报${comment.reports}次` : ''}
      </View>
      <View className='rreview__decide'>
        {status !== 'visible' ? (
          <BusyButton
            label={status === 'hidden' ? '保留，公开' : '恢复公开'}
            busy={busy}
            busyLabel='处理中…'
            onClick={() => decide(true)}
            className='btn--ghost'
            testId={`${id}-keep`}
          />
        ) : null}
        {status !== 'removed' ? (
          <BusyButton label='隐藏，不公开' busy={busy} busyLabel='处理中…' onClick={() => decide(false)} className='btn--ghost' testId={`${id}-hide`} />
        ) : null}
      </View>
      {error ? (
        <View className='field__error' role='alert' data-testid={`${id}-error`}>
          {error}
        </View>
      ) : null}
    </View>
  );
}

/** The admin corrects a public result with a reason: a new version, the old ones kept. */
function CorrectForm({ result, onDone }: { result: FirmResultDTO; onDone: (v: ResultVersionDTO[]) => void }) {
  const f = useForm({
    initial: () => ({ reason: '', organisation: '', team: '', service: '' }),
    schema: ZCorrectResultRequest,
    toRequest: (v) => ({
      resultId: result.resultId!,
      reason: v.reason,
      criteria: Object.fromEntries(ASSESSED.filter((c) => v[c].trim() !== '').map((c) => [c, Number(v[c].trim())])),
    }),
    check: (v) => {
      const wrong: Partial<Record<Assessed | 'reason', string>> = {};
      for (const c of ASSESSED) if (v[c].trim() !== '' && (!/^\d{1,3}$/.test(v[c].trim()) || Number(v[c]) > 100)) wrong[c] = '请填写0到100的整数';
      if (!ASSESSED.some((c) => v[c].trim() !== '')) wrong.organisation = '请至少更正一项得分';
      return wrong;
    },
    fieldOf: (path) => {
      const key = path.replace(/^criteria\.?/, '') || 'organisation';
      return key === 'reason' ? 'reason' : (ASSESSED as readonly string[]).includes(key) ? (key as Assessed) : null;
    },
    send: (request) => ratings.correctResult(request),
    onSuccess: (versions) => {
      f.reset();
      onDone(versions);
    },
  });
  const id = `correct-${result.resultId}`;
  return (
    <View className='rreview__correct' data-testid={id}>
      {ASSESSED.map((c) => (
        <Field
          key={c}
          id={`${id}-${c}`}
          label={`更正后的${CRITERION_LABEL[c]}（现为${scoreText(result.criteria[c])}，不改留空）`}
          type='number'
          maxlength={3}
          value={f.values[c]}
          error={f.errors[c]}
          onChange={(v) => f.set(c, v)}
        />
      ))}
      <TextBox
        id={`${id}-reason`}
        label='更正原因'
        value={f.values.reason}
        onChange={(v) => f.set('reason', v)}
        max={REVIEW_RULES.reasonMax}
        counter
        error={f.errors.reason}
      />
      {f.formError ? (
        <View className='notice' role='alert'>
          {f.formError}
        </View>
      ) : null}
      <BusyButton label='保存更正' busy={f.busy} onClick={f.submit} testId={`${id}-save`} />
    </View>
  );
}

function ResultBlock({ result, canCorrect }: { result: FirmResultDTO; canCorrect: boolean }) {
  const [correcting, setCorrecting] = useState(false);
  const [versions, setVersions] = useState<ResultVersionDTO[] | null>(null);
  const testId = `review-result-${result.resultId}`;
  return (
    <View className='rreview__result' data-testid={testId}>
      <View className='muted'>
        {COMPOUND_TYPE_LABEL[result.compoundType]}
        {result.correctedAt ? ` · 已更正（${localDay(new Date(result.correctedAt))}），第${result.version}版` : ''}
      </View>
      <FirmStars stars={result.stars} sample={result.sample} testId={`${testId}-stars`} />
      <View className='rreview__criteria'>
        {Object.values(Criterion)
          .map((c) => `${CRITERION_LABEL[c]}${scoreText(result.criteria[c])}`)
          .join(' · ')}
        {result.composite !== null ? `；综合分${result.composite}分` : ''}
      </View>
      {versions ? (
        <View className='success' role='status' data-testid={`${testId}-saved`}>
          已保存为第{versions[versions.length - 1].version}版（共{versions.length}版，旧版本保留）
        </View>
      ) : null}
      {canCorrect && result.resultId ? (
        <>
          <View
            className='btn btn--ghost'
            role='button'
            aria-expanded={correcting}
            {...FOCUSABLE}
            data-testid={`${testId}-correct`}
            onClick={() => setCorrecting((o) => !o)}
          >
            {correcting ? '收起' : '更正结果'}
          </View>
          {correcting ? (
            <CorrectForm
              result={result}
              onDone={(v) => {
                setVersions(v);
                setCorrecting(false);
              }}
            />
          ) : null}
        </>
      ) : null}
    </View>
  );
}

function Firm({ f, canCorrect, published }: { f: PeriodReviewDTO['firms'][number]; canCorrect: boolean; published: boolean }) {
  const reported = f.comments.filter((c) => c.status === 'hidden').length;
  return (
    <View className='card' role='listitem' data-testid={`review-firm-${f.firm.id}`}>
      <View className='card__title' role='heading' aria-level={2}>
        {f.firm.name}
      </View>
      {f.results.map((r) => (
        <ResultBlock key={r.compoundType} result={r} canCorrect={canCorrect} />
      ))}
      <View className='rreview__comments-head' role='heading' aria-level={3}>
        居民评语（{f.comments.length}条）
      </View>
      {f.comments.length === 0 ? <View className='muted'>本期没有评语</View> : null}
      {reported ? (
        <View className='notice' data-testid={`review-firm-${f.firm.id}-reported`}>
          {reported}条评语因举报暂时隐藏，请逐条决定保留还是隐藏。
        </View>
      ) : null}
      <View role='list' aria-label={`${f.firm.name}的居民评语`}>
        {f.comments.map((c) => (
          <CommentRow key={c.ratingId} comment={c} published={published} />
        ))}
      </View>
    </View>
  );
}

/**
 * 结果审核 (admin): between the close and 公示, every firm's results and the residents' comments
 * (with their moderation state) — nobody else sees them yet; in 公示 and after, the same page
 * corrects a result with a reason (a new version).
 */
export default function ReviewPage() {
  const { params } = useRouter();
  const periodId = positiveId(params.periodId);
  const review = useLoad(periodId ? () => ratings.periodReview({ periodId }) : null, [periodId]);
  const data = review.data;
  const canCorrect = !!data && (data.period.status === 'publicity' || data.period.status === 'published');
  return (
    <Page title='结果审核'>
      <StateView loading={review.loading && !data} error={review.error} onRetry={review.reload} />
      {data ? (
        <View className='card' data-testid='review-period'>
          <View className='card__title' role='heading' aria-level={2}>
            {data.period.code} 期 · {data.period.statusLabel}
          </View>
          <View className='muted'>
            {data.period.status === 'closed'
              ? '结果只有您能看到。请核对各企业的得分和居民评语（不宜公开的可以隐藏，评分照常计入），然后回到评星管理开始公示。'
              : data.period.status === 'publicity'
                ? `公示至${data.period.publicityEndsOn}。物业企业的异议须全部答复后才能定稿；也可以直接更正结果并说明原因。`
                : '已定稿。更正结果须说明原因，将生成新版本，旧版本保留，物业企业会收到通知。'}
          </View>
          {data.pendingObjections ? (
            <View
              className='btn btn--ghost'
              role='button'
              {...FOCUSABLE}
              data-testid='review-objections'
              onClick={() => openPage(withQuery(ROUTES.ratingObjections, { periodId: data.period.id }))}
            >
              {data.pendingObjections}条异议待答复
            </View>
          ) : null}
        </View>
      ) : null}
      <View role='list' aria-label='各企业结果'>
        {(data?.firms ?? []).map((f) => (
          <Firm key={f.firm.id} f={f} canCorrect={canCorrect} published={canCorrect} />
        ))}
      </View>
    </Page>
  );
}
