import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ObjectionDTO, PhotoDTO } from '@hg/types';
import { COMPOUND_TYPE_LABEL, type CompoundType } from '@hg/types/enums';
import { CRITERION_LABEL, REVIEW_RULES } from '@hg/types/ratings';
import { ZAnswerObjectionRequest, ZLodgeObjectionRequest } from '@hg/types/ratings-schemas';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import Field from '../../../../components/Field';
import TextBox from '../../../../components/TextBox';
import PhotoPicker from '../../../../components/PhotoPicker';
import PhotoStrip from '../../../../components/PhotoStrip';
import BusyButton from '../../../../components/BusyButton';
import { useForm } from '../../../../hooks/useForm';
import { useLoad } from '../../../../hooks/useLoad';
import { ratings } from '../../../../services/ratings';
import { formatTime } from '../../../../utils/format';
import { isIsoDay, positiveId } from '../../format';
import { localDay } from '@hg/types/local-time';
import './index.scss';

const ASSESSED = ['organisation', 'team', 'service'] as const;
type Assessed = (typeof ASSESSED)[number];

/** The firm's staff: one objection to one result (text and evidence photos), during 公示. */
function LodgeForm({ resultId, until, onLodged }: { resultId: number; until: string | null; onLodged: (o: ObjectionDTO) => void }) {
  const [uploading, setUploading] = useState(false);
  const f = useForm({
    initial: () => ({ body: '', photos: [] as PhotoDTO[] }),
    schema: ZLodgeObjectionRequest,
    toRequest: (v) => ({ resultId, body: v.body, photoIds: v.photos.map((p) => p.fileId) }),
    fieldOf: (path) => (path.startsWith('photoIds') ? 'photos' : path === 'body' ? 'body' : null),
    blocked: () => (uploading ? '照片还在上传，请稍候' : null),
    send: (request) => ratings.lodgeObjection(request),
    onSuccess: (data) => {
      f.reset();
      onLodged(data);
    },
  });
  return (
    <View className='card' data-testid='objection-form'>
      <View className='card__title' role='heading' aria-level={2}>
        对评价结果提出异议
      </View>
      <View className='muted robj__hint'>
        请写明对哪一项有异议、理由是什么，并附上佐证照片（如会议记录、台账）。{until ? `公示期至${until}，请在此之前提出。` : ''}
        管理员会答复每一条异议，采纳后结果将更正。
      </View>
      <TextBox
        id='objection-body'
        label='异议内容'
        value={f.values.body}
        onChange={(v) => f.set('body', v)}
        max={REVIEW_RULES.objectionMax}
        counter
        error={f.errors.body}
      />
      <PhotoPicker
        id='objection-photos'
        label='佐证照片'
        photos={f.values.photos}
        onChange={(p) => f.set('photos', p)}
        max={9}
        onBusy={setUploading}
        error={f.errors.photos}
      />
      {f.formError ? (
        <View className='notice' role='alert' data-testid='objection-error'>
          {f.formError}
        </View>
      ) : null}
      <BusyButton label='提交异议' busy={f.busy} onClick={f.submit} testId='objection-submit' />
    </View>
  );
}

/** The admin's answer: 采纳 (with the corrected scores; blank keeps a score) or 不采纳, with the reason. */
function AnswerForm({ objection, onAnswered }: { objection: ObjectionDTO; onAnswered: (o: ObjectionDTO) => void }) {
  const [upheld, setUpheld] = useState<boolean | null>(null);
  const f = useForm({
    initial: () => ({ answer: '', organisation: '', team: '', service: '' }),
    schema: ZAnswerObjectionRequest,
    toRequest: (v) => {
      const criteria = Object.fromEntries(ASSESSED.filter((c) => v[c].trim() !== '').map((c) => [c, Number(v[c].trim())]));
      return { objectionId: objection.id, upheld: !!upheld, answer: v.answer, ...(upheld && Object.keys(criteria).length ? { criteria } : {}) };
    },
    check: (v) => {
      const wrong: Partial<Record<Assessed | 'answer', string>> = {};
      for (const c of ASSESSED) if (v[c].trim() !== '' && (!/^\d{1,3}$/.test(v[c].trim()) || Number(v[c]) > 100)) wrong[c] = '请填写0到100的整数';
      if (upheld && !ASSESSED.some((c) => v[c].trim() !== '')) wrong.organisation = '采纳异议须填写至少一项更正后的得分';
      return wrong;
    },
    fieldOf: (path) => {
      const key = path.replace(/^criteria\.?/, '') || 'organisation';
      return key === 'answer' ? 'answer' : (ASSESSED as readonly string[]).includes(key) ? (key as Assessed) : null;
    },
    blocked: () => (upheld === null ? '请先选择采纳或不采纳' : null),
    send: (request) => ratings.answerObjection(request),
    onSuccess: onAnswered,
  });
  return (
    <View className='robj__answer' data-testid={`objection-${objection.id}-answer`}>
      <ChoiceGroup
        id={`objection-${objection.id}-verdict`}
        label='答复结论'
        options={[
          { value: 'uphold', label: '采纳并更正' },
          { value: 'reject', label: '不采纳' },
        ]}
        value={upheld === null ? null : upheld ? 'uphold' : 'reject'}
        onChange={(v) => setUpheld(v === 'uphold')}
      />
      {upheld
        ? ASSESSED.map((c) => (
            <Field
              key={c}
              id={`objection-${objection.id}-${c}`}
              label={`更正后的${CRITERION_LABEL[c]}（0–100分，不改留空）`}
              type='number'
              maxlength={3}
              value={f.values[c]}
              error={f.errors[c]}
              onChange={(v) => f.set(c, v)}
            />
          ))
        : null}
      <TextBox
        id={`objection-${objection.id}-reply`}
        label='答复（物业企业可见）'
        value={f.values.answer}
        onChange={(v) => f.set('answer', v)}
        max={REVIEW_RULES.answerMax}
        counter
        error={f.errors.answer}
      />
      {f.formError ? (
        <View className='notice' role='alert'>
          {f.formError}
        </View>
      ) : null}
      <BusyButton label='提交答复' busy={f.busy} onClick={f.submit} testId={`objection-${objection.id}-send`} />
    </View>
  );
}

