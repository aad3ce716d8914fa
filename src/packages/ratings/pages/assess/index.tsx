import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { AssessmentDTO, PhotoDTO } from '@hg/types';
import { ASSESSED_CRITERIA, CRITERION_LABEL, RATING_RULES } from '@hg/types/ratings';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import Field from '../../../../components/Field';
import TextBox from '../../../../components/TextBox';
import PhotoPicker from '../../../../components/PhotoPicker';
import BusyButton from '../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { ratings } from '../../../../services/ratings';
import { formatTime } from '../../../../utils/format';
import { useForm } from '../../../../hooks/useForm';
import { ZAssessFirmRequest } from '@hg/types/ratings-schemas';
import { positiveId } from '../../format';
import './index.scss';

type Assessed = 'organisation' | 'team' | 'service';
type Firm = { id: number; name: string };
const ASSESSED = ASSESSED_CRITERIA as Assessed[];
type Values = Record<Assessed, string> & { note: string; photos: PhotoDTO[] };
/** A score box's text as the request's number; an empty box is NaN (not 0), which the schema refuses. */
const score = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** The assessor's form for one firm: three 0–100 scores, a note and evidence photos (prefilled with this period's own scores). */
function AssessForm({ firm, previous, onSaved }: { firm: Firm; previous: AssessmentDTO | null; onSaved: (a: AssessmentDTO) => void }) {
  const [uploading, setUploading] = useState(false);
  const [saved, setSaved] = useState<AssessmentDTO | null>(null);
  const f = useForm({
    initial: (): Values => ({
      organisation: previous ? String(previous.scores.organisation) : '',
      team: previous ? String(previous.scores.team) : '',
      service: previous ? String(previous.scores.service) : '',
      note: previous?.note ?? '',
      photos: [],
    }),
    schema: ZAssessFirmRequest,
    toRequest: (v) => ({
      firmId: firm.id,
      scores: { organisation: score(v.organisation), team: score(v.team), service: score(v.service) },
      ...(v.note.trim() ? { note: v.note } : {}),
      photoIds: v.photos.map((p) => p.fileId),
    }),
    // The schema's words for a bad score are about types; an assessor reads one plain line per box.
    check: (v) => {
      const wrong: Partial<Record<Assessed, string>> = {};
      for (const c of ASSESSED) if (!/^\d{1,3}$/.test(v[c].trim()) || Number(v[c]) > 100) wrong[c] = '请填写0到100的整数';
      return wrong;
    },
    // `scores.team` from the schema or the server belongs to the 队伍建设 box; `photoIds.2` to the photos.
    fieldOf: (path) => {
      const key = path.replace(/^scores\./, '').split('.')[0];
      if (key === 'photoIds') return 'photos';
      return (ASSESSED as string[]).includes(key) || key === 'note' ? (key as keyof Values) : null;
    },
    blocked: () => (uploading ? '照片还在上传，请稍候' : null),
    send: (request) => ratings.assess(request),
    onSuccess: (data) => {
      setSaved(data);
      onSaved(data);
    },
    // Firms outside the assessor's street or bureau are refused by the server: say so plainly.
    errorText: (e) => (e.code === 'FORBIDDEN' ? `该物业企业不在您的考评范围内，不能考评。（${e.message}）` : e.message),
  });
  const { values, errors } = f;

  return (
    <View className='card' data-testid={`assess-form-${firm.id}`}>
      <View className='card__title' role='heading' aria-level={2}>
        考评：{firm.name}
      </View>
      <View className='muted rassess__hint'>每项0–100分，本期截止前可以重新提交覆盖。群众满意度由居民评价得出，不在此填写。</View>
      {ASSESSED.map((c) => (
        <Field
          key={c}
          id={`assess-${c}`}
          label={`${CRITERION_LABEL[c]}（0–100分）`}
          type='number'
          maxlength={3}
          value={values[c]}
          error={errors[c]}
          onChange={(v) => f.set(c, v)}
        />
      ))}
      <TextBox
        id='assess-note'
        label='考评说明（选填）'
        value={values.note}
        onChange={(v) => f.set('note', v)}
        max={RATING_RULES.noteMax}
        counter
        error={errors.note}
      />
      <PhotoPicker
        id='assess-photos'
        label='佐证照片'
        photos={values.photos}
        onChange={(p) => f.set('photos', p)}
        max={9}
        onBusy={setUploading}
        error={errors.photos}
      />
      {f.formError ? (
        <View className='notice' role='alert' data-testid='assess-error'>
          {f.formError}
        </View>
      ) : null}
      {saved ? (
        <View className='success' role='status' data-testid='assess-done'>
          已保存{saved.firm.name}的考评（{formatTime(saved.updatedAt)}）
        </View>
      ) : null}
      <BusyButton label='提交考评' busy={f.busy} onClick={f.submit} testId='assess-submit' />
    </View>
  );
}

