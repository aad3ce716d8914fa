import type { CompoundType, OrgKind, Role, ScopeLevel } from '@hg/types';

/**
 * Demo data modelled on the People's Daily report on Langzhong (阆中市). Places and organisation
 * types follow the article; every person is invented and every phone uses the 1000000xxxx prefix
 * that no carrier issues.
 */
export const CITY = '阆中市';

export interface SeedCompound {
  name: string;
  type: CompoundType;
  code: string;
  address: string;
  property: string | null;
  buildings: { name: string; code: string; units: number }[];
}

export const STREETS: { name: string; communities: { name: string; compounds: SeedCompound[] }[] }[] = [
  {
    name: '保宁街道',
    communities: [
      {
        name: '南街社区',
        compounds: [
          {
            name: '锦屏花园',
            type: 'commercial',
            code: 'NJJP01',
            address: '南街128号',
            property: '阆苑物业服务有限公司',
            buildings: [
              { name: '1栋', code: 'NJJP0101', units: 2 },
              { name: '2栋', code: 'NJJP0102', units: 2 },
              { name: '3栋', code: 'NJJP0103', units: 3 },
            ],
          },
          {
            name: '南街老院子',
            type: 'old',
            code: 'NJLY02',
            address: '南街56号',
            property: '古城红色物业服务有限公司',
            buildings: [
              { name: '1栋', code: 'NJLY0201', units: 1 },
              { name: '2栋', code: 'NJLY0202', units: 2 },
            ],
          },
        ],
      },
      {
        name: '内东街社区',
        compounds: [
          {
            name: '内东街3号院',
            type: 'old',
            code: 'NDJ301',
            address: '内东街3号',
            property: '古城红色物业服务有限公司',
            buildings: [
              { name: '1栋', code: 'NDJ30101', units: 2 },
              { name: '2栋', code: 'NDJ30102', units: 2 },
            ],
          },
          {
            name: '嘉陵江畔',
            type: 'commercial',
            code: 'NDJL02',
            address: '内东街99号',
            property: '嘉陵物业管理有限公司',
            buildings: [
              { name: 'A栋', code: 'NDJL0201', units: 2 },
              { name: 'B栋', code: 'NDJL0202', units: 2 },
              { name: 'C栋', code: 'NDJL0203', units: 2 },
            ],
          },
        ],
      },
      {
        name: '书院街社区',
        compounds: [
          {
            name: '书院名邸',
            type: 'commercial',
            code: 'SYMD01',
            address: '书院街18号',
            property: '阆苑物业服务有限公司',
            buildings: [
              { name: '1栋', code: 'SYMD0101', units: 2 },
              { name: '2栋', code: 'SYMD0102', units: 2 },
            ],
          },
          {
            name: '书院安居小区',
            type: 'resettlement',
            code: 'SYAJ02',
            address: '书院街66号',
            property: null,
            buildings: [
              { name: '1栋', code: 'SYAJ0201', units: 2 },
              { name: '2栋', code: 'SYAJ0202', units: 2 },
            ],
          },
        ],
      },
    ],
  },
  {
    name: '七里街道',
    communities: [
      {
        name: '七里社区',
        compounds: [
          {
            name: '七里还房小区',
            type: 'resettlement',
            code: 'QLHF01',
            address: '七里大道200号',
            property: '嘉陵物业管理有限公司',
            buildings: [
              { name: '1栋', code: 'QLHF0101', units: 2 },
              { name: '2栋', code: 'QLHF0102', units: 2 },
              { name: '3栋', code: 'QLHF0103', units: 2 },
            ],
          },
        ],
      },
    ],
  },
  { name: '江南街道', communities: [{ name: '江南社区', compounds: [] }] },
];

