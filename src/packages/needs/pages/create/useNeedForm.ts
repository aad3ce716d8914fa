import { useEffect, useState } from 'react';
import type { MembershipDTO, PhotoDTO } from '@hg/types';
import type { NeedPlace } from '@hg/types/needs';
import { useDraft } from '../../../../hooks/useDraft';
import { needs } from '../../../../services/needs';
import { requestSubscribe } from '../../../../services/subscribe';
import { ROUTES, replacePage, withQuery } from '../../../../routes';
import { type NeedForm, type NeedFormErrors, type NeedFormField, householdIdOf, validateNeed } from '../../need-form';

const FIELDS: NeedFormField[] = ['categoryId', 'householdId', 'description', 'location', 'contactName', 'contactPhone', 'photoIds', 'buildingId'];

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

/**
 * The state of 我要点单: fields, their errors, photos, and submit. Picks the only home (with its
 * address as the location), or stays on the household found on 代办点单, validates with the
 * server's limits, and puts a server INVALID_INPUT message next to the field it names.
 */
export function useNeedForm({ homes, categoryId, proxyHouseholdId, proxyAddress, proxyLocked, homeCompoundId = null }: NeedFormOptions) {
  // The draft belongs to the person (useDraft) and to the household filed for: an errand a helper
  // started for one household never fills the form for another. The category picked on the way in wins.
  const draft = useDraft<{ form: NeedForm; photos: PhotoDTO[] }>(`need-create:${proxyHouseholdId ? `household-${proxyHouseholdId}` : 'own'}`);
  const restore = (fresh: NeedForm): NeedForm =>
    draft.initial ? { ...fresh, ...draft.initial.form, categoryId: categoryId ?? draft.initial.form.categoryId } : fresh;
  const [form, setForm] = useState<NeedForm>(() =>
    restore({
      categoryId,
      householdId: null,
      description: '',
      location: '',
      proxy: false,
      contactName: '',
      contactPhone: '',
      place: 'home',
      buildingId: null,
    }),
  );
  const [photos, setPhotos] = useState<PhotoDTO[]>(() => draft.initial?.photos ?? []);
  const [restored, setRestored] = useState(draft.initial !== null);
  // Kept on every change, so back, a reload or the login redirect lose nothing; an untouched form leaves no draft.
  useEffect(() => draft.save({ form, photos }, !!form.description.trim() || photos.length > 0), [form, photos]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<NeedFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const set = <K extends keyof NeedForm>(key: K, value: NeedForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  // One verified home: chosen for the resident, with its address as the default location.
  const pickHome = (householdId: number) => {
    const home = homes.find((m) => householdIdOf(m) === householdId);
    setForm((f) => ({ ...f, householdId, location: f.location && f.householdId ? f.location : (home?.address ?? f.location) }));
    setErrors((e) => ({ ...e, householdId: undefined }));
  };
  // 代办 from 代办点单 wins over the helper's own home: they file for that household only.
  useEffect(() => {
    if (proxyLocked) setForm((f) => ({ ...f, proxy: true, householdId: proxyHouseholdId, location: f.location || proxyAddress }));
    else if (form.householdId === null) {
      const here = homeCompoundId ? homes.filter((m) => m.compound.id === homeCompoundId) : [];
      const only = homes.length === 1 ? homes[0] : here.length === 1 ? here[0] : null;
      if (only) pickHome(householdIdOf(only) as number);
    }
  }, [homes, proxyLocked]);

  /** 位置: the home's address is the default text there; a public area starts empty. */
  const setPlace = (place: NeedPlace, buildingId: number | null = null) => {
    const homeAddress = form.proxy ? proxyAddress : (homes.find((m) => householdIdOf(m) === form.householdId)?.address ?? '');
    setForm((f) => ({
      ...f,
      place,
      buildingId: place === 'building' ? buildingId : null,
      location: place === 'home' ? f.location || homeAddress : f.location === homeAddress ? '' : f.location,
    }));
    setErrors((e) => ({ ...e, buildingId: undefined, location: undefined }));
  };

  /** 清空重填: the restored draft was an old errand; start over on the same household, nothing kept. */
  const discard = () => {
    draft.clear();
    setRestored(false);
    setPhotos([]);
    const homeAddress = form.proxy ? proxyAddress : (homes.find((m) => householdIdOf(m) === form.householdId)?.address ?? '');
    setForm((f) => ({ ...f, categoryId, description: '', place: 'home', buildingId: null, location: homeAddress }));
    setErrors({});
    setFormError(null);
  };

  const submit = async () => {
    if (submitting) return;
    if (uploading) {
      setFormError('照片还在上传，请稍候');
      return;
    }
    const found = validateNeed(form);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length) return;
    setSubmitting(true);
    // WeChat allows the consent prompt only inside the tap, hence before the call.
    await requestSubscribe(['need_update']);
    const location = form.location.trim();
    const res = await needs.create({
      categoryId: form.categoryId as number,
      householdId: form.householdId as number,
      description: form.description.trim(),
      ...(location ? { location } : {}),
      ...(form.place !== 'home' ? { place: form.place } : {}),
      ...(form.place === 'building' && form.buildingId ? { buildingId: form.buildingId } : {}),
      ...(photos.length ? { photoIds: photos.map((p) => p.fileId) } : {}),
      ...(form.proxy ? { contactName: form.contactName.trim(), contactPhone: form.contactPhone.trim() } : {}),
    });
    setSubmitting(false);
    if (res.ok) {
      draft.clear();
      replacePage(withQuery(ROUTES.needDetail, { id: res.data.id }));
      return;
    }
    const field = res.error.details?.field as NeedFormField | undefined;
    if (res.error.code === 'INVALID_INPUT' && field && FIELDS.includes(field)) setErrors({ [field]: res.error.message });
    else setFormError(res.error.message);
  };

  return { restored, discard, form, errors, formError, submitting, photos, setPhotos, setUploading, set, pickHome, setPlace, submit };
}
