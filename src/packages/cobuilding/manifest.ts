import type { SubpackageManifest } from '../../manifest-types';

/**
 * 契约化共建: the agreements between the city's departments and streets or communities, their
 * progress, deliveries recorded by the department and confirmed by the street or community. The
 * list is for street and community staff, the city and a department's staff (`cobuilding`; the
 * server decides which agreements each sees); 待确认交付 for those who confirm (`confirmDeliveries`).
 */
export default {
  root: 'packages/cobuilding',
  workTitle: '契约化共建',
  pages: {
    cobuildingList: 'pages/list/index',
    agreement: 'pages/agreement/index',
    deliveryRecord: 'pages/deliver/index',
    deliveryConfirm: 'pages/confirm/index',
  },
  entries: [
    { label: '共建协议', hint: '职能部门共建承诺与履约进度', route: 'cobuildingList', section: 'work', when: 'cobuilding', testId: 'entry-cobuilding' },
    {
      label: '待确认交付',
      hint: '确认部门登记的共建交付',
      route: 'deliveryConfirm',
      section: 'work',
      when: 'confirmDeliveries',
      testId: 'entry-cobuilding-confirm',
    },
  ],
} as const satisfies SubpackageManifest;
