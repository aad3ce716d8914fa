import { ZSaveCategoryRequest } from '@hg/types';
import { defineAction } from '../../../core/action';
import { conflict, forbidden, isUniqueViolation, notFound } from '../../../core/errors';
import { isCityAdmin } from '../../identity/public';
import { NeedCategory } from '../need-category.entity';
import { presentCategory } from '../need.presenter';

/**
 * City admins configure the categories: name, icon, list, routing, SLA, whether party members may
 * claim, and retirement (`active: false` hides it from the create page; old needs keep it).
 */
export const saveCategory = defineAction({
  input: ZSaveCategoryRequest,
  async handler({ categoryId, active, defaultOrgKind, ...fields }, { actor, ds, tx }) {
    if (!isCityAdmin(actor)) throw forbidden('只有管理员可以配置需求类别');
    try {
      if (categoryId) {
        const existing = await ds.manager.findOne(NeedCategory, { where: { id: categoryId } });
        if (!existing) throw notFound('需求类别');
        await ds.manager.update(
          NeedCategory,
          { id: categoryId },
          { ...fields, defaultOrgKind: defaultOrgKind ?? null, ...(active === undefined ? {} : { active }) },
        );
        return presentCategory(await ds.manager.findOneByOrFail(NeedCategory, { id: categoryId }));
      }
      const row = await tx(async (em) => {
        const max = await em.createQueryBuilder(NeedCategory, 'c').select('MAX(c.sortOrder)', 'm').getRawOne<{ m: number | string | null }>();
        return em.save(
          em.create(NeedCategory, { ...fields, defaultOrgKind: defaultOrgKind ?? null, active: active ?? true, sortOrder: Number(max?.m ?? 0) + 1 }),
        );
      });
      return presentCategory(row);
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('该编码已被其他类别使用');
      throw err;
    }
  },
});
