import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CompoundHomeDTO, Envelope, MembershipDTO, NeedCategoryDTO } from '@hg/types';
import { capabilitiesOf } from '@hg/types/roles';
import { __setRouter, __storage } from '../../../../../test/mocks/taro';
import { community } from '../../../../services/community';
import { me } from '../../../../services/me';
import { needs } from '../../../../services/needs';
import { hasIdentity } from '../../../../services/platform';
import { ROUTES } from '../../../../routes';
import { click, flush } from '../../../../test-utils';
import ScanPage from './index';
import { compoundHome, FIRM } from '../../../../components/CompoundHome/test-fixtures';

jest.mock('../../../../services/community');
jest.mock('../../../../services/me');
jest.mock('../../../../services/needs');
jest.mock('../../../../services/platform', () => ({ hasIdentity: jest.fn(() => true), sceneFromLocation: () => null }));

const compound = compoundHome({ propertyFirm: FIRM, building: { id: 11, name: '1栋' } });

const verified: MembershipDTO = {
  id: 40,
  householdId: 400,
  status: 'verified',
  statusLabel: '已认证',
  relation: 'owner',
  compound: { id: 3, name: '锦屏花园' },
  building: { id: 11, name: '1栋' },
  unit: { id: 111, name: '1单元' },
  room: '502',
  address: '1栋1单元502',
  rejectReason: null,
  createdAt: '2030-03-01T02:00:00.000Z',
  verifiedAt: '2030-03-02T02:00:00.000Z',
};

const repair = {
  id: 2,
  code: 'repair',
  name: '公共维修',
  icon: '🔧',
  list: 'need',
  listLabel: '需求清单',
  dispatchMode: 'property',
  partyClaimable: false,
  acceptSlaHours: 4,
  resolveSlaHours: 48,
} satisfies NeedCategoryDTO;

async function scanAs(memberships: MembershipDTO[] | null) {
  __setRouter(ROUTES.scan, { scene: 'c%3DNJJP01' });
  (hasIdentity as jest.Mock).mockReturnValue(memberships !== null);
  (community.resolveScene as jest.Mock).mockResolvedValue({ ok: true, data: compound } satisfies Envelope<CompoundHomeDTO>);
  (needs.categories as jest.Mock).mockResolvedValue({ ok: true, data: [repair] } satisfies Envelope<NeedCategoryDTO[]>);
  (me.get as jest.Mock).mockResolvedValue({
    ok: true,
    data: { id: 1, name: '王秀兰', phone: null, roles: [], memberships: memberships ?? [], verifiedResident: true, can: capabilitiesOf([]) },
  });
  render(<ScanPage />);
  await flush(50);
}

beforeEach(() => {
  __storage.clear();
  jest.clearAllMocks();
});

describe('扫码进入 (QR entry)', () => {
  it('offers a verified resident 我要点单 with one-tap categories, and remembers the compound', async () => {
    await scanAs([verified]);
    expect(document.querySelector('.compound__actions .btn--primary')?.textContent).toBe('我要点单');
    expect(screen.queryByTestId('resident-bind')).toBeNull();
    expect(__storage.get('hg.currentCompoundId')).toBe(3);
    await click(screen.getByRole('button', { name: '我要点单：公共维修' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.needCreate}?compoundId=3&categoryId=2` });
  });

  it('asks someone not signed in to bind a home in the scanned building, without asking who they are', async () => {
    await scanAs(null);
    expect(me.get).not.toHaveBeenCalled();
    expect(document.querySelector('.compound__actions .btn--primary')?.textContent).toBe('绑定房屋');
    await click(screen.getByTestId('resident-bind'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `${ROUTES.bind}?compoundId=3&buildingId=11` });
  });
});
