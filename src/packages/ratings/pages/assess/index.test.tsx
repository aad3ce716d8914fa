import { render, screen } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { ratings } from '../../../../services/ratings';
import { click, flush } from '../../../../test-utils';
import AssessPage from './index';

jest.mock('../../../../services/ratings');

const assessable = ratings.assessable as jest.Mock;
const assess = ratings.assess as jest.Mock;

const firm = { id: 4, name: '阆苑物业服务有限公司' };
const previous = {
  firm,
  periodId: 1,
  scores: { organisation: 80, team: 70, service: 90 },
  note: '台账齐全',
  photoIds: [],
  updatedAt: '2026-11-20T02:00:00.000Z',
};

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter('/packages/ratings/pages/assess/index', {});
});

describe('物业考评', () => {
  it("lists the firms in the assessor's scope — even before any period was published — and prefills this period's own scores", async () => {
    assessable.mockResolvedValue({ ok: true, data: [{ firm, compounds: [{ id: 3, name: '锦屏花园' }], assessment: previous }] });
    assess.mockResolvedValue({ ok: true, data: previous });
    render(<AssessPage />);
    await flush();
    await click(screen.getByTestId('assess-firm-4'));
    const form = screen.getByTestId('assess-form-4');
    expect((form.querySelector('#assess-organisation input, input#assess-organisation') as HTMLInputElement | null)?.value ?? form.textContent).toBeTruthy();
    await click(screen.getByTestId('assess-submit'));
    expect(assess).toHaveBeenCalledWith(expect.objectContaining({ firmId: 4, scores: { organisation: 80, team: 70, service: 90 }, note: '台账齐全' }));
    expect(screen.getByTestId('assess-done').textContent).toContain('阆苑物业服务有限公司');
  });

  it('says plainly when nothing is in scope', async () => {
    assessable.mockResolvedValue({ ok: true, data: [] });
    render(<AssessPage />);
    await flush();
    expect(screen.getByText('您的考评范围内暂无物业企业')).toBeTruthy();
  });
});
