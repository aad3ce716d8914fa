import type { SubpackageManifest } from '../../manifest-types';

/** Sign-in (the demo login on H5): opened by the app shell and by 登录 buttons. */
export default {
  root: 'packages/auth',
  pages: { login: 'pages/login/index' },
} as const satisfies SubpackageManifest;
