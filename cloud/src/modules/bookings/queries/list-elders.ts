import { ZEldersRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { decodeCursor, encodeCursor } from '../../../core/cursor';
import { forbidden } from '../../../core/errors';
import { isCentreStaff } from '../booking.policy';
import { presentElders } from '../booking.presenter';
import { Elder } from '../elder.entity';

/** Four digits: the tail of a phone number, as people say it at the counter. */
const PHONE_TAIL = /^\d{4}$/;

/**
 * 老人档案: centre staff look up the elders registered with their centre, newest first — by name
 * prefix (`IX_elders_centreId_name`), or by the last four digits of the phone. Profiles (diets,
 * allergies, 低保, living alone) are for the centre's staff only; phones are masked.
 */
export const listElders = defineAction({
  input: ZEldersRequest,
  async handler({ centreId, q, pending, cursor, limit = 20 }, { actor, ds }) {
    if (!isCentreStaff(actor, centreId)) throw forbidden('只有本中心工作人员可以查看老人档案');
    const after = decodeCursor(cursor);
    const qb = ds.manager.createQueryBuilder(Elder, 'e').where('e.centreId = :centreId', { centreId });
    // '!' escapes LIKE's wildcards the same way on MySQL and SQLite (a backslash does not).
    if (q && PHONE_TAIL.test(q)) qb.andWhere('e.phone LIKE :tail', { tail: `%${q}` });
    else if (q) qb.andWhere("e.name LIKE :prefix ESCAPE '!'", { prefix: `${q.replace(/[!%_]/g, (c) => `!${c}`)}%` });
    if (pending) qb.andWhere('e.verifiedAt IS NULL');
    if (after) qb.andWhere('e.id < :after', { after });
    const rows = await qb
      .orderBy('e.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    return {
      items: await presentElders(ds.manager, page, actor, clock.now()),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  },
});
