import { validateRoomChoice } from '../../utils/room';

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
  const errors: ProxyErrors = validateRoomChoice(form);
  if (!form.compoundId) errors.compoundId = '请选择小区';
  return errors;
}
