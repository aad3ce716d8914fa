import { render, screen } from '@testing-library/react';
import { me } from '../../../../services/me';
import { party } from '../../../../services/party';
import { click, flush, typeInto } from '../../../../test-utils';
import { hours, profile } from '../../test-fixtures';
import HoursPage from './index';

jest.mock('../../../../services/party');
jest.mock('../../../../services/me');

beforeEach(() => {
  jest.clearAllMocks();
  (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile('staff') });
  (party.hours as jest.Mock).mockResolvedValue({
    ok: true,
    data: { items: [hours(), hours({ id: 9, memberName: '刘海波', flag: 'missed_checkout', flagLabel: '未签退，已按活动结束时间截止，请核对' })], nextCursor: null },
  });
});

describe('工时审核', () => {
  it('lists the community’s pending hours, says which were closed without a check-out, and approves one', async () => {
    (party.decideHours as jest.Mock).mockResolvedValue({ ok: true, data: hours({ status: 'approved' }) });
    render(<HoursPage />);
    await flush();
    expect(party.hours).toHaveBeenCalledWith({ communityId: 1 });
    expect(screen.getByTestId('hours-8').textContent).toContain('周卫东 · 1.9 小时');
    expect(screen.queryByTestId('hours-flag-8')).toBeNull();
    expect(screen.getByTestId('hours-flag-9').textContent).toContain('未签退');
    await click(screen.getByTestId('hours-approve-8'));
    await flush();
    expect(party.decideHours).toHaveBeenCalledWith({ hoursId: 8, approve: true });
  });

  it('rejects only with a reason', async () => {
    (party.decideHours as jest.Mock).mockResolvedValue({ ok: true, data: hours({ status: 'rejected' }) });
    render(<HoursPage />);
    await flush();
    await click(screen.getByTestId('hours-reject-9'));
    await click(screen.getByTestId('hours-reject-9'));
    expect(screen.getByTestId('hours-error-9').textContent).toBe('不认定时请写明原因');
    await typeInto(await screen.findByLabelText('不认定的原因'), '当天未到场');
    await click(screen.getByTestId('hours-reject-9'));
    await flush();
    expect(party.decideHours).toHaveBeenCalledWith({ hoursId: 9, approve: false, reason: '当天未到场' });
  });
});
