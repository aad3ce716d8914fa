import { GRID_LIMITS } from '@hg/types/grids';
import { ZRecordVisitRequest } from '@hg/types/grids-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidInput, isUniqueViolation, notFound } from '../../../core/errors';
import { recordEvent } from '../../../core/subject-log';
import { assertVoiceUploaded, newVoiceNote } from '../../../core/voice-notes';
import { Grid, GridFinding, GridVisit, GridVisitVoiceNote } from '../entities';
import { worksGrid } from '../grid.policy';
import { closePlansByVisit } from '../plans';
import { visitPlace } from '../visit-place';
import { presentVisits } from '../visit.presenter';

const HOUR = 3600 * 1000;

/**
 * 走访登记: a grid worker records a visit in a grid they work, to a household or building it
 * covers. Idempotent by request id: a retried submit (a lost answer, a second tap) gets the visit
 * the first made, and never a second row (unique key on worker + request id). The visit is
 * editable by its worker for 24 hours, then locked. A visit to a household closes its open
 * planned visits whose window has started.
 */
export const recordVisit = defineAction({
  input: ZRecordVisitRequest,
  async handler(input, { ds, actor, tx, platform }) {
    const now = clock.now();
    const again = await ds.manager.findOne(GridVisit, { where: { workerId: actor.userId, requestId: input.requestId } });
    if (again) return (await presentVisits(ds.manager, actor, [again], now))[0];

    const grid = await ds.manager.findOne(Grid, { where: { id: input.gridId } });
    if (!grid) throw notFound('网格');
    if (!(await worksGrid(ds.manager, actor, grid))) throw forbidden('只能在您负责的网格登记走访');
    const place = await visitPlace(ds.manager, grid, input);
    const visitedAt = new Date(input.visitedAt);
    if (visitedAt.getTime() > now.getTime() + 5 * 60 * 1000) throw invalidInput('visitedAt', '走访时间不能晚于现在');
    const photoIds = [...new Set(input.photoIds ?? [])];
    for (const fileId of photoIds) if (!(await platform.photos.exists(fileId))) throw invalidInput('photoIds', '图片不存在或已过期，请重新上传');

    let visit: GridVisit;
    try {
      visit = await tx(async (em) => {
        if (input.voiceNote) await assertVoiceUploaded(platform, input.voiceNote);
        const row = em.create(GridVisit, {
          gridId: grid.id,
          communityId: grid.communityId,
          workerId: actor.userId,
          requestId: input.requestId,
          ...place,
          kind: input.kind,
          way: input.way,
          visitedAt,
          minutes: input.minutes,
          contactMade: input.contactMade,
          notes: input.notes ?? '',
          photoIds,
          createdAt: now,
          lockedAt: new Date(now.getTime() + GRID_LIMITS.editHours * HOUR),
          updatedAt: null,
        });
        await em.insert(GridVisit, row);
        if (input.findings.length)
          await em.insert(
            GridFinding,
            input.findings.map((f) => ({ visitId: row.id, category: f.category, count: f.count, text: f.text ?? '', solved: f.solved, needId: null, filedAt: null })),
          );
        if (place.householdId) await closePlansByVisit(em, place.householdId, row.id, visitedAt, now);
        if (input.voiceNote) await em.insert(GridVisitVoiceNote, { visitId: row.id, ...newVoiceNote(input.voiceNote, actor.userId, now) });
        await recordEvent(em, {
          subjectKind: 'grid_visit',
          subjectId: row.id,
          action: 'recorded',
          actorId: actor.userId,
          at: now,
          data: { gridId: grid.id, findings: input.findings.length, unsolved: input.findings.filter((f) => !f.solved).length },
        });
        return row;
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // The twin of this request won the race: answer with its visit.
      visit = (await ds.manager.findOne(GridVisit, { where: { workerId: actor.userId, requestId: input.requestId } }))!;
    }
    return (await presentVisits(ds.manager, actor, [visit], now))[0];
  },
});
