import { client } from './client';

/** Household binding (居民认证), its verification queue, and the 代办 room lookup. */
export const households = client('households', ['bind', 'mine', 'verifyQueue', 'verify', 'lookup', 'places']);
