import { useEffect, useState } from 'react';
import type { MembershipDTO } from '@hg/types';
import type { NeedPlace } from '@hg/types/needs';
import { ZCreateNeedRequest } from '@hg/types/needs-schemas';
import { useForm } from '../../../../hooks/useForm';
import { needs } from '../../../../services/needs';
import { requestSubscribe } from '../../../../services/subscribe';
import { ROUTES, replacePage, withQuery } from '../../../../routes';
import { NEED_FIELDS, NEED_REQUIRED, type NeedForm, householdIdOf, needFieldOf, needRequest } from '../../need-form';

export interface NeedFormOptions {
  /** Homes the person may file for: verified ones, else pending ones (filed as 待核实). */
  homes: MembershipDTO[];
  /** A category chosen before the page opened (`?categoryId=`). */
  categoryId: number | null;
  /** 代办: the household found on 代办点单 and its address. */
  proxyHouseholdId: number | null;
  proxyAddress: string;
  /** Opened from 代办点单 by someone who may file for others: the form stays on that household. */
  proxyLocked: boolean;
  /** Opened from a compound's home or QR page (`?compoundId=`): the person's one home there is chosen. */
  homeCompoundId?: number | null;
}

/** A draft kept before photos were part of the values: `{ form, photos }`. Dropped by DRAFT_TTL_MS a week after this change. */
type KeptDraft = NeedForm | { form: Omit<NeedForm, 'photos' | 'voiceNote'>; photos: NeedForm['photos'] };

const DESCRIPTION_OR_VOICE = '请填写需求描述，或按住录一段语音';

/**
 * 我要点单 on the form kit (useForm): ZCreateNeedRequest checks the values, errors stand beside
 * their fields (a server INVALID_INPUT too), the draft is kept per person and household, the
 * subscribe prompt runs inside the tap. On top of the kit: picks the only home (with its address
 * as the location), or stays on the household found on 代办点单, and moves the location text
 * with the place.
 */
export function useNeedForm({ homes, categoryId, proxyHouseholdId, proxyAddress, proxyLocked, homeCompoundId = null }: NeedFormOptions) {
  const [uploading, setUploading] = useState(false);
  const [voiceUploading, setVoiceUploading] = useState(false);
  const f = useForm({
    initial: (): NeedForm => ({
      categoryId,
      householdId: null,
      description: '',
      location: '',
      proxy: false,
      contactName: '',
      contactPhone: '',
      place: 'home',
      buildingId: null,
      photos: [],
      voiceNote: null,
    }),
    // The draft belongs to the person (useDraft) and to the household filed for: an errand a helper
    // started for one household never fills the form for another. The category picked on the way in wins.
    draft: {
      key: `need-create:${proxyHouseholdId ? `household-${proxyHouseholdId}` : 'own'}`,
      worth: (v) => !!v.description.trim() || v.photos.length > 0 || !!v.voiceNote,
      restore: (kept: KeptDraft, fresh) => {
        const values = 'form' in kept ? { ...kept.form, photos: kept.photos, voiceNote: null } : { ...kept, voiceNote: kept.voiceNote ?? null };
        return { ...fresh, ...values, categoryId: categoryId ?? values.categoryId };
      },
    },
    schema: ZCreateNeedRequest,
    toRequest: needRequest,
    fields: NEED_FIELDS,
    fieldOf: needFieldOf,
    required: NEED_REQUIRED,
    // 代办 needs the resident's name; the schema keeps it optional because a resident filing for themself gives none.
    // Words or a voice note: the schema says so too, but only once every field passes, and the form shows every problem at once.
    check: (v) => ({
      ...(v.proxy && !v.contactName.trim() ? { contactName: '代办时请填写居民姓名' } : {}),
      ...(!v.description.trim() && !v.voiceNote ? { description: DESCRIPTION_OR_VOICE } : {}),
    }),
    blocked: () => (uploading ? '照片还在上传，请稍候' : voiceUploading ? '语音还在上传，请稍候' : null),
    // WeChat allows the consent prompt only inside the tap, hence before the call.
    before: () => requestSubscribe(['need_update']),
    send: (request) => needs.create(request),
    onSuccess: (need) => replacePage(withQuery(ROUTES.needDetail, { id: need.id })),
  });
  const form = f.values;

  const addressOf = (v: NeedForm) => (v.proxy ? proxyAddress : (homes.find((m) => householdIdOf(m) === v.householdId)?.address ?? ''));

  // One verified home: chosen for the resident, with its address as the default location.
  const pickHome = (householdId: number) => {
    const home = homes.find((m) => householdIdOf(m) === householdId);
    f.patch((v) => ({ householdId, location: v.location && v.householdId ? v.location : (home?.address ?? v.location) }));
  };
  // 代办 from 代办点单 wins over the helper's own home: they file for that household only.
  useEffect(() => {
    if (proxyLocked) f.patch((v) => ({ proxy: true, householdId: proxyHouseholdId, location: v.location || proxyAddress }));
    else if (form.householdId === null) {
      const here = homeCompoundId ? homes.filter((m) => m.compound.id === homeCompoundId) : [];
      const only = homes.length === 1 ? homes[0] : here.length === 1 ? here[0] : null;
      if (only) pickHome(householdIdOf(only) as number);
    }
  }, [homes, proxyLocked]);

  /** 位置: the home's address is the default text there; a public area starts empty. */
  const setPlace = (place: NeedPlace, buildingId: number | null = null) => {
    f.patch((v) => {
      const homeAddress = addressOf(v);
      return {
        place,
        buildingId: place === 'building' ? buildingId : null,
        location: place === 'home' ? v.location || homeAddress : v.location === homeAddress ? '' : v.location,
      };
    });
  };

  /** 清空重填: the restored draft was an old errand; start over on the same household, nothing kept. */
  const discard = () =>
    f.discardDraft((fresh, v) => ({
      ...fresh,
      householdId: v.householdId,
      proxy: v.proxy,
      contactName: v.contactName,
      contactPhone: v.contactPhone,
      location: addressOf(v),
    }));

  return {
    ...f,
    form,
    discard,
    pickHome,
    setPlace,
    setUploading,
    setVoiceUploading,
    setPhotos: (photos: NeedForm['photos']) => f.set('photos', photos),
    setVoiceNote: (note: NeedForm['voiceNote']) => f.set('voiceNote', note),
  };
}
