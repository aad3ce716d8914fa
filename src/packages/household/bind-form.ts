import type { HouseholdRelation } from '@hg/types';

/** The bind form's state; ids are null until picked. ZBindHouseholdRequest (types/schemas) checks it. */
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

/** What a person reads beside a choice not made yet (the schema's own words are about ids). */
export const BIND_REQUIRED: Partial<Record<BindField, string>> = {
  compoundId: '请先进入您所在的小区',
  buildingId: '请选择楼栋',
  unitId: '请选择单元',
  relation: '请选择与住户的关系',
};
