import { render, screen } from '@testing-library/react';
import type { ObjectionDTO } from '@hg/types';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { ratings } from '../../../../services/ratings';
import { click, flush, typeInto } from '../../../../test-utils';
import ObjectionsPage from './index';

jest.mock('../../../../services/ratings');

const objection = (overrides: Partial<ObjectionDTO> = {}): ObjectionDTO => ({
  id: 5,
  period: { id: 3, code: '2026-Q4', status: 'publicity', publicityEndsOn: '2026-12-14' },
  firm: { id: 9, name: '阆苑物业服务有限公司' },
  resultId: 11,
  compoundType: 'commercial',
  body: '组织建设：会议记录漏看',
  photoIds: [],
  photos: [],
  status: 'pending',
  statusLabel: '待答复',
  answer: '',
  answeredAt: null,
  createdAt: '2026-12-08T02:00:00.000Z',
  canAnswer: false,
  ...overrides,
});

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
});

describe('结果异议', () => {
  it("the firm's staff lodge an objection to the result they came from; it joins their list as 待答复", async () => {
    __setRouter('/packages/ratings/pages/objections/index', { resultId: '11' });
    (ratings.objections as jest.Mock).mockResolvedValue({ ok: true, data: [] });
    (ratings.lodgeObjection as jest.Mock).mockResolvedValue({ ok: true, data: objection() });
    render(<ObjectionsPage />);
    await flush();
    await click(screen.getByTestId('objection-submit'));
    await flush();
    expect(ratings.lodgeObjection).not.toHaveBeenCalled();
    await typeInto(screen.getByLabelText(/^异议内容/), '组织建设：会议记录漏看');
    await click(screen.getByTestId('objection-submit'));
    await flush();
    expect(ratings.lodgeObjection).toHaveBeenCalledWith({ resultId: 11, body: '组织建设：会议记录漏看', photoIds: [] });
    expect(screen.getByTestId('objection-5-status').textContent).toBe('待答复');
    expect(screen.getByTestId('objections-pending').textContent).toBe('1条待答复；全部答复后才能定稿');
  });

  it('after 公示 the page offers no form that would only be refused, and says so', async () => {
    __setRouter('/packages/ratings/pages/objections/index', { resultId: '11', until: '2020-01-10' });
    (ratings.objections as jest.Mock).mockResolvedValue({ ok: true, data: [] });
    render(<ObjectionsPage />);
    await flush();
    expect(screen.queryByTestId('objection-form')).toBeNull();
    expect(screen.getByTestId('objection-closed').textContent).toBe('公示期已于2020-01-10结束，不能再对该结果提出异议；下面是已提出的异议和答复。');
  });

  it('the admin upholds one with a corrected score, and must give a score to uphold', async () => {
    __setRouter('/packages/ratings/pages/objections/index', { periodId: '3' });
    (ratings.objections as jest.Mock).mockResolvedValue({ ok: true, data: [objection({ canAnswer: true })] });
    (ratings.answerObjection as jest.Mock).mockResolvedValue({
      ok: true,
      data: objection({ status: 'upheld', statusLabel: '已采纳，结果已更正', answer: '属实', answeredAt: '2026-12-09T02:00:00.000Z' }),
    });
    render(<ObjectionsPage />);
    await flush();
    expect(ratings.objections).toHaveBeenCalledWith({ periodId: 3 });
    await click(screen.getByRole('radio', { name: '采纳并更正' }));
    await typeInto(screen.getByLabelText(/^答复（物业企业可见）/), '属实');
    await click(screen.getByTestId('objection-5-send'));
    await flush();
    expect(ratings.answerObjection).not.toHaveBeenCalled();
    expect(screen.getByText('采纳异议须填写至少一项更正后的得分')).toBeTruthy();
    await typeInto(screen.getByLabelText(/^更正后的组织建设/), '90');
    await click(screen.getByTestId('objection-5-send'));
    await flush();
    expect(ratings.answerObjection).toHaveBeenCalledWith({ objectionId: 5, upheld: true, answer: '属实', criteria: { organisation: 90 } });
    expect(screen.getByTestId('objection-5-status').textContent).toBe('已采纳，结果已更正');
    expect(screen.getByTestId('objection-5-reply-text').textContent).toContain('答复：属实');
    expect(screen.getByTestId('objections-pending').textContent).toBe('全部已答复');
  });
});
