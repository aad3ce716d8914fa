import type { CompoundHomeDTO } from '@hg/types';

/** A compound home as `community.getCompound` answers it (锦屏花园, no firm, services or centres unless given). */
export const compoundHome = (over: Partial<CompoundHomeDTO> = {}): CompoundHomeDTO => ({
  id: 3,
  code: 'NJJP01',
  name: '锦屏花园',
  type: 'commercial',
  typeLabel: '商住小区',
  street: { id: 1, name: '保宁街道' },
  community: { id: 2, name: '南街社区' },
  address: '南街88号',
  propertyFirm: null,
  services: [],
  buildingCount: 6,
  householdCount: 720,
  verifiedHouseholdCount: 12,
  building: null,
  firmRating: null,
  careCentres: [],
  ...over,
});

/** The property firm most fixtures need. */
export const FIRM: CompoundHomeDTO['propertyFirm'] = {
  id: 9,
  name: '阆苑物业服务有限公司',
  kind: 'property_firm',
  kindLabel: '物业企业',
  hotline: '0817-6220001',
};
