import { ZDepartmentProgressRequest } from '@hg/types/cobuilding-schemas';
import { defineAction } from '../../../core/action';
import { clock } from '../../../core/clock';
import { departmentProgress } from '../progress';

/** 部门履约: per department, its signed and closed agreements the caller sees — items, done, overdue, promised vs confirmed by kind. */
export const getDepartmentProgress = defineAction({
  input: ZDepartmentProgressRequest,
  handler: ({ departmentId }, ctx) => departmentProgress(ctx.ds.manager, ctx.actor, clock.now(), departmentId),
});
