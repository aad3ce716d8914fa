import { render, screen } from '@testing-library/react';
import { community } from '../../../../services/community';
import { me } from '../../../../services/me';
import { party } from '../../../../services/party';
import { click, flush, typeInto } from '../../../../test-utils';
import { profile, report } from '../../test-fixtures';
import ReportPage from './index';

jest.mock('../../../../services/party');
jest.mock('../../../../services/me');
jest.mock('../../../../services/community');

beforeEach(() => {
  jest.clearAllMocks();
  (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile('member') });
  (community.listBuildings as jest.Mock).mockResolvedValue({ ok: true, data: [{ id: 12, name: '2栋', code: 'NJJP0102', units: [] }] });
});

describe('我的报到', () => {
  it('reports to the compound of the party role with a building group, and shows the pending report', async () => {
    (party.myReport as jest.Mock).mockResolvedValueOnce({ ok: true, data: null }).mockResolvedValue({ ok: true, data: report() });
    (party.report as jest.Mock).mockResolvedValue({ ok: true, data: report() });
    render(<ReportPage />);
    await flush();
    await click(screen.getByTestId('report-submit'));
    expect(party.report).not.toHaveBeenCalled();
    await click(screen.getByText('2栋党小组'));
    await typeInto(await screen.findByLabelText('所在单位党组织'), '阆中市住房和城乡建设局机关党支部');
    await click(screen.getByTestId('report-submit'));
    await flush();
    expect(party.report).toHaveBeenCalledWith({ compoundId: 1, buildingId: 12, workUnit: '阆中市住房和城乡建设局机关党支部' });
    expect(screen.getByTestId('report-status').textContent).toBe('待确认');
    expect(screen.getByTestId('report-card').textContent).toContain('2栋党小组');
  });

  it('shows a lapsed report with 续报 instead of a new form', async () => {
    (party.myReport as jest.Mock).mockResolvedValue({
      ok: true,
      data: report({ status: 'lapsed', statusLabel: '已过期，请续报', validUntil: '2026-12-01T02:00:00.000Z', can: { confirm: false, decline: false, withdraw: false, renew: true } }),
    });
    (party.renew as jest.Mock).mockResolvedValue({ ok: true, data: report() });
    render(<ReportPage />);
    await flush();
    expect(screen.queryByTestId('report-submit')).toBeNull();
    await click(screen.getByTestId('report-renew'));
    await flush();
    expect(party.renew).toHaveBeenCalledWith({ reportId: 5 });
  });

  it('keeps a declined report’s reason in view and lets the member report again', async () => {
    (party.myReport as jest.Mock).mockResolvedValue({ ok: true, data: report({ status: 'declined', statusLabel: '未通过', declineReason: '未提供组织关系证明', can: { confirm: false, decline: false, withdraw: false, renew: false } }) });
    render(<ReportPage />);
    await flush();
    expect(screen.getByTestId('report-decline').textContent).toBe('未通过原因：未提供组织关系证明');
    expect(screen.getByTestId('report-submit')).toBeTruthy();
  });
});
