import { makeScene, ZCompoundRequest, type PosterDTO } from '@hg/types';
import { defineAction } from '../../../core/action';
import { forbidden, notFound } from '../../../core/errors';
import { ENTRY_PAGE, entryUrl } from '../../../core/platform';
import { canPrintPosters } from '../community.policy';
import { communityRepo } from '../community.repository';

/** QR posters for a compound and each of its buildings, drawn by the platform's renderer. */
export const printPosters = defineAction({
  input: ZCompoundRequest,
  async handler({ compoundId }, { ds, actor, platform }) {
    const compound = await communityRepo.compound(ds.manager, compoundId);
    if (!compound) throw notFound('小区');
    if (!canPrintPosters(actor, { streetId: compound.streetId, communityId: compound.communityId, compoundId: compound.id })) {
      throw forbidden('只有社区工作人员或小区长可以打印二维码');
    }
    const buildings = await communityRepo.buildingsWithUnits(ds.manager, compound.id);
    const targets = [
      { kind: 'compound' as const, id: compound.id, name: compound.name, code: compound.code },
      ...buildings.map(({ building: b }) => ({ kind: 'building' as const, id: b.id, name: `${compound.name} ${b.name}`, code: b.code })),
    ];
    const posters: PosterDTO[] = [];
    for (const t of targets) {
      const scene = makeScene(t.kind, t.code);
      const url = entryUrl(platform.publicBaseUrl, scene);
      posters.push({ kind: t.kind, id: t.id, name: t.name, scene, url, image: await platform.qr.render({ scene, url, page: ENTRY_PAGE }) });
    }
    return posters;
  },
});
