import { client } from './client';

/** Streets → communities → compounds → buildings, plus the QR entry (`resolveScene`) and posters. */
export const community = client('community', ['resolveScene', 'getCompound', 'listCompounds', 'listBuildings', 'posters']);
