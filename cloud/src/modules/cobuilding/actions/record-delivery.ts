import { ZRecordDeliveryRequest } from '@hg/types/cobuilding-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { invalidInput } from '../../../core/errors';
import { presentDeliveries } from '../cobuilding.presenter';
import { recordDelivery as record } from '../deliveries';

/** 登记交付: the department's staff, against an item of a signed agreement, with a note and photos; it waits for confirmation. */
export const recordDelivery = defineAction({
  input: ZRecordDeliveryRequest,
  async handler({ itemId, quantity, note, photoIds }, ctx) {
    const photos = [...new Set(photoIds ?? [])];
    for (const p of photos) if (!(await ctx.platform.photos.exists(p))) throw invalidInput('photoIds', '图片不存在或已过期，请重新上传');
    const row = await ctx.tx((em) => record(em, ctx.actor, { itemId, quantity, note, photoIds: photos }, clock.now()));
    const [dto] = await presentDeliveries(ctx.ds.manager, [row], ctx.actor);
    return dto;
  },
});
