import { z } from 'zod';
import { cursor, id, limit } from './primitives';

/**
 * Request schemas of the `notifications` function. A file of their own: every function carries
 * the message centre, and a schema module is bundled whole once one of its exports is used (the
 * needs schemas cost the `me` bundle 5.5 KB while these two lived there).
 */
export const ZNotificationsRequest = z.object({ unreadOnly: z.boolean().optional(), cursor, limit }).strict();
export type TNotificationsRequest = z.infer<typeof ZNotificationsRequest>;

export const ZMarkReadRequest = z.object({ ids: z.array(id).min(1).max(100) }).strict();
export type TMarkReadRequest = z.infer<typeof ZMarkReadRequest>;