/**
 * 物业考评 (考评员): the firms serving compounds in the assessor's scope (`assessable`), each with
 * the assessor's own scores this period; the server re-checks the scope on every `assess`.
 */
export default function AssessPage() {
  const { params } = useRouter();
  const board = useLoad(() => ratings.assessable({}), []);
  // Which period the scores go into (or that none is open: then submitting would only be refused).
  const periods = useLoad(() => ratings.periods({}), []);
  const open = periods.data?.find((p) => p.status === 'open') ?? null;
  const [picked, setPicked] = useState<number | null>(positiveId(params.firmId));
  // Assessments saved on this visit: the list shows them as done without reloading.
  const [savedNow, setSavedNow] = useState<Record<number, AssessmentDTO>>({});

  const firms: Firm[] = (board.data ?? []).map((r) => r.firm);
  const entry = (board.data ?? []).find((r) => r.firm.id === picked) ?? null;
  const current = entry?.firm ?? (picked ? { id: picked, name: `物业企业 #${picked}` } : null);
  const assessmentOf = (id: number) => savedNow[id] ?? (board.data ?? []).find((r) => r.firm.id === id)?.assessment ?? null;
  const doneCount = firms.filter((f) => assessmentOf(f.id)).length;

  return (
    <Page title='物业考评'>
      {periods.data && !open ? (
        <View className='notice' role='status' data-testid='assess-no-period'>
          当前没有进行中的评价期，管理员开启新一期后才能提交考评。
        </View>
      ) : null}
      {open ? (
        <View className='muted rassess__period' data-testid='assess-period'>
          {open.code} 期 · 评价中，{open.endsOn} 截止前可以提交或修改
        </View>
      ) : null}
      {current ? (
        <AssessForm key={current.id} firm={current} previous={assessmentOf(current.id)} onSaved={(a) => setSavedNow((all) => ({ ...all, [a.firm.id]: a }))} />
      ) : null}
      <View className='card'>
        <View className='card__title' role='heading' aria-level={2}>
          选择物业企业
        </View>
        {firms.length ? (
          <View className='muted rassess__count' data-testid='assess-count'>
            已考评 {doneCount} / {firms.length} 家
          </View>
        ) : null}
        <StateView
          loading={board.loading}
          error={board.error}
          empty={!board.loading && firms.length === 0}
          emptyText='您的考评范围内暂无物业企业'
          onRetry={board.reload}
        />
        <View role='list' aria-label='物业企业'>
          {firms.map((f) => {
            const a = assessmentOf(f.id);
            return (
              <View key={f.id} role='listitem'>
                <View
                  className={`rassess__firm ${f.id === picked ? 'rassess__firm--on' : ''}`}
                  role='button'
                  {...FOCUSABLE}
                  aria-pressed={f.id === picked ? 'true' : 'false'}
                  data-testid={`assess-firm-${f.id}`}
                  onClick={() => setPicked(f.id)}
                >
                  <View className='rassess__firm-name'>{f.name}</View>
                  <View className={`rassess__firm-state ${a ? 'rassess__firm-state--done' : ''}`} data-testid={`assess-firm-${f.id}-state`}>
                    {a ? `✓ 已考评：${(ASSESSED_CRITERIA as Assessed[]).map((c) => `${CRITERION_LABEL[c]}${a.scores[c]}`).join(' · ')}` : '未考评'}
                  </View>
                </View>
              </View>
            );
          })}
        </View>
      </View>
    </Page>
  );
}
