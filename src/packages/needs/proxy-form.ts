import { LIMITS, ROOM_PATTERN } from '@hg/types/limits';

/** The 代办 room picker: ids are null until picked. */
export interface ProxyForm {
  compoundId: number | null;
  buildingId: number | null;
  unitId: number | null;
  room: string;
}

export type ProxyField = keyof ProxyForm;
export type ProxyErrors = Partial<Record<ProxyField, string>>;

/** Same rules as ZLookupHouseholdRequest (types/schemas), checked before the round trip. */
export function validateProxy(form: ProxyForm): ProxyErrors {
  const errors: ProxyErrors = {};
  if (!form.compoundId) errors.compoundId = '请选择小区';
  if (!form.buildingId) errors.buildingId = '请选择楼栋';
  if (!form.unitId) errors.unitId = '请选择单元';
  const room = form.room.trim();
  if (!room) errors.room = '请填写房号';
  else if (room.length > LIMITS.roomMax) errors.room = `房号不超过${LIMITS.roomMax}个字符`;
  else if (!ROOM_PATTERN.test(room)) errors.room = '房号只能包含数字、字母和-';
  return errors;
}
