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
import { ZReplyRequest } from '@hg/types/ratings-schemas';
import { formatTime } from '../../../../utils/format';
import { positiveId } from '../../format';
import { maskPersonalData } from '@hg/types/privacy';
import './index.scss';

/** The reply box for the latest published period (one public reply per period, editable). */
function ReplyBox({ card, onSaved }: { card: FirmCardDTO; onSaved: (next: FirmCardDTO) => void }) {
  const latest = card.history[0] ?? card.results[0] ?? null;
  const existing = latest && card.reply?.periodCode === latest.periodCode ? card.reply : null;
  const [done, setDone] = useState(false);
  const f = useForm({
    initial: () => ({ body: existing?.body ?? '' }),
    schema: ZReplyRequest,
    toRequest: (v) => ({ firmId: card.firm.id, periodId: latest?.periodId as number, body: v.body }),
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
        公开回复（{latest.periodCode} 期）
      </View>
      <View className='muted rreply__hint'>回复会显示在本企业的物业评价页，所有居民可见。每期一条，可以修改。</View>
      <TextBox
        id='reply-body'
        label={existing ? '修改回复' : '回复内容'}
        value={body}
        onChange={(v) => f.set('body', v)}
        max={RATING_RULES.replyMax}
        counter
        error={f.errors.body}
      />
      {maskPersonalData(body.trim()) !== body.trim() ? (
        <View className='muted' data-testid='reply-masked-preview'>
          回复是公开的，居民的门牌号、手机号和身份证号不会显示。公开后显示为：{maskPersonalData(body.trim())}
        </View>
      ) : null}
      {f.formError ? (
        <View className='notice' role='alert' data-testid='reply-error'>
          {f.formError}
        </View>
      ) : null}
      {done ? (
        <View className='success' role='status' data-testid='reply-done'>
          回复已公开
        </View>
      ) : null}
      <BusyButton label={existing ? '保存修改' : '发布回复'} busy={f.busy} onClick={f.submit} testId='reply-submit' />
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
        {card.comments.length === 0 ? <View className='muted'>暂无居民意见</View> : null}
        <View role='list' aria-label='居民意见'>
          {card.comments.map((c) => (
            <View key={c.ratingId} className='rreply__comment' role='listitem' data-testid={`feedback-${c.ratingId}`}>
              <View className='rreply__body'>{c.body}</View>
              <View className='muted rreply__meta'>
                {RATING_DIMENSIONS.map((d) => `${DIMENSION_LABEL[d]}${c.scores[d]}星`).join(' · ')} · {formatTime(c.at)}
              </View>
            </View>
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
