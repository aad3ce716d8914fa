import type { MeDTO, MembershipDTO, NeedCategoryDTO, NeedDetailDTO, NeedSummaryDTO } from '@hg/types';
import { capabilitiesOf } from '@hg/types/roles';

/** Builders for the needs page tests: a plausible DTO with overrides, like test/factories on the server. */

export function category(id: number, code: string, name: string, list: NeedCategoryDTO['list'], icon = '🔧'): NeedCategoryDTO {
  return { id, code, name, icon, list, listLabel: '', dispatchMode: 'assign', partyClaimable: false, acceptSlaHours: 24, resolveSlaHours: 72 };
}

export function membership(overrides: Partial<MembershipDTO> & { householdId?: number } = {}): MembershipDTO {
  return {
    id: 1,
    status: 'verified',
    statusLabel: '已认证',
    relation: 'owner',
    compound: { id: 1, name: '锦屏花园' },
    building: { id: 11, name: '1栋' },
    unit: { id: 111, name: '1单元' },
    room: '502',
    address: '锦屏花园1栋1单元502',
    rejectReason: null,
    createdAt: '2025-03-01T08:30:00.000Z',
    verifiedAt: '2025-03-02T08:30:00.000Z',
    ...overrides,
  } as MembershipDTO;
}

/** A signed-in person; `can` follows the roles given (as the server derives it) unless overridden. */
export function profile(overrides: Partial<MeDTO> = {}): MeDTO {
  const roles = overrides.roles ?? [];
  return { id: 1, name: '王秀兰', phone: '10000000001', roles, memberships: [], verifiedResident: true, can: capabilitiesOf(roles), ...overrides };
}

export function summary(id: number, overrides: Partial<NeedSummaryDTO> = {}): NeedSummaryDTO {
  return {
    id,
    category: { id: 1, name: '管道疏通', icon: '🚰' },
    list: 'need',
    status: 'submitted',
    statusLabel: '已点单',
    level: 'building',
    levelLabel: '楼栋',
    channel: 'self',
    compound: { id: 1, name: '锦屏花园' },
    building: { id: 11, name: '1栋' },
    excerpt: '厨房下水道堵了',
    receiver: null,
    overdue: false,
    urgeCount: 0,
    reopenCount: 0,
    rating: null,
    createdAt: '2025-03-01T08:30:00.000Z',
    updatedAt: '2025-03-01T08:30:00.000Z',
    place: 'home',
    placeLabel: '1栋',
    unverified: false,
    dueAt: null,
    ...overrides,
  };
}

export function detail(id: number, overrides: Partial<NeedDetailDTO> = {}): NeedDetailDTO {
  return {
    ...summary(id),
    description: '厨房下水道堵了，水排不下去',
    location: '1栋1单元502 厨房',
    photos: [],
    voiceNote: null,
    resolutionNote: null,
    resolutionPhotos: [],
    ratingComment: null,
    reporter: { name: '王秀兰', phone: null, phoneMasked: '100****0001' },
    acceptDueAt: null,
    resolveDueAt: null,
    holdUntil: null,
    resolvedAt: null,
    closedAt: null,
    rejectReason: null,
    rejectReasonLabel: null,
    mergedIntoId: null,
    events: [
      {
        id: 1,
        type: 'created',
        label: '居民点单',
        actor: '居民 王秀兰',
        fromStatus: null,
        toStatus: 'submitted',
        level: 'building',
        note: null,
        createdAt: '2025-03-01T08:30:00.000Z',
      },
    ],
    comments: [],
    can: [],
    following: false,
    reporting: true,
    mergedFrom: [],
    handler: null,
    awaitingRung: null,
    ...overrides,
  };
}
