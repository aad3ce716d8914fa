import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Role } from '@hg/types';
import { __storage } from '../../../test/mocks/taro';
import { me } from '../../services/me';
import { needs } from '../../services/needs';
import { ROUTES } from '../../routes';
import { click, flush } from '../../test-utils';
import { profile } from '../../packages/needs/test-fixtures';
import NeedsPage from './index';

jest.mock('../../services/me');
jest.mock('../../services/needs');

function withRole(role: Role) {
  return profile({ roles: [{ role, roleLabel: '', scopeLevel: 'building', scopeId: 11, scopeName: '1栋', organisation: null }] });
}

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
  (needs.mine as jest.Mock).mockResolvedValue({ ok: true, data: { items: [], nextCursor: null } });
  (needs.inbox as jest.Mock).mockResolvedValue({ ok: true, data: { items: [], nextCursor: null } });
});

describe('需求 tab', () => {
  it.each<Role>(['grid_worker', 'community_staff', 'building_head', 'compound_head', 'unit_head'])('offers 代办点单 to %s', async (role) => {
    (me.get as jest.Mock).mockResolvedValue({ ok: true, data: withRole(role) });
    render(<NeedsPage />);
    await flush();
    await click(screen.getByTestId('entry-proxy'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.needProxy });
  });

  it('shows the work entries the server allows (MeDTO.can), whatever the roles say', async () => {
    const can = {
      verifyHouseholds: false,
      fileForOthers: false,
      dispatchNeeds: true,
      receiveNeeds: false,
      claimNeeds: true,
      printPosters: false,
      runCareCentre: false,
      assessFirms: false,
      manageRatings: false,
      moderateComments: false,
      replyAsFirm: false,
      handleEscalations: false,
      timerStatus: false,
      citySettings: false,
      bookForElders: false,
      mealSubsidyRollUp: false,
      appointPeople: false,
      partyDuty: false,
      partyBranch: false,
      cobuilding: false,
      confirmDeliveries: false,
    };
    (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile({ roles: withRole('unit_head').roles, can }) });
    render(<NeedsPage />);
    await flush();
    expect(screen.getByTestId('entry-console')).toBeTruthy();
    expect(screen.getByTestId('entry-dashboard')).toBeTruthy();
    expect(screen.getByTestId('entry-claim')).toBeTruthy();
    expect(screen.queryByTestId('entry-proxy')).toBeNull();
    expect(screen.queryByTestId('entry-inbox')).toBeNull();
  });

  it('does not offer 代办点单 to a resident', async () => {
    (me.get as jest.Mock).mockResolvedValue({ ok: true, data: profile() });
    render(<NeedsPage />);
    await flush();
    expect(screen.getByTestId('need-mine-entry')).toBeTruthy();
    expect(screen.queryByTestId('entry-proxy')).toBeNull();
  });
});
