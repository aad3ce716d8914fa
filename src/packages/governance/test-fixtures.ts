import type { MatterDTO, MyBallotDTO, TallyDTO } from '@hg/types/deliberation';

/** Builders for the governance page tests: plausible DTOs with overrides. */

export function matter(overrides: Partial<MatterDTO> = {}): MatterDTO {
  return {
    id: 7,
    title: '小区东门增设智能快递柜',
    status: 'voting',
    statusLabel: '组织协商',
    scopeLevel: 'compound',
    placeName: '锦屏花园',
    version: 1,
    opensAt: '2026-12-05T01:00:00.000Z',
    closesAt: '2026-12-12T12:00:00.000Z',
    text: '拟在东门内侧安装一组智能快递柜。',
    options: ['同意安装', '不同意安装'],
    compoundId: 1,
    buildingId: null,
    unitId: null,
    contentHash: '3fa1c0de',
    sourceNeedId: null,
    proposerName: '李明华',
    publishedAt: '2026-12-01T02:00:00.000Z',
    rule: { quorumPercent: 50, approvalPercent: 50, noticeDays: 3 },
    eligible: 120,
    votingOpen: true,
    withdrawnReason: null,
    outcome: null,
    outcomePublishedAt: null,
    tally: null,
    timeline: [
      { event: 'drafted', label: '制定方案', at: '2026-11-30T02:00:00.000Z', version: null, note: null },
      { event: 'published', label: '发布公告', at: '2026-12-01T02:00:00.000Z', version: 1, note: null },
      { event: 'opened', label: '开始投票', at: '2026-12-05T01:00:00.000Z', version: null, note: null },
    ],
    myHouseholds: [{ householdId: 41, place: '1栋1单元502' }],
    can: [],
    ...overrides,
  };
}

export function ballot(overrides: Partial<MyBallotDTO> = {}): MyBallotDTO {
  return {
    householdId: 41,
    version: 1,
    optionIndex: 0,
    option: '同意安装',
    channel: 'online',
    castAt: '2026-12-06T02:00:00.000Z',
    castByMember: true,
    ...overrides,
  };
}

export function tally(overrides: Partial<TallyDTO> = {}): TallyDTO {
  return {
    version: 1,
    eligible: 120,
    ballots: 80,
    byChannel: { online: 70, meeting: 8, proxy: 2 },
    participationPercent: 66.7,
    counts: [60, 20],
    quorumMet: true,
    approved: true,
    leadingOption: 0,
    quorumPercent: 50,
    approvalPercent: 50,
    closedAt: '2026-12-12T12:00:05.000Z',
    ...overrides,
  };
}
