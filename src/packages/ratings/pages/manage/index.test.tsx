import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { ratings } from '../../../../services/ratings';
import { click, flush, typeInto } from '../../../../test-utils';
import { period } from '../../test-fixtures';
import { nextFreeQuarter, quarterOf } from '../../format';
import ManagePage from './index';

jest.mock('../../../../services/ratings');

const saveWeights = ratings.saveWeights as jest.Mock;

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  __setRouter('/packages/ratings/pages/manage/index');
  (ratings.weights as jest.Mock).mockResolvedValue({ ok: true, data: { commercial: { organisation: 20, team: 20, service: 30, satisfaction: 30 } } });
  (ratings.periods as jest.Mock).mockResolvedValue({ ok: true, data: [period(3), period(2, { code: '2026-Q2', status: 'published', statusLabel: '已公布' })] });
  saveWeights.mockResolvedValue({ ok: true, data: {} });
});

async function renderPage() {
  render(<ManagePage />);
  await flush();
  await screen.findByLabelText('组织建设（%）');
}

describe('评星管理', () => {
  it('shows the weights sum live and refuses to save unless it is 100', async () => {
    await renderPage();
    // Starts from the weights saved last (商住: 20/20/30/30).
    expect(screen.getByTestId('weights-sum').textContent).toBe('合计：100%');

    await typeInto(screen.getByLabelText('组织建设（%）'), '25');
    expect(screen.getByTestId('weights-sum').textContent).toBe('合计：105%（须为100%）');
    await click(screen.getByTestId('weights-save'));
    expect(saveWeights).not.toHaveBeenCalled();
    expect(screen.getByTestId('weights-error').textContent).toBe('各项权重之和须为100%，现在是105%');

    await typeInto(screen.getByLabelText('队伍建设（%）'), '15');
    expect(screen.getByTestId('weights-sum').textContent).toBe('合计：100%');
    await click(screen.getByTestId('weights-save'));
    await flush();
    expect(saveWeights).toHaveBeenCalledWith({ compoundType: 'commercial', weights: { organisation: 25, team: 15, service: 30, satisfaction: 30 } });
    expect(screen.getByTestId('weights-done').textContent).toBe('已保存商住小区的权重，下一期开启时生效');
  });

  it('edits each compound type on its own tab', async () => {
    await renderPage();
    await click(screen.getByRole('tab', { name: '老旧小区' }));
    expect((screen.getByLabelText('群众满意度（%）') as HTMLInputElement).value).toBe('40');
    await typeInto(screen.getByLabelText('群众满意度（%）'), 'abc');
    expect(screen.getByTestId('weights-sum').textContent).toBe('合计：—（须为100%）');
    await click(screen.getByTestId('weights-save'));
    expect(screen.getByTestId('weights-error').textContent).toBe('每项须为0到100的整数');
    expect(saveWeights).not.toHaveBeenCalled();
  });

  it('closes the open period after a confirmation and offers review and 公示 next', async () => {
    (ratings.closePeriod as jest.Mock).mockResolvedValue({ ok: true, data: period(3, { status: 'closed', statusLabel: '已截止，审核中' }) });
    await renderPage();
    expect(screen.getByTestId('period-3-step').textContent).toBe('截止评价');
    expect(screen.queryByTestId('period-2-step')).toBeNull();

    await click(screen.getByTestId('period-3-step'));
    await flush();
    expect(Taro.showModal).toHaveBeenCalled();
    expect(ratings.closePeriod).toHaveBeenCalledWith({ periodId: 3 });
    expect(screen.getByTestId('period-3-step').textContent).toBe('开始公示');
    expect(screen.getByTestId('period-3-review').textContent).toBe('审核结果和评语');
    expect(screen.getByTestId('open-period')).toBeTruthy();
  });

  it('starts 公示 for the days given (7 proposed), refusing a length outside 1–30 before asking the server', async () => {
    const closed = period(3, { status: 'closed', statusLabel: '已截止，审核中' });
    (ratings.periods as jest.Mock).mockResolvedValue({ ok: true, data: [closed] });
    (ratings.publishPeriod as jest.Mock).mockResolvedValue({
      ok: true,
      data: { ...closed, status: 'publicity', statusLabel: '公示中，2026-12-17止', publicityEndsOn: '2026-12-17' },
    });
    await renderPage();
    const days = screen.getByLabelText('公示天数') as HTMLInputElement;
    expect(days.value).toBe('7');
    await typeInto(days, '31');
    await click(screen.getByTestId('period-3-step'));
    await flush();
    expect(ratings.publishPeriod).not.toHaveBeenCalled();
    expect(screen.getByTestId('period-3-error').textContent).toBe('公示天数须为1到30的整数');
    await typeInto(days, '10');
    await click(screen.getByTestId('period-3-step'));
    await flush();
    expect(ratings.publishPeriod).toHaveBeenCalledWith({ periodId: 3, publicityDays: 10 });
    expect(screen.getByTestId('period-3').textContent).toContain('公示中，2026-12-17止');
    expect(screen.getByTestId('period-3-step').textContent).toBe('定稿公布');
    expect(screen.getByTestId('period-3-objections').textContent).toBe('结果异议');
  });

  it('says why 定稿 is refused while objections are unanswered', async () => {
    (ratings.periods as jest.Mock).mockResolvedValue({
      ok: true,
      data: [period(3, { status: 'publicity', statusLabel: '公示中，2026-12-01止', publicityEndsOn: '2026-12-01' })],
    });
    (ratings.finalizePeriod as jest.Mock).mockResolvedValue({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: '还有1条异议未答复，全部答复后才能定稿', details: { reason: 'OBJECTIONS_PENDING', pending: 1 } },
    });
    await renderPage();
    await click(screen.getByTestId('period-3-step'));
    await flush();
    expect(ratings.finalizePeriod).toHaveBeenCalledWith({ periodId: 3 });
    expect(screen.getByTestId('period-3-error').textContent).toBe('还有1条异议未答复，全部答复后才能定稿');
  });

  it('does nothing when the confirmation is declined', async () => {
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    await renderPage();
    await click(screen.getByTestId('period-3-step'));
    await flush();
    expect(ratings.closePeriod).not.toHaveBeenCalled();
  });

  it('offers the current quarter, or the next one not used yet, for the new period', async () => {
    expect(nextFreeQuarter([], new Date('2026-12-31T17:00:00Z'))).toEqual({ code: '2027-Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' });
    expect(nextFreeQuarter(['2026-Q4'], new Date('2026-12-07T04:00:00Z'))).toEqual({ code: '2027-Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' });
    expect(nextFreeQuarter([], new Date('2028-02-10T04:00:00Z'))).toEqual({ code: '2028-Q1', startsOn: '2028-01-01', endsOn: '2028-03-31' });
    const used = quarterOf();
    (ratings.periods as jest.Mock).mockResolvedValue({ ok: true, data: [period(3, { code: used.code, status: 'published', statusLabel: '已公布' })] });
    render(<ManagePage />);
    await flush();
    const code = (await screen.findByLabelText('期号')) as HTMLInputElement;
    expect(code.value).toMatch(/^20\d{2}-Q[1-4]$/);
    expect(code.value).not.toBe(used.code);
    // That later quarter has not started: the form schedules it and says when it starts by itself.
    expect(screen.getByTestId('open-period-later').textContent).toMatch(/^将于\d{1,2}月1日自动开始/);
    expect(screen.getByTestId('period-open').textContent).toBe('安排评价期');
  });

  it('schedules a later quarter, which the list shows as 待开始 with the day it starts by itself', async () => {
    const next = nextFreeQuarter([quarterOf().code]);
    (ratings.periods as jest.Mock).mockResolvedValue({ ok: true, data: [period(3, { code: quarterOf().code })] });
    (ratings.schedulePeriod as jest.Mock).mockResolvedValue({ ok: true, data: period(5, { ...next, status: 'scheduled', statusLabel: '待开始' }) });
    render(<ManagePage />);
    await flush();
    // With a period open, the form still offers the next quarter: it can be prepared ahead.
    expect((await screen.findByTestId('open-period-label')).textContent).toMatch(/年第[1-4]季度$/);
    const day = `${Number(next.startsOn.slice(5, 7))}月1日`;
    expect(screen.getByTestId('open-period-later').textContent).toContain(`将于${day}自动开始`);
    await click(screen.getByTestId('period-open'));
    await flush();
    expect((Taro.showModal as jest.Mock).mock.calls[0][0]).toMatchObject({ title: '安排评价期' });
    expect(ratings.schedulePeriod).toHaveBeenCalledWith(next);
    expect(ratings.openPeriod).not.toHaveBeenCalled();
    expect(screen.getByTestId('period-5').textContent).toContain('待开始');
    expect(screen.getByTestId('period-5-when').textContent).toBe(`将于${day}自动开始，届时居民和考评员会收到通知。开始前可以修改或取消。`);
    expect(screen.queryByTestId('period-5-step')).toBeNull();
    expect(screen.queryByTestId('period-5-review')).toBeNull();
  });

  it('edits and cancels a scheduled period; an overlapping one is refused beside its start day', async () => {
    const scheduled = period(6, { code: '2099-Q1', startsOn: '2099-01-01', endsOn: '2099-03-31', status: 'scheduled', statusLabel: '待开始' });
    (ratings.periods as jest.Mock).mockResolvedValue({ ok: true, data: [scheduled] });
    (ratings.editPeriod as jest.Mock).mockResolvedValue({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'startsOn: 与2099-Q2期（2099-04-01 至 2099-06-30，待开始）的日期重叠，请调整日期',
        details: { field: 'startsOn', reason: 'OVERLAP' },
      },
    });
    (ratings.cancelPeriod as jest.Mock).mockResolvedValue({ ok: true, data: { ...scheduled, status: 'cancelled', statusLabel: '已取消' } });
    await renderPage();
    expect(screen.getByTestId('period-6-when').textContent).toContain('将于1月1日自动开始');
    await click(screen.getByTestId('period-6-edit'));
    expect(screen.getByTestId('period-6-form-label').textContent).toBe('2099年第1季度');
    await click(screen.getByTestId('period-6-form-save'));
    await flush();
    expect(ratings.editPeriod).toHaveBeenCalledWith({ periodId: 6, code: '2099-Q1', startsOn: '2099-01-01', endsOn: '2099-03-31' });
    expect(screen.getByText('与2099-Q2期（2099-04-01 至 2099-06-30，待开始）的日期重叠，请调整日期')).toBeTruthy();

    await click(screen.getByTestId('period-6-cancel'));
    await flush();
    expect(ratings.cancelPeriod).toHaveBeenCalledWith({ periodId: 6 });
    expect(screen.queryByTestId('period-6')).toBeNull();
  });

  it('proposes the current quarter as 「N年第M季度」 with its first and last day in date pickers', async () => {
    (ratings.periods as jest.Mock).mockResolvedValue({ ok: true, data: [] });
    (ratings.openPeriod as jest.Mock).mockResolvedValue({ ok: true, data: period(4) });
    render(<ManagePage />);
    await flush();
    const q = quarterOf();
    const [year, n] = q.code.split('-Q');
    expect((await screen.findByTestId('open-period-label')).textContent).toBe(`${year}年第${n}季度`);
    expect(screen.getByTestId('period-start').getAttribute('aria-label')).toBe(`开始日期：${q.startsOn}，点按选择日期`);
    expect(screen.getByTestId('period-end').getAttribute('aria-label')).toBe(`结束日期：${q.endsOn}，点按选择日期`);
    expect(screen.queryByTestId('open-period-later')).toBeNull();
    await click(screen.getByTestId('period-open'));
    await flush();
    expect(ratings.openPeriod).toHaveBeenCalledWith(q);
  });
});
