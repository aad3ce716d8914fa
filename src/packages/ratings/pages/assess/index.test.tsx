import { render, screen } from '@testing-library/react';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { ratings } from '../../../../services/ratings';
import { click, flush, typeInto } from '../../../../test-utils';
import { period } from '../../test-fixtures';
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
  (ratings.periods as jest.Mock).mockResolvedValue({ ok: true, data: [period(1, { code: '2026-Q4', endsOn: '2026-12-31' })] });
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

  it('names the open period and marks each firm 已考评 / 未考评, updating after a save', async () => {
    const other = { id: 5, name: '嘉陵物业管理有限公司' };
    assessable.mockResolvedValue({
      ok: true,
      data: [
        { firm, compounds: [], assessment: previous },
        { firm: other, compounds: [], assessment: null },
      ],
    });
    assess.mockResolvedValue({ ok: true, data: { ...previous, firm: other, scores: { organisation: 60, team: 65, service: 70 } } });
    render(<AssessPage />);
    await flush();
    expect(screen.getByTestId('assess-period').textContent).toBe('2026-Q4 期 · 评价中，2026-12-31 截止前可以提交或修改');
    expect(screen.getByTestId('assess-count').textContent).toBe('已考评 1 / 2 家');
    expect(screen.getByTestId('assess-firm-4-state').textContent).toBe('✓ 已考评：组织建设80 · 队伍建设70 · 服务质量90');
    expect(screen.getByTestId('assess-firm-5-state').textContent).toBe('未考评');
    await click(screen.getByTestId('assess-firm-5'));
    await typeInto(await screen.findByLabelText('组织建设（0–100分）'), '60');
    await typeInto(screen.getByLabelText('队伍建设（0–100分）'), '65');
    await typeInto(screen.getByLabelText('服务质量（0–100分）'), '70');
    await click(screen.getByTestId('assess-submit'));
    await flush();
    expect(screen.getByTestId('assess-firm-5-state').textContent).toBe('✓ 已考评：组织建设60 · 队伍建设65 · 服务质量70');
    expect(screen.getByTestId('assess-count').textContent).toBe('已考评 2 / 2 家');
  });

  it('says so when no period is open, before the assessor types anything', async () => {
    (ratings.periods as jest.Mock).mockResolvedValue({ ok: true, data: [period(1, { status: 'published', statusLabel: '已公布' })] });
    assessable.mockResolvedValue({ ok: true, data: [{ firm, compounds: [], assessment: null }] });
    render(<AssessPage />);
    await flush();
    expect(screen.getByTestId('assess-no-period').textContent).toContain('当前没有进行中的评价期');
  });
});
