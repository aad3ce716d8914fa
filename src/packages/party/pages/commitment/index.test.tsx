import { render, screen } from '@testing-library/react';
import { party } from '../../../../services/party';
import { click, flush, typeInto } from '../../../../test-utils';
import { hours, report, summary } from '../../test-fixtures';
import CommitmentPage from './index';

jest.mock('../../../../services/party');

beforeEach(() => {
  jest.clearAllMocks();
  (party.myHours as jest.Mock).mockResolvedValue({ ok: true, data: [] });
});

describe('我的承诺', () => {
  it('says 尚无记录 when no hours were recorded, not 0, and signs a commitment from the city’s lists', async () => {
    const signed = summary({
      commitment: { id: 1, year: 2026, postCategory: '环境卫生岗', roles: ['环境监督员', '志愿服务员'], plannedHours: 48, items: ['每月参加一次环境整治', '督促垃圾分类'], signedAt: '2026-12-01T02:00:00.000Z' },
      plannedHours: 48,
    });
    (party.myCommitment as jest.Mock).mockResolvedValueOnce({ ok: true, data: summary() }).mockResolvedValue({ ok: true, data: signed });
    (party.signCommitment as jest.Mock).mockResolvedValue({ ok: true, data: signed });
    render(<CommitmentPage />);
    await flush();
    expect(screen.getByTestId('hours-recorded').textContent).toContain('尚无记录');
    expect(screen.getByTestId('hours-approved').textContent).toContain('尚无记录');
    await click(screen.getByTestId('commit-submit'));
    expect(party.signCommitment).not.toHaveBeenCalled();
    expect(screen.getByText('请选择岗位类别')).toBeTruthy();
    await click(screen.getByText('环境卫生岗'));
    await click(screen.getByText('环境监督员'));
    await click(screen.getByText('志愿服务员'));
    await typeInto(await screen.findByLabelText('全年计划服务时长（小时，最多200）'), '48');
    await typeInto(await screen.findByLabelText('承诺事项（每行一项，最多10项）'), '每月参加一次环境整治\n\n督促垃圾分类');
    await click(screen.getByTestId('commit-submit'));
    await flush();
    expect(party.signCommitment).toHaveBeenCalledWith({ postCategory: '环境卫生岗', roles: ['环境监督员', '志愿服务员'], plannedHours: 48, items: ['每月参加一次环境整治', '督促垃圾分类'] });
    expect(screen.getByTestId('commitment').textContent).toContain('环境卫生岗 · 环境监督员、志愿服务员');
    expect(screen.getByTestId('hours-planned').textContent).toContain('48 小时');
  });

  it('shows recorded beside approved (0 once something is recorded) and a flagged record', async () => {
    (party.myCommitment as jest.Mock).mockResolvedValue({ ok: true, data: summary({ plannedHours: 48, recordedHours: 1.9, approvedHours: 0, pendingRecords: 1 }) });
    (party.myHours as jest.Mock).mockResolvedValue({ ok: true, data: [hours({ flag: 'missed_checkout', flagLabel: '未签退，已按活动结束时间截止，请核对' })] });
    render(<CommitmentPage />);
    await flush();
    expect(screen.getByTestId('hours-recorded').textContent).toContain('1.9 小时');
    expect(screen.getByTestId('hours-approved').textContent).toContain('0 小时');
    expect(screen.getByTestId('hours-pending').textContent).toBe('1 条记录待认定');
    expect(screen.getByTestId('record-8').textContent).toContain('未签退');
  });

  it('asks for a confirmed report before the commitment form', async () => {
    (party.myCommitment as jest.Mock).mockResolvedValue({ ok: true, data: summary({ report: report() }) });
    render(<CommitmentPage />);
    await flush();
    expect(screen.getByTestId('commit-needs-report')).toBeTruthy();
    expect(screen.queryByTestId('commit-submit')).toBeNull();
  });
});
