import { ZEmptyRequest } from '@hg/types';
import { definePublicAction } from '../../../core/action';
import { NeedCategory } from '../need-category.entity';
import { presentCategory } from '../need.presenter';

/** The category grid of the create page. */
export const listCategories = definePublicAction({
  input: ZEmptyRequest,
  async handler(_input, { ds }) {
    const rows = await ds.manager.find(NeedCategory, { where: { active: true }, order: { sortOrder: 'ASC', id: 'ASC' } });
    return rows.map(presentCategory);
  },
});
