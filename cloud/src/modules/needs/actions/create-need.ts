import { LADDER, ZCreateNeedRequest, type EscalationLevel, type NeedChannel } from '@hg/types';
import type { EntityManager } from 'typeorm';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { forbidden, invalidInput, notFound } from '../../../core/errors';
import { buildingOf, communityRepo } from '../../community/public';
import { firstVerifiedMemberOf, householdWithMembership } from '../../households/public';
import { holdersQuery, underLimit, type UsageLimit } from '../../identity/public';
import { Notifier } from '../../notifications/public';
import { NeedCategory } from '../need-category.entity';
import { forStaff, hoursFrom, receiversToTell } from '../need-flow';
import { recordNeedEvents, type NeedEventInput } from '../need-events';
import { attachPhotos } from '../need-photos';
import { attachVoiceNote } from '../need-voice-notes';
import { proxyFilingChannel } from '../need.policy';
import { presentChange } from '../need.presenter';
import { Need } from '../need.entity';

/** A resident may file this many needs a day; a proxy files for many people and is not limited. */
export const MAX_NEEDS_PER_DAY = 20;

/**
 * 居民点单: a verified resident (or a linked family member) reports a need; one whose binding is
 * still pending may too, and the need is marked 待核实. A grid worker, head or community staff may
 * file it for a resident without a phone. The household is who to call back; 位置 (home, a
 * building's or the compound's public area) decides where the need sits on the ladder and the
 * board. Categories routed to the property firm or published for claiming skip the dispatch queue.
 */
