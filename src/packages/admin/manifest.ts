import type { SubpackageManifest } from '../../manifest-types';

/** The city admin's pages. */
export default {
  root: 'packages/admin',
  workTitle: '系统管理',
  pages: { timerJobs: 'pages/timers/index' },
  entries: [{ label: '定时任务', hint: '超时升级、提醒等任务是否按时运行', route: 'timerJobs', section: 'work', when: 'timerStatus', testId: 'entry-timers' }],
} as const satisfies SubpackageManifest;
