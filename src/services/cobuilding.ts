import { client } from './client';

/** 契约化共建: agreements with their progress, deliveries recorded by departments and confirmed by streets and communities. */
export const cobuilding = client('cobuilding', ['list', 'get', 'sign', 'close', 'deliver', 'confirm', 'decline', 'deliveries', 'departments']);
