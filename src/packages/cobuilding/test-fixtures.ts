import type { AgreementDTO, AgreementItemDTO, DeliveryDTO } from '@hg/types/cobuilding';

/** An item as the server presents it (people, 12 promised, 8 confirmed, 2 waiting, overdue). */
export function item(over: Partial<AgreementItemDTO> = {}): AgreementItemDTO {
  return {
    id: 31,
    position: 1,
    kind: 'people',
    kindLabel: '人员',
    unit: '人次',
    promised: 12,
    delivered: 8,
    pending: 2,
    percent: 66,
    dueOn: '2026-11-01',
    description: '政策宣讲',
    overdue: true,
    ...over,
  };
}

/** A signed agreement 市住建局 × 南街社区 with a people item and a money item, seen by the department. */
export function agreement(over: Partial<AgreementDTO> = {}): AgreementDTO {
  return {
    id: 5,
    title: '市住建局与南街社区共建协议',
    departmentId: 20,
    departmentName: '阆中市住房和城乡建设局',
    party: 'community',
    partyId: 1,
    partyName: '南街社区',
    startsOn: '2026-06-01',
    endsOn: '2027-05-31',
    status: 'signed',
    statusLabel: '已签订',
    progress: { items: 2, done: 0, overdue: 1 },
    version: 1,
    departmentSignedAt: '2026-06-02T02:00:00.000Z',
    partySignedAt: '2026-06-03T02:00:00.000Z',
    signedAt: '2026-06-03T02:00:00.000Z',
    closedAt: null,
    closeNote: null,
    items: [
      item(),
      item({
        id: 32,
        position: 2,
        kind: 'money',
        kindLabel: '资金',
        unit: '元',
        promised: 5_000_000,
        delivered: 0,
        pending: 2_000_000,
        percent: 0,
        dueOn: '2027-02-01',
        description: '照明改造资金',
        overdue: false,
      }),
    ],
    timeline: [],
    can: ['deliver'],
    ...over,
  };
}

export function delivery(over: Partial<DeliveryDTO> = {}): DeliveryDTO {
  return {
    id: 71,
    agreementId: 5,
    agreementTitle: '市住建局与南街社区共建协议',
    departmentName: '阆中市住房和城乡建设局',
    itemId: 32,
    itemPosition: 2,
    itemKind: 'money',
    itemLabel: '资金：照明改造资金',
    unit: '元',
    quantity: 2_000_000,
    note: '第一笔资金已拨付',
    photos: [],
    status: 'pending',
    statusLabel: '待确认',
    recordedBy: '郑文斌',
    recordedAt: '2026-12-01T02:00:00.000Z',
    decidedBy: null,
    decidedAt: null,
    declineReason: null,
    can: ['confirm', 'decline'],
    ...over,
  };
}
