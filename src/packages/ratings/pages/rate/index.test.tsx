import { render, screen } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { me } from '../../../../services/me';
import { ratings } from '../../../../services/ratings';
import { click, flush, typeInto } from '../../../../test-utils';
import { membership, profile } from '../../../needs/test-fixtures';
import { myRating } from '../../test-fixtures';
import RatePage from './index';

jest.mock('../../../../services/ratings');
jest.mock('../../../../services/me');

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
        rating: {
          id: 5,
          scores: { environment: 4, security: 5, repairs: 3, attitude: 4 },
          comment: '楼道很干净',
          updatedAt: '2026-08-01T00:00:00.000Z',
          changes: 0,
        },
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
    expect(screen.getByTestId('rate-done').textContent).toBe('感谢您的评价，本期内可以修改');
    expect(screen.getByTestId('rate-submit').textContent).toBe('提交修改');
  });

  it('prefills an existing rating and words the form as a change', async () => {
    mine.mockResolvedValue({
      ok: true,
      data: myRating({
        rating: {
          id: 5,
          scores: { environment: 2, security: 3, repairs: 1, attitude: 2 },
          comment: '维修太慢',
          updatedAt: '2026-08-01T00:00:00.000Z',
          changes: 1,
        },
      }),
    });
    rate.mockResolvedValue({ ok: true, data: myRating() });
    await renderPage();
    expect(screen.getByRole('heading', { name: '修改评价' })).toBeTruthy();
    expect(checked('环境卫生')).toBe('2星');
    expect(checked('维修响应')).toBe('1星');
    expect(((await screen.findByLabelText('想说的话（选填，不显示姓名）')) as HTMLTextAreaElement).value).toBe('维修太慢');
    expect(screen.getByTestId('rate-submit').textContent).toBe('提交修改');

    await click(screen.getByRole('radiogroup', { name: '维修响应' }).querySelector('[aria-label="3星"]') as Element);
    await click(screen.getByTestId('rate-submit'));
    expect(rate).toHaveBeenCalledWith({ householdId: 7, scores: { environment: 2, security: 3, repairs: 3, attitude: 2 }, comment: '维修太慢' });
  });

  it('shows why the household may not rate, and no form', async () => {
    mine.mockResolvedValue({ ok: true, data: myRating({ period: null, blockedReason: '本期评价已截止，下一期开始后再来评价' }) });
    await renderPage();
    expect(screen.getByTestId('rate-blocked').textContent).toBe('本期评价已截止，下一期开始后再来评价');
    expect(screen.queryByTestId('rate-form')).toBeNull();
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
});
