import { NEED_LIST_LABEL, ZEmptyRequest } from '@hg/types';
import { definePublicAction } from '../../../core/action';
import { NeedCategory } from '../need-category.entity';

/** The category grid of the create page. */
export const listCategories = definePublicAction({
  input: ZEmptyRequest,
  async handler(_input, { ds }) {
    const rows = await ds.manager.find(NeedCategory, { where: { active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return rows.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      icon: c.icon,
      list: c.list,
      listLabel: NEED_LIST_LABEL[c.list],
      dispatchMode: c.dispatchMode,
      partyClaimable: c.partyClaimable,
      acceptSlaHours: c.acceptSlaHours,
      resolveSlaHours: c.resolveSlaHours,
    }));
  },
});
