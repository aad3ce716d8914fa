import { BOOKING_RULES, localYear, ZRegisterElderRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { conflict, forbidden, invalidInput, isUniqueViolation, notFound } from '../../../core/errors';
import { householdById, presentMemberships, verifiedMembershipsOf } from '../../households/public';
import { isCentreStaff } from '../booking.policy';
import { presentElders } from '../booking.presenter';
import { centresServing, loadCentre } from '../centres';
import { Elder } from '../elder.entity';

/**
 * 建档: an elder (60+) registers with a centre — themselves, as a verified resident of a compound
 * the centre serves (name, phone and home come from their binding), or centre staff for a walk-in
 * without a phone or account. One profile per person per centre. What the elder declares about
 * themselves (age, 独居, 低保) waits for centre staff to verify it (`verifyElder`) before it earns a
 * subsidy; staff registering a walk-in enter it from the documents in front of them, verified.
 */
export const registerElder = defineAction({
  input: ZRegisterElderRequest,
  async handler(input, ctx) {
    const now = clock.now();
    const year = localYear(now);
    const { centre, community } = await loadCentre(ctx.ds.manager, input.centreId);
    if (year - input.birthYear < BOOKING_RULES.minAge) throw invalidInput('birthYear', `日间照料服务面向${BOOKING_RULES.minAge}岁以上老人`);
    if (year - input.birthYear > 120) throw invalidInput('birthYear', '出生年份无效');

    const staff = isCentreStaff(ctx.actor, centre.id);
    let profile: Pick<
      Elder,
      'userId' | 'householdId' | 'name' | 'phone' | 'landline' | 'guardianName' | 'guardianPhone' | 'address' | 'communityId' | 'streetId' | 'verifiedById' | 'verifiedAt'
    >;
    if (input.name && staff) {
      // Many walk-ins have no mobile: none is demanded; a landline or a guardian's phone may stand in.
      profile = {
        verifiedById: ctx.actor.userId,
        verifiedAt: now,
        userId: null,
        householdId: input.householdId ?? null,
        name: input.name,
        phone: input.phone ?? null,
        landline: input.landline ?? null,
        guardianName: input.guardianName ?? null,
        guardianPhone: input.guardianPhone ?? null,
        address: input.address ?? '',
        communityId: community.id,
        streetId: community.streetId,
      };
    } else if (input.name) {
      throw forbidden('只有中心工作人员可以为他人建档');
    } else {
      // Oneself: a verified home in a compound this centre serves.
      const homes = await verifiedMembershipsOf(ctx.ds.manager, [ctx.actor.userId]);
      let home: (typeof homes)[number] | undefined;
      for (const h of homes) {
        if ((await centresServing(ctx.ds.manager, [h.compoundId])).some((c) => c.id === centre.id)) {
          home = h;
          break;
        }
      }
      if (!home) throw forbidden('请先绑定并认证本中心服务小区的房屋');
      const [place] = await presentMemberships(ctx.ds.manager, [home]);
      profile = {
        verifiedById: null,
        verifiedAt: null,
        userId: ctx.actor.userId,
        householdId: home.householdId,
        name: home.applicantName,
        phone: home.applicantPhone,
        landline: input.landline ?? null,
        guardianName: input.guardianName ?? null,
        guardianPhone: input.guardianPhone ?? null,
        address: input.address || place.address,
        communityId: home.communityId,
        streetId: community.streetId,
      };
    }
    // The home below the community (a household in the centre's community): its heads may 代订.
    const household = profile.householdId ? await householdById(ctx.ds.manager, profile.householdId) : null;
    if (profile.householdId && (!household || household.communityId !== profile.communityId)) throw notFound('房屋');
    const home = household ? { compoundId: household.compoundId, buildingId: household.buildingId, unitId: household.unitId } : { compoundId: null, buildingId: null, unitId: null };
    try {
      const elder = await ctx.tx((em) =>
        em.save(
          em.create(Elder, {
            centreId: centre.id,
            ...profile,
            ...home,
            birthYear: input.birthYear,
            livesAlone: input.livesAlone ?? false,
            dibao: input.dibao ?? false,
            tekun: input.tekun ?? false,
            diets: (input.diets ?? []).join(','),
            allergies: input.allergies ?? '',
            createdById: ctx.actor.userId,
            createdAt: now,
          }),
        ),
      );
      const [dto] = await presentElders(ctx.ds.manager, [elder], ctx.actor, now);
      return dto;
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('已在本中心建档');
      throw err;
    }
  },
});
