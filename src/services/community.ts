import { callFunction } from './transport';

/** Streets → communities → compounds → buildings, plus the QR entry and posters. */
export const community = {
  /** `scene` as it arrived (raw or URL-encoded); the server parses it again. */
  resolveScene: (scene: string) => callFunction('community', 'resolveScene', { scene }),
  getCompound: (compoundId: number) => callFunction('community', 'getCompound', { compoundId }),
  listCompounds: (communityId?: number) =>
    callFunction('community', 'listCompounds', communityId ? { communityId } : {}),
  listBuildings: (compoundId: number) => callFunction('community', 'listBuildings', { compoundId }),
  posters: (compoundId: number) => callFunction('community', 'posters', { compoundId }),
};