export const createNeed = defineAction({
  input: ZCreateNeedRequest,
  async handler(input, { actor, ds, tx, platform }) {
    const now = clock.now();
    const found = await householdWithMembership(ds.manager, input.householdId, actor.userId);
    if (!found) throw notFound('房屋');
    const { household, membership } = found;
    const compound = await communityRepo.compound(ds.manager, household.compoundId);
    if (!compound) throw notFound('小区');
    const home = {
      streetId: compound.streetId,
      communityId: household.communityId,
      compoundId: household.compoundId,
      buildingId: household.buildingId,
      unitId: household.unitId,
    };

    // Where the problem is. A building's public area has no unit (unitId 0); the compound's has no
    // building either (buildingId 0) and starts one rung up, with the compound head.
    const place = input.place ?? 'home';
    let path = home;
    if (place === 'building') {
      const building = input.buildingId ? await buildingOf(ds.manager, household.compoundId, input.buildingId) : null;
      if (!building) throw notFound('楼栋');
      path = { ...home, buildingId: building.id, unitId: 0 };
    } else if (place === 'compound') {
      path = { ...home, buildingId: 0, unitId: 0 };
    }
    const level: EscalationLevel = place === 'compound' ? 'compound' : 'building';

    // Who may file for this household is decided on the household, wherever the problem is.
    const verified = membership?.status === 'verified' ? membership : null;
    const pending = membership?.status === 'pending' ? membership : null;
    const proxyChannel = proxyFilingChannel(actor, home);
    let channel: NeedChannel;
    let reporterId = actor.userId;
    let contactName: string;
    let contactPhone: string;
    let unverifiedReporter = false;
    if (verified) {
      channel = verified.relation === 'family' ? 'family' : 'self';
      contactName = verified.applicantName;
      contactPhone = verified.applicantPhone;
    } else if (proxyChannel) {
      channel = proxyChannel;
      if (!input.contactName) throw invalidInput('contactName', '代办时请填写居民姓名');
      if (!input.contactPhone) throw invalidInput('contactPhone', '代办时请填写联系电话');
      contactName = input.contactName;
      contactPhone = input.contactPhone;
      // If someone of the household uses the app, they follow the need themselves.
      const owner = await firstVerifiedMemberOf(ds.manager, household.id);
      if (owner) reporterId = owner.userId;
    } else if (pending) {
      // A newcomer is not left stuck while the binding waits: the need goes into the normal queue
      // marked 待核实, and whoever handles it sees that the household is not yet confirmed.
      channel = pending.relation === 'family' ? 'family' : 'self';
      contactName = pending.applicantName;
      contactPhone = pending.applicantPhone;
      unverifiedReporter = true;
    } else {
      throw forbidden('请先绑定房屋后再点单');
    }

    // The category is read inside the insert's transaction. Proxies file for many households and
    // are not limited; residents are, per rolling day: the count runs under the person's usage
    // lock (so it holds on MySQL against parallel calls, see identity/usage.ts), in the same
    // statement as the category.
    let category: NeedCategory | null = null;
    const since = new Date(now.getTime() - 24 * 3600 * 1000);
    const daily: UsageLimit = {
      userId: actor.userId,
      scope: 'needs.create',
      max: MAX_NEEDS_PER_DAY,
      used: async (em) => {
        const read = await categoryWithCount(em, input.categoryId, actor.userId, since);
        category = read.category;
        return read.used;
      },
      message: `每天最多提交${MAX_NEEDS_PER_DAY}条需求`,
    };
    const limited = channel === 'self' || channel === 'family';
    const write: typeof tx = limited ? (work) => underLimit({ ds, tx }, daily, work) : tx;

    const need = await write(async (em) => {
      const cat = (limited ? category : null) ?? (await em.findOne(NeedCategory, { where: { id: input.categoryId, active: true } }));
      if (!cat) throw notFound('需求类别');
      // Routing: straight to the property firm, open for claiming, or into the dispatch queue.
      let status: Need['status'] = 'submitted';
      let receiverOrgId: number | null = null;
      if (cat.dispatchMode === 'property' && compound.propertyOrgId) {
        status = 'dispatched';
        receiverOrgId = compound.propertyOrgId;
      } else if (cat.dispatchMode === 'claim') {
        status = 'open_for_claim';
      }
      const row = em.create(Need, {
        categoryId: cat.id,
        list: cat.list,
        ...path,
        householdId: household.id,
        reporterId,
        createdById: actor.userId,
        channel,
        // A need spoken instead of typed (语音点单) keeps an empty description; the voice note carries it.
        description: input.description ?? '',
        location: input.location ?? '',
        contactName,
        contactPhone,
        status,
        level,
        receiverOrgId,
        receiverUserId: null,
        acceptDueAt: hoursFrom(now, cat.acceptSlaHours),
        resolveDueAt: null,
        nextEscalationAt: null,
        holdUntil: null,
        firstResponseAt: null,
        resolvedAt: null,
        closedAt: null,
        resolutionNote: null,
        rating: null,
        ratingComment: null,
        reopenCount: 0,
        urgeCount: 0,
        urgesSinceEscalation: 0,
        lastUrgedAt: null,
        mergedIntoId: null,
        rejectReason: null,
        // A compound-wide need never was a building matter: it does not count as 小事不出楼栋.
        leftBuilding: level !== 'building',
        unverifiedReporter,
        createdAt: now,
        updatedAt: now,
      });
      // Every column is given: no re-read after the INSERT (one statement).
      const inserted = await em.createQueryBuilder().insert().into(Need).values(row).updateEntity(false).execute();
      row.id = insertedId(inserted.raw);
      await attachPhotos(em, platform, row.id, 'report', input.photoIds ?? [], actor.userId, now);
      await attachVoiceNote(em, platform, { needId: row.id, commentId: 0 }, input.voiceNote, actor.userId, now);
      const events: NeedEventInput[] = [{ needId: row.id, type: 'created', actorId: actor.userId, toStatus: 'submitted', level, at: now }];
      if (status === 'dispatched')
        events.push({ needId: row.id, type: 'dispatched', actorId: null, fromStatus: 'submitted', toStatus: 'dispatched', note: '按类别自动派至小区物业', at: now });
      if (status === 'open_for_claim')
        events.push({ needId: row.id, type: 'published', actorId: null, fromStatus: 'submitted', toStatus: 'open_for_claim', note: '按类别自动发布认领', at: now });
      await recordNeedEvents(em, events);

      // Everyone told, in one statement: community staff and the first rung (the building head of
      // the building the problem is in, or the compound head), the firm's staff when it went
      // straight to them, party members when it is open for claiming.
      const notifier = new Notifier({ deferred: true });
      const title = `新需求：${cat.name}`;
      const body = `${unverifiedReporter ? '【待核实】' : ''}${compound.name} #${row.id}`;
      await notifier.to(em, holdersQuery(em, ['community_staff', ...LADDER[level]], row), { title, body, ...forStaff(row) }, actor.userId);
      if (status === 'dispatched') await notifier.to(em, receiversToTell(em, row), { title: `新派单：${cat.name}`, body, ...forStaff(row) });
      if (status === 'open_for_claim')
        await notifier.to(em, holdersQuery(em, ['party_member'], row), { title: `待认领：${cat.name}`, body, ...forStaff(row) });
      await notifier.write(em);
      return row;
    });
    // The client opens the new need's page, which reads the detail (needs.get).
    return presentChange(need);
  },
});

/** The new row's id from an INSERT's raw result: MySQL's result header, SQLite's last row id. */
function insertedId(raw: unknown): number {
  return Number(typeof raw === 'object' && raw !== null && 'insertId' in raw ? (raw as { insertId: number }).insertId : raw);
}

/**
 * The active category and how many needs the person filed since `since`, in one statement (the
 * daily limit's count, read after the usage lock).
 */
async function categoryWithCount(em: EntityManager, categoryId: number, userId: number, since: Date): Promise<{ category: NeedCategory | null; used: number }> {
  const { entities, raw } = await em
    .createQueryBuilder(NeedCategory, 'c')
    .addSelect((q) => q.select('COUNT(1)').from(Need, 'n').where('n.createdById = :userId AND n.createdAt > :since', { userId, since }), 'used')
    .where('c.id = :categoryId AND c.active = :active', { categoryId, active: true })
    .getRawAndEntities();
  return { category: entities[0] ?? null, used: Number((raw[0] as { used?: number | string } | undefined)?.used ?? 0) };
}
