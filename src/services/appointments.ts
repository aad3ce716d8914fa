import { client } from './client';

/** The `appointments` function (人员任命): the posts of a street or community, appoint, revoke. */
export const appointments = client('appointments', ['list', 'appoint', 'revoke']);
