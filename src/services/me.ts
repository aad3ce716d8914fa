import { client } from './client';

/** The signed-in person: profile, roles with scope names, memberships, and what they may open (`can`). */
export const me = client('me', ['get', 'update']);
