import type { MembershipDTO, PhotoDTO, VoiceNoteDTO } from '@hg/types';
import type { NeedPlace } from '@hg/types/needs';
import type { TCreateNeedRequest } from '@hg/types/needs-schemas';

/**
 * The household a membership belongs to. `MembershipDTO` does not carry it yet (a server change
 * is requested); until it does, memberships without it cannot be chosen for a need.
 */
export function householdIdOf(m: MembershipDTO): number | null {
  const id = (m as MembershipDTO & { householdId?: number }).householdId;
  return typeof id === 'number' && id > 0 ? id : null;
}

/** 我要点单's values; ids are null until picked. ZCreateNeedRequest (types/needs-schemas) checks them. */
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
  /** Uploaded already (PhotoPicker uploads on pick): the request carries their file ids. */
  photos: PhotoDTO[];
  /** 语音点单: a recorded, uploaded voice note; the description is optional with one. */
  voiceNote: VoiceNoteDTO | null;
}

/** The fields an error can stand beside. */
export type NeedFormField = 'categoryId' | 'householdId' | 'description' | 'location' | 'contactName' | 'contactPhone' | 'photos' | 'buildingId' | 'voiceNote';
export const NEED_FIELDS: readonly NeedFormField[] = [
  'categoryId',
  'householdId',
  'description',
  'location',
  'contactName',
  'contactPhone',
  'photos',
  'buildingId',
  'voiceNote',
];
export type NeedFormErrors = Partial<Record<NeedFormField, string>>;

/** The field a request path is about: `photoIds.3` is the photo picker's; `place` has no field of its own. */
export function needFieldOf(path: string): NeedFormField | null {
  const first = path.split('.')[0];
  const field = first === 'photoIds' ? 'photos' : first;
  return (NEED_FIELDS as readonly string[]).includes(field) ? (field as NeedFormField) : null;
}

/** What a person reads beside a choice not made yet (the schema's own words are about ids). */
export const NEED_REQUIRED: NeedFormErrors = {
  categoryId: '请选择需求类别',
  householdId: '请选择房屋',
  buildingId: '请选择楼栋或小区公共区域',
};

/**
 * The request the form sends: optional parts only when they say something (no empty location, the
 * place only when it is not the home, the contact only for 代办). Ids still null are passed on for
 * the schema to refuse, so every missing choice is reported at once.
 */
export function needRequest(form: NeedForm): TCreateNeedRequest {
  return {
    categoryId: form.categoryId as number,
    householdId: form.householdId as number,
    ...(form.description.trim() || !form.voiceNote ? { description: form.description } : {}),
    ...(form.location.trim() ? { location: form.location } : {}),
    ...(form.place !== 'home' ? { place: form.place } : {}),
    ...(form.place === 'building' ? { buildingId: form.buildingId as number } : {}),
    ...(form.photos.length ? { photoIds: form.photos.map((p) => p.fileId) } : {}),
    ...(form.voiceNote ? { voiceNote: { fileId: form.voiceNote.fileId, durationSec: form.voiceNote.durationSec } } : {}),
    ...(form.proxy ? { contactName: form.contactName, contactPhone: form.contactPhone } : {}),
  };
}