function Objection({ o, onAnswered }: { o: ObjectionDTO; onAnswered: (o: ObjectionDTO) => void }) {
  return (
    <View className='card robj__item' role='listitem' data-testid={`objection-${o.id}`}>
      <View className='robj__head'>
        <View className='robj__title'>
          {o.firm.name} · {o.period.code} 期 · {COMPOUND_TYPE_LABEL[o.compoundType as CompoundType] ?? o.compoundType}
        </View>
        <View className={`robj__status robj__status--${o.status}`} data-testid={`objection-${o.id}-status`}>
          {o.statusLabel}
        </View>
      </View>
      <View className='robj__body'>{o.body}</View>
      {o.photos.length ? <PhotoStrip photos={o.photos} label='异议佐证照片' /> : null}
      <View className='muted'>提出于 {formatTime(o.createdAt)}</View>
      {o.answer ? (
        <View className='robj__reply' data-testid={`objection-${o.id}-reply-text`}>
          答复：{o.answer}
          {o.answeredAt ? <View className='muted'>{formatTime(o.answeredAt)}</View> : null}
        </View>
      ) : null}
      {o.canAnswer ? <AnswerForm objection={o} onAnswered={onAnswered} /> : null}
    </View>
  );
}

/**
 * 结果异议: the firm's staff lodge an objection to a result in 公示 (from the firm card's
 * 「对结果提出异议」, `resultId`) and read the answers; the admin (from 评星管理, `periodId`) answers
 * each. Nobody else sees objections.
 */
export default function ObjectionsPage() {
  const { params } = useRouter();
  const resultId = positiveId(params.resultId);
  const periodId = positiveId(params.periodId);
  const list = useLoad(() => ratings.objections(periodId ? { periodId } : {}), [periodId]);
  const [changed, setChanged] = useState<ObjectionDTO[]>([]);
  const merge = (o: ObjectionDTO) => setChanged((c) => [o, ...c.filter((x) => x.id !== o.id)]);
  const items = [
    ...changed.filter((c) => !(list.data ?? []).some((x) => x.id === c.id)),
    ...(list.data ?? []).map((x) => changed.find((c) => c.id === x.id) ?? x),
  ];
  const pending = items.filter((o) => o.status === 'pending').length;
  // 公示's last day as the firm card knew it, or as an earlier objection to this result says: after it, no form that would only be refused.
  const until = (isIsoDay(params.until ?? '') ? params.until : null) ?? items.find((o) => o.resultId === resultId)?.period.publicityEndsOn ?? null;
  const over = items.some((o) => o.resultId === resultId && o.period.status !== 'publicity') || (!!until && localDay(new Date()) > until);
  return (
    <Page title='结果异议'>
      {resultId && !over ? <LodgeForm resultId={resultId} until={until} onLodged={merge} /> : null}
      {resultId && over ? (
        <View className='notice' role='status' data-testid='objection-closed'>
          公示期{until ? `已于${until}` : '已'}结束，不能再对该结果提出异议；下面是已提出的异议和答复。
        </View>
      ) : null}
      <View className='card'>
        <View className='card__title' role='heading' aria-level={2}>
          {periodId ? '本期异议' : '异议记录'}
        </View>
        {items.length ? (
          <View className='muted' role='status' data-testid='objections-pending'>
            {pending ? `${pending}条待答复；全部答复后才能定稿` : '全部已答复'}
          </View>
        ) : null}
        <StateView
          loading={list.loading && !list.data}
          error={list.error}
          empty={!list.loading && !items.length}
          emptyText='还没有异议'
          onRetry={list.reload}
        />
      </View>
      <View role='list' aria-label='异议'>
        {items.map((o) => (
          <Objection key={o.id} o={o} onAnswered={merge} />
        ))}
      </View>
    </Page>
  );
}
