import { useEffect, useState } from 'react';
import type { MembershipDTO, PhotoDTO } from '@hg/types';
import { needs } from '../../../../services/needs';
import { requestSubscribe } from '../../../../services/subscribe';
import { ROUTES, replacePage, withQuery } from '../../../../routes';
import { type NeedForm, type NeedFormErrors, type NeedFormField, householdIdOf, validateNeed } from '../../need-form';

const FIELDS: NeedFormField[] = ['categoryId', 'householdId', 'description', 'location', 'contactName', 'contactPhone', 'photoIds'];

export interface NeedFormOptions {
  /** Verified homes the person may file for. */
  homes: MembershipDTO[];
  /** A category chosen before the page opened (`?categoryId=`). */
  categoryId: number | null;
  /** 代办: the household found on 代办点单 and its address. */
  proxyHouseholdId: number | null;
  proxyAddress: string;
}

/**
 * The state of 我要点单: fields, their errors, photos, and submit. Picks the only verified home
 * (with its address as the location), switches to and from 代办, validates with the server's
 * limits, and puts a server INVALID_INPUT message next to the field it names.
 */
export function useNeedForm({ homes, categoryId, proxyHouseholdId, proxyAddress }: NeedFormOptions) {
  const [form, setForm] = useState<NeedForm>({
    categoryId,
    householdId: null,
    description: '',
    location: '',
    proxy: false,
    contactName: '',
    contactPhone: '',
  });
  const [photos, setPhotos] = useState<PhotoDTO[]>([]);
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
  useEffect(() => {
    if (homes.length === 1 && form.householdId === null && !form.proxy) pickHome(householdIdOf(homes[0]) as number);
  }, [homes]);

  const setProxy = (proxy: boolean) => {
    setForm((f) => ({
      ...f,
      proxy,
      householdId: proxy ? proxyHouseholdId : homes.length === 1 ? householdIdOf(homes[0]) : null,
      location: proxy ? proxyAddress : homes.length === 1 ? homes[0].address : '',
    }));
    setErrors({});
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
      ...(photos.length ? { photoIds: photos.map((p) => p.fileId) } : {}),
      ...(form.proxy ? { contactName: form.contactName.trim(), contactPhone: form.contactPhone.trim() } : {}),
    });
    setSubmitting(false);
    if (res.ok) {
      replacePage(withQuery(ROUTES.needDetail, { id: res.data.id }));
      return;
    }
    const field = res.error.details?.field as NeedFormField | undefined;
    if (res.error.code === 'INVALID_INPUT' && field && FIELDS.includes(field)) setErrors({ [field]: res.error.message });
    else setFormError(res.error.message);
  };

  return { form, errors, formError, submitting, photos, setPhotos, setUploading, set, pickHome, setProxy, submit };
}
