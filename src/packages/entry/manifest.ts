import type { SubpackageManifest } from '../../manifest-types';

/** Entry: the page a scanned compound or building code opens. Reached by the code, not by an entry. */
export default {
  root: 'packages/entry',
  pages: { scan: 'pages/scan/index' },
} as const satisfies SubpackageManifest;
