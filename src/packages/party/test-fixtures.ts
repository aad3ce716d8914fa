import type { ActivityDTO, CommitmentSummaryDTO, PartyReportDTO, ServiceHoursDTO } from '@hg/types/party';
import type { MeDTO } from '@hg/types';
import { capabilitiesOf } from '@hg/types/roles';

/** Builders for the party page tests: plausible DTOs with overrides (people invented). */

export function report(overrides: Partial<PartyReportDTO> = {}): PartyReportDTO {
  return {
    id: 5,
    status: 'pending',
    statusLabel: '待确认',
    year: 2026,
    branch: { compoundId: 1, branchName: '锦屏花园党支部', buildingId: 12, groupName: '2栋党小组' },
    communityId: 1,
    workUnit: '阆中市住房和城乡建设局机关党支部',
    memberId: 9,
    memberName: '周卫东',
    memberPhone: '100****0015',
    createdAt: '2026-12-01T02:00:00.000Z',
    decidedAt: null,
    validUntil: null,
    declineReason: null,
    can: { confirm: false, decline: false, withdraw: true, renew: false },
    ...overrides,
  };
}

export function summary(overrides: Partial<CommitmentSummaryDTO> = {}): CommitmentSummaryDTO {
  return {
    year: 2026,
    report: report({ status: 'confirmed', statusLabel: '已报到' }),
    commitment: null,
    plannedHours: null,
    recordedHours: null,
    approvedHours: null,
    pendingRecords: 0,
    postCategories: ['政策宣传岗', '环境卫生岗', '平安监督岗', '综合服务岗', '文明倡导岗'],
    roles: ['政策宣传员', '矛盾调解员', '环境监督员', '治安巡逻员', '文明引导员', '志愿服务员'],
    plannedHoursMax: 200,
    ...overrides,
  };
}

export function activity(overrides: Partial<ActivityDTO> = {}): ActivityDTO {
  return {
    id: 3,
    slotId: 30,
    title: '锦屏花园环境整治',
    description: '清理绿化带杂物。',
    place: '锦屏花园中心广场',
    communityId: 1,
    compoundId: 1,
    startsAt: '2026-12-12T01:00:00.000Z',
    endsAt: '2026-12-12T03:00:00.000Z',
    cutoffAt: '2026-12-12T01:00:00.000Z',
    capacity: 20,
    taken: 4,
    status: 'published',
    mine: null,
    can: { signUp: true, run: false },
    ...overrides,
  };
}

export function hours(overrides: Partial<ServiceHoursDTO> = {}): ServiceHoursDTO {
  return {
    id: 8,
    memberId: 9,
    memberName: '周卫东',
    activityId: 3,
    title: '锦屏花园环境整治',
    startedAt: '2026-12-05T01:05:00.000Z',
    endedAt: '2026-12-05T03:00:00.000Z',
    hours: 1.9,
    minutes: 115,
    status: 'pending',
    statusLabel: '待审核',
    flag: null,
    flagLabel: null,
    decidedAt: null,
    rejectReason: null,
    can: { decide: true, correct: true },
    ...overrides,
  };
}

/** 杨晓燕, community staff of 南街社区 (the branch's part), or a party member of 锦屏花园. */
export function profile(kind: 'staff' | 'member'): MeDTO {
  const roles =
    kind === 'staff'
      ? [{ role: 'community_staff' as const, roleLabel: '社区工作人员', scopeLevel: 'community' as const, scopeId: 1, scopeName: '南街社区', organisation: null }]
      : [{ role: 'party_member' as const, roleLabel: '党员', scopeLevel: 'compound' as const, scopeId: 1, scopeName: '锦屏花园', organisation: null }];
  return { id: 9, name: kind === 'staff' ? '杨晓燕' : '周卫东', phone: null, roles, memberships: [], verifiedResident: false, can: capabilitiesOf(roles) };
}