export const ORGANISATIONS: { name: string; kind: OrgKind; community: string | null; hotline: string | null; serves: string[] }[] = [
  { name: '阆苑物业服务有限公司', kind: 'property_firm', community: null, hotline: '0817-0000101', serves: [] },
  { name: '古城红色物业服务有限公司', kind: 'property_firm', community: null, hotline: '0817-0000102', serves: [] },
  { name: '嘉陵物业管理有限公司', kind: 'property_firm', community: null, hotline: '0817-0000103', serves: [] },
  // The five professional service teams of the neighbourly service centres (睦邻服务中心).
  { name: '健康卫生服务队', kind: 'service_team', community: '南街社区', hotline: '0817-0000201', serves: ['锦屏花园', '南街老院子'] },
  { name: '未成年关爱服务队', kind: 'service_team', community: '内东街社区', hotline: '0817-0000202', serves: ['内东街3号院', '嘉陵江畔'] },
  { name: '家政陪护服务队', kind: 'service_team', community: '书院街社区', hotline: '0817-0000203', serves: ['书院名邸', '书院安居小区'] },
  { name: '管网疏通服务队', kind: 'service_team', community: '南街社区', hotline: '0817-0000204', serves: ['锦屏花园', '南街老院子', '内东街3号院'] },
  { name: '家电维修服务队', kind: 'service_team', community: '内东街社区', hotline: '0817-0000205', serves: ['嘉陵江畔', '书院名邸', '锦屏花园'] },
  { name: '南街社区日间照料中心', kind: 'day_care_centre', community: '南街社区', hotline: '0817-0000301', serves: ['锦屏花园', '南街老院子'] },
  { name: '阆中市红色管家志愿服务协会', kind: 'social_org', community: null, hotline: '0817-0000401', serves: ['锦屏花园', '内东街3号院', '书院安居小区'] },
  { name: '阆中市住房和城乡建设局', kind: 'department', community: null, hotline: null, serves: [] },
  { name: '阆中市综合行政执法局', kind: 'department', community: null, hotline: null, serves: [] },
];

export interface SeedUser {
  key: string;
  name: string;
  phone: string;
  roles: { role: Role; level: ScopeLevel; node: string; org?: string }[];
  /** Verified household binding "compound/building/unit/room". */
  home?: string;
}

/** One invented person per role, all in 锦屏花园 / 南街社区 unless noted. Node paths use "/". */
export const USERS: SeedUser[] = [
  { key: 'resident', name: '王秀兰', phone: '10000000001', roles: [], home: '锦屏花园/1栋/1单元/502' },
  { key: 'resident2', name: '赵建国', phone: '10000000002', roles: [], home: '锦屏花园/3栋/2单元/301' },
  { key: 'newcomer', name: '', phone: '10000000003', roles: [] },
  {
    key: 'unit_head',
    name: '刘桂芳',
    phone: '10000000011',
    roles: [{ role: 'unit_head', level: 'unit', node: '锦屏花园/1栋/1单元' }],
    home: '锦屏花园/1栋/1单元/101',
  },
  {
    key: 'building_head',
    name: '陈志强',
    phone: '10000000012',
    roles: [{ role: 'building_head', level: 'building', node: '锦屏花园/1栋' }],
    home: '锦屏花园/1栋/2单元/201',
  },
  {
    key: 'compound_head',
    name: '李明华',
    phone: '10000000013',
    roles: [{ role: 'compound_head', level: 'compound', node: '锦屏花园' }],
    home: '锦屏花园/2栋/1单元/601',
  },
  { key: 'grid_worker', name: '张丽', phone: '10000000014', roles: [{ role: 'grid_worker', level: 'community', node: '南街社区' }] },
  {
    key: 'party_member',
    name: '周卫东',
    phone: '10000000015',
    roles: [{ role: 'party_member', level: 'compound', node: '锦屏花园' }],
    home: '锦屏花园/2栋/2单元/402',
  },
  { key: 'community_staff', name: '杨晓燕', phone: '10000000016', roles: [{ role: 'community_staff', level: 'community', node: '南街社区' }] },
  { key: 'community_staff_nd', name: '黄海', phone: '10000000017', roles: [{ role: 'community_staff', level: 'community', node: '内东街社区' }] },
  { key: 'street_staff', name: '吴国平', phone: '10000000018', roles: [{ role: 'street_staff', level: 'street', node: '保宁街道' }] },
  {
    key: 'property_staff',
    name: '孙磊',
    phone: '10000000021',
    roles: [{ role: 'org_staff', level: 'community', node: '南街社区', org: '阆苑物业服务有限公司' }],
  },
  { key: 'team_staff', name: '何勇', phone: '10000000022', roles: [{ role: 'org_staff', level: 'community', node: '南街社区', org: '管网疏通服务队' }] },
  {
    key: 'care_staff',
    name: '郑红梅',
    phone: '10000000023',
    roles: [{ role: 'care_staff', level: 'community', node: '南街社区', org: '南街社区日间照料中心' }],
  },
  { key: 'assessor', name: '马建华', phone: '10000000031', roles: [{ role: 'assessor', level: 'street', node: '保宁街道' }] },
  { key: 'admin', name: '林峰', phone: '10000000041', roles: [{ role: 'admin', level: 'city', node: '' }] },
];

/** Rooms per unit seeded as households (floors 1–6, two doors each) so counts look real. */
export const FLOORS = 6;
export const DOORS_PER_FLOOR = 2;

export const demoOpenid = (key: string) => `demo:${key}`;
