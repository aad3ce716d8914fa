import type { SubpackageManifest } from '../../manifest-types';

/** Households: binding to a home (居民认证) and the verifiers' queue. */
export default {
  root: 'packages/household',
  workTitle: '居民认证',
  pages: {
    bind: 'pages/bind/index',
    verify: 'pages/verify/index',
  },
  entries: [
    { label: '绑定房屋', route: 'bind', section: 'resident', when: 'anyone', testId: 'entry-bind' },
    {
      label: '居民认证审核',
      hint: '核实居民绑定的房屋',
      route: 'verify',
      section: 'work',
      when: 'verifyHouseholds',
      testId: 'entry-verify',
      count: 'verifyQueue',
    },
  ],
} as const satisfies SubpackageManifest;
