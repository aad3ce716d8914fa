import { render, screen } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { me } from '../../../../services/me';
import { ratings } from '../../../../services/ratings';
import { click, flush, typeInto } from '../../../../test-utils';
import { membership, profile } from '../../../needs/test-fixtures';
import { myRating, period, rated } from '../../test-fixtures';
import { requestSubscribe } from '../../../../services/subscribe';
import RatePage from './index';

jest.mock('../../../../services/ratings');
jest.mock('../../../../services/me');
jest.mock('../../../../services/subscribe');

const rate = ratings.rate as jest.Mock;
const mine = ratings.myRating as jest.Mock;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter('/packages/ratings/pages/rate/index', { householdId: '7' });
});

async function renderPage() {
  render(<RatePage />);
  await flush();
}

const checked = (group: string) => screen.getByRole('radiogroup', { name: group }).querySelector('[aria-checked="true"]')?.getAttribute('aria-label');

describe('评价物业', () => {
  it('asks for every row of stars, then rates and thanks the resident', async () => {
    mine.mockResolvedValue({ ok: true, data: myRating() });
    rate.mockResolvedValue({
      ok: true,
      data: myRating({
        rating: rated({ comment: '楼道很干净' }),
      }),
    });
    await renderPage();
    expect(mine).toHaveBeenCalledWith({ householdId: 7 });
    expect(screen.getByTestId('rate-firm').textContent).toContain('嘉陵物业');
    expect(screen.getByRole('heading', { name: '给物业打分' })).toBeTruthy();

    const pick = async (group: string, n: number) => {
      const star = screen.getByRole('radiogroup', { name: group }).querySelector(`[aria-label="${n}星"]`) as Element;
      await click(star);
    };
    await pick('环境卫生', 4);
    await click(screen.getByTestId('rate-submit'));
    expect(rate).not.toHaveBeenCalled();
    expect(screen.getByTestId('rate-error').textContent).toBe('请为「安全秩序」「维修响应」「服务态度」选择星级');

    await pick('安全秩序', 5);
    await pick('维修响应', 3);
    await pick('服务态度', 4);
    await typeInto(await screen.findByLabelText('想说的话（选填，不显示姓名）'), ' 楼道很干净 ');
    await click(screen.getByTestId('rate-submit'));
    await flush();

    expect(rate).toHaveBeenCalledWith({ householdId: 7, scores: { environment: 4, security: 5, repairs: 3, attitude: 4 }, comment: '楼道很干净' });
    // With a comment she is asked, in the tap, for the messages about it (the firm's reply, moderation) too.
    expect(requestSubscribe).toHaveBeenCalledTimes(1);
    expect(requestSubscribe).toHaveBeenCalledWith(['rating_update', 'rating_comment']);
    expect((requestSubscribe as jest.Mock).mock.invocationCallOrder[0]).toBeLessThan(rate.mock.invocationCallOrder[0]);
    expect(screen.getByTestId('rate-done').textContent).toBe('感谢您的评价，本期内可以修改');
    expect(screen.getByTestId('rate-submit').textContent).toBe('提交修改');
  });

  it('without a comment asks consent for the household message only', async () => {
    mine.mockResolvedValue({ ok: true, data: myRating({ rating: rated({ comment: '' }) }) });
    rate.mockResolvedValue({ ok: true, data: myRating({ rating: rated({ comment: '' }) }) });
    await renderPage();
    await click(screen.getByTestId('rate-submit'));
    await flush();
    expect(rate).toHaveBeenCalled();
    expect(requestSubscribe).toHaveBeenCalledWith(['rating_update']);
  });

  it('prefills an existing rating and words the form as a change', async () => {
    mine.mockResolvedValue({
      ok: true,
      data: myRating({
        rating: rated({
          scores: { environment: 2, security: 3, repairs: 1, attitude: 2 },
          comment: '维修太慢',
          updatedAt: '2026-08-03T02:00:00.000Z',
          changes: 1,
        }),
      }),
    });
    rate.mockResolvedValue({ ok: true, data: myRating() });
    await renderPage();
    expect(screen.getByRole('heading', { name: '修改我的评价' })).toBeTruthy();
    expect(screen.getByTestId('rate-household-status').textContent).toContain('已修改1次');
    expect(checked('环境卫生')).toBe('2星');
    expect(checked('维修响应')).toBe('1星');
    expect(((await screen.findByLabelText('想说的话（选填，不显示姓名）')) as HTMLTextAreaElement).value).toBe('维修太慢');
    expect(screen.getByTestId('rate-submit').textContent).toBe('提交修改');

    await click(screen.getByRole('radiogroup', { name: '维修响应' }).querySelector('[aria-label="3星"]') as Element);
    await click(screen.getByTestId('rate-submit'));
    expect(rate).toHaveBeenCalledWith({ householdId: 7, scores: { environment: 2, security: 3, repairs: 3, attitude: 2 }, comment: '维修太慢' });
  });

  it('a first rating is not a change: the household rated on that day, no 已修改', async () => {
    mine.mockResolvedValue({ ok: true, data: myRating({ rating: rated({ comment: '楼道很干净' }) }) });
    await renderPage();
    expect(screen.getByRole('heading', { name: '修改我的评价' })).toBeTruthy();
    expect(screen.getByTestId('rate-household-status').textContent).toBe('本户已于8月1日 10:00评价。下面是您提交的评价。');
  });

  it("another member's rating: the household rated and when, their stars, never their comment; submitting makes it hers", async () => {
    mine.mockResolvedValue({
      ok: true,
      data: myRating({ rating: rated({ byMe: false, commentByOther: true, changes: 1, updatedAt: '2026-08-03T02:00:00.000Z' }) }),
    });
    rate.mockResolvedValue({ ok: true, data: myRating({ rating: rated({ changes: 2 }) }) });
    await renderPage();
    expect(screen.getByRole('heading', { name: '修改本户的评价' })).toBeTruthy();
    expect(screen.getByTestId('rate-household-status').textContent).toBe(
      '本户已于8月1日 10:00评价，已修改1次（最近一次8月3日 10:00）。下面的星级是家中其他成员提交的。那位家人写的评语或语音留言只有其本人能看到。您提交后，本户的评价（星级和评语）以您的为准，并会通知那位家人。',
    );
    expect(screen.getByTestId('rate-rule').textContent).toContain('以最后一次提交为准');
    expect(checked('安全秩序')).toBe('5星');
    expect(((await screen.findByLabelText('想说的话（选填，不显示姓名）')) as HTMLTextAreaElement).value).toBe('');
    await click(screen.getByTestId('rate-submit'));
    await flush();
    expect(rate).toHaveBeenCalledWith({ householdId: 7, scores: { environment: 4, security: 5, repairs: 3, attitude: 4 } });
    expect(screen.getByRole('heading', { name: '修改我的评价' })).toBeTruthy();
  });

  it('shows why the household may not rate, and no form', async () => {
    mine.mockResolvedValue({ ok: true, data: myRating({ period: null, blockedReason: '本期评价已截止，下一期开始后再来评价' }) });
    await renderPage();
    expect(screen.getByTestId('rate-blocked').textContent).toBe('本期评价已截止，下一期开始后再来评价');
    expect(screen.queryByTestId('rate-form')).toBeNull();
  });

  it('after the period, shows the household\'s last rating and what became of the author\'s comment (where 您的评语… messages lead)', async () => {
    const previous = { period: period(2, { code: '2026-Q2', status: 'published', statusLabel: '已公布' }), rating: rated({ comment: '电梯常坏' }), commentState: 'removed' as const, voiceHidden: null };
    mine.mockResolvedValue({ ok: true, data: myRating({ period: null, blockedReason: '当前没有进行中的评价期，请留意社区通知', previous }) });
    await renderPage();
    const card = screen.getByTestId('rate-previous');
    expect(card.textContent).toContain('2026-Q2 您家的评价（已公布）');
    expect(card.textContent).toContain('「电梯常坏」');
    expect(screen.getByTestId('rate-previous-state').textContent).toBe('您的评语：社区审核后未予公开；您的评分仍然有效');
  });

  it('another member of the household reads the last period\'s scores, not the comment or its state', async () => {
    const previous = { period: period(2, { code: '2026-Q2', status: 'published', statusLabel: '已公布' }), rating: rated({ byMe: false, commentByOther: true }), commentState: null, voiceHidden: null };
    mine.mockResolvedValue({ ok: true, data: myRating({ period: null, blockedReason: '当前没有进行中的评价期，请留意社区通知', previous }) });
    await renderPage();
    expect(screen.getByTestId('rate-previous').textContent).toContain('环境卫生4星');
    expect(screen.queryByTestId('rate-previous-state')).toBeNull();
    expect(screen.getByTestId('rate-previous').textContent).toContain('仅其本人可见');
  });

  it('without a household in the link, uses the only verified home and skips unverified ones', async () => {
    __setRouter('/packages/ratings/pages/rate/index');
    (me.get as jest.Mock).mockResolvedValue({
      ok: true,
      data: profile({ memberships: [membership({ id: 1, householdId: 7 }), membership({ id: 2, householdId: 8, status: 'pending', statusLabel: '待审核' })] }),
    });
    mine.mockResolvedValue({ ok: true, data: myRating() });
    await renderPage();
    await flush();
    expect(mine).toHaveBeenCalledWith({ householdId: 7 });
    expect(screen.queryByRole('radiogroup', { name: '为哪一处房屋评价' })).toBeNull();
  });

  it('sends a resident with no verified home to bind one', async () => {
    __setRouter('/packages/ratings/pages/rate/index');
    (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile({ memberships: [membership({ status: 'pending', statusLabel: '待审核' })] }) });
    await renderPage();
    expect(screen.getByTestId('rate-no-home').textContent).toContain('只有认证过房屋的居民才能评价物业');
    expect(mine).not.toHaveBeenCalled();
  });

  it('offers the hold-to-talk button with who will hear it; her own note comes back with its transcript, which she corrects, and is sent again', async () => {
    const note = { fileId: `local/${'a'.repeat(64)}.wav`, url: `/uploads/${'a'.repeat(64)}.wav`, durationSec: 7, transcript: '电梯老是坏', transcriptEditable: true };
    mine.mockResolvedValue({ ok: true, data: myRating({ rating: rated({ voiceNote: note }) }) });
    rate.mockResolvedValue({ ok: true, data: myRating({ rating: rated({ voiceNote: note }) }) });
    (ratings.editTranscript as jest.Mock).mockResolvedValue({ ok: true, data: { ...note, transcript: '电梯老是坏，请修好' } });
    await renderPage();
    expect(screen.getByTestId('rate-voice-who').textContent).toBe('语音留言不公开：只有本小区的物业工作人员和社区审核人员能听到，其他居民看不到也听不到。');
    expect(screen.getByTestId('rate-voice-player-time').textContent).toBe('0:07');
    expect(screen.getByTestId('rate-voice-text-text').textContent).toBe('电梯老是坏');
    expect(screen.getByText('语音转文字（可能有误）')).toBeTruthy();

    await click(screen.getByTestId('rate-voice-text-edit'));
    await typeInto(await screen.findByLabelText('修改语音文字'), '电梯老是坏，请修好');
    await click(screen.getByTestId('rate-voice-text-save'));
    await flush();
    expect(ratings.editTranscript).toHaveBeenCalledWith({ ratingId: 5, transcript: '电梯老是坏，请修好' });
    expect(screen.getByTestId('rate-voice-text-text').textContent).toBe('电梯老是坏，请修好');

    await click(screen.getByTestId('rate-submit'));
    await flush();
    expect(rate).toHaveBeenCalledWith({ householdId: 7, scores: { environment: 4, security: 5, repairs: 3, attitude: 4 }, voiceNote: { fileId: note.fileId, durationSec: 7 } });
    // A voice note concerns its author like a comment: she is asked for those messages too.
    expect(requestSubscribe).toHaveBeenCalledWith(['rating_update', 'rating_comment']);
  });

  it('a fresh rating offers the big hold button (no note yet)', async () => {
    mine.mockResolvedValue({ ok: true, data: myRating() });
    await renderPage();
    expect(screen.getByTestId('rate-voice-hold').textContent).toContain('按住 说出您的评价');
  });
});
