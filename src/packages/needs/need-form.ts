import type { MembershipDTO } from '@hg/types';
import { LIMITS, PHONE_PATTERN } from '@hg/types/limits';
import { NEED_RULES, type NeedPlace } from '@hg/types/needs';
import { charCount } from '../../utils/text';

/**
 * The household a membership belongs to. `MembershipDTO` does not carry it yet (a server change
 * is requested); until it does, memberships without it cannot be chosen for a need.
 */
export function householdIdOf(m: MembershipDTO): number | null {
  const id = (m as MembershipDTO & { householdId?: number }).householdId;
  return typeof id === 'number' && id > 0 ? id : null;
}

export interface NeedForm {
  categoryId: number | null;
  householdId: number | null;
  description: string;
  location: string;
  /** 代办: filing for a resident without a phone. */
  proxy: boolean;
  contactName: string;
  contactPhone: string;
  /** 位置: the home, a building's public area (`buildingId`), or the compound's. */
  place: NeedPlace;
  buildingId: number | null;
}

export type NeedFormField = 'categoryId' | 'householdId' | 'description' | 'location' | 'contactName' | 'contactPhone' | 'photoIds' | 'buildingId';
export type NeedFormErrors = Partial<Record<NeedFormField, string>>;

/** Same limits as ZCreateNeedRequest, checked before the round trip so the message sits by its field. */
export function validateNeed(form: NeedForm): NeedFormErrors {
  const errors: NeedFormErrors = {};
  if (!form.categoryId) errors.categoryId = '请选择需求类别';
  if (!form.householdId) errors.householdId = '请选择房屋';
  const description = form.description.trim();
  if (!description) errors.description = '请填写需求描述';
  else if (charCount(description) > NEED_RULES.descriptionMax) errors.description = `需求描述不超过${NEED_RULES.descriptionMax}个字`;
  if (form.place === 'building' && !form.buildingId) errors.buildingId = '请选择楼栋或小区公共区域';
  if (charCount(form.location.trim()) > NEED_RULES.locationMax) errors.location = `位置不超过${NEED_RULES.locationMax}个字`;
  if (form.proxy) {
    const name = form.contactName.trim();
    if (!name) errors.contactName = '代办时请填写居民姓名';
    else if (charCount(name) > LIMITS.nameMax) errors.contactName = `姓名不超过${LIMITS.nameMax}个字`;
    if (!PHONE_PATTERN.test(form.contactPhone.trim())) errors.contactPhone = '请填写11位手机号';
  }
  return errors;
}
