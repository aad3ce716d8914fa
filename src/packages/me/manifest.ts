import type { SubpackageManifest } from '../../manifest-types';

/** 我的's own pages: the message centre. */
export default {
  root: 'packages/me',
  pages: { messages: 'pages/messages/index' },
  entries: [{ label: '消息中心', route: 'messages', section: 'info', when: 'signedIn', testId: 'entry-messages', count: 'unreadMessages' }],
} as const satisfies SubpackageManifest;
