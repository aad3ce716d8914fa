import { render, screen } from '@testing-library/react';
import { community } from '../../../../services/community';
import { me } from '../../../../services/me';
import { party } from '../../../../services/party';
import { click, flush, typeInto } from '../../../../test-utils';
import { profile, report } from '../../test-fixtures';
import ReviewPage from './index';

jest.mock('../../../../services/party');
jest.mock('../../../../services/me');
jest.mock('../../../../services/community');

beforeEach(() => {
  jest.clearAllMocks();
  (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile('staff') });
  (community.listCompounds as jest.Mock).mockResolvedValue({
    ok: true,
    data: [
      { id: 1, name: '锦屏花园', type: 'commercial', typeLabel: '商住小区', code: 'NJJP01', community: { id: 1, name: '南街社区' }, street: { id: 1, name: '保宁街道' } },
      { id: 2, name: '南街老院子', type: 'old', typeLabel: '老旧小区', code: 'NJLY02', community: { id: 1, name: '南街社区' }, street: { id: 1, name: '保宁街道' } },
    ],
  });
  (party.reports as jest.Mock).mockResolvedValue({ ok: true, data: { items: [report({ can: { confirm: true, decline: true, withdraw: false, renew: false } })], nextCursor: null } });
});

describe('报到审核', () => {
  it('lists the pending reports of the branch’s compound with the building group, and confirms one', async () => {
    (party.confirm as jest.Mock).mockResolvedValue({ ok: true, data: report({ status: 'confirmed' }) });
    render(<ReviewPage />);
    await flush();
    expect(community.listCompounds).toHaveBeenCalledWith({ communityId: 1 });
    expect(party.reports).toHaveBeenCalledWith({ compoundId: 1 });
    expect(screen.getByTestId('review-5').textContent).toContain('2栋党小组');
    await click(screen.getByTestId('review-confirm-5'));
    await flush();
    expect(party.confirm).toHaveBeenCalledWith({ reportId: 5 });
    await click(screen.getByText('南街老院子'));
    await flush();
    expect(party.reports).toHaveBeenLastCalledWith({ compoundId: 2 });
  });

  it('declines only with a reason', async () => {
    (party.decline as jest.Mock).mockResolvedValue({ ok: true, data: report({ status: 'declined' }) });
    render(<ReviewPage />);
    await flush();
    await click(screen.getByTestId('review-decline-5'));
    await click(screen.getByTestId('review-decline-5'));
    expect(screen.getByTestId('review-error-5').textContent).toBe('请写明不予确认的原因');
    expect(party.decline).not.toHaveBeenCalled();
    await typeInto(await screen.findByLabelText('不予确认的原因'), '未提供组织关系证明');
    await click(screen.getByTestId('review-decline-5'));
    await flush();
    expect(party.decline).toHaveBeenCalledWith({ reportId: 5, reason: '未提供组织关系证明' });
  });
});
