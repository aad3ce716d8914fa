import type { SubpackageManifest } from '../../manifest-types';

/** Community: a compound's page and its QR posters. */
export default {
  root: 'packages/community',
  workTitle: '小区管理',
  pages: {
    compound: 'pages/compound/index',
    posters: 'pages/posters/index',
  },
  entries: [{ label: '二维码海报', hint: '打印小区和楼栋的二维码', route: 'posters', section: 'work', when: 'printPosters', testId: 'entry-posters' }],
} as const satisfies SubpackageManifest;
