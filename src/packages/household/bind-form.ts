import type { HouseholdRelation } from '@hg/types';
import { LIMITS, PHONE_PATTERN } from '@hg/types/limits';
import { validateRoomChoice } from '../../utils/room';
import { charCount } from '../../utils/text';

/** The bind form's state; ids are null until picked. */
export interface BindForm {
  compoundId: number | null;
  buildingId: number | null;
  unitId: number | null;
  room: string;
  name: string;
  phone: string;
  relation: HouseholdRelation | null;
}

export type BindField = keyof BindForm;
export type BindErrors = Partial<Record<BindField, string>>;

/** Same rules as ZBindHouseholdRequest (types/schemas), checked before sending so no round trip is wasted. */
export function validateBind(form: BindForm): BindErrors {
  const errors: BindErrors = validateRoomChoice(form);
  if (!form.compoundId) errors.compoundId = '请先进入您所在的小区';
  const name = form.name.trim();
  if (!name) errors.name = '请填写姓名';
  else if (charCount(name) > LIMITS.nameMax) errors.name = `姓名不超过${LIMITS.nameMax}个字`;
  if (!PHONE_PATTERN.test(form.phone.trim())) errors.phone = '请填写11位手机号';
  if (!form.relation) errors.relation = '请选择与住户的关系';
  return errors;
}
