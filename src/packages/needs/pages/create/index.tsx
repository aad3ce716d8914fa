import { useEffect, useMemo, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MeDTO, NeedCategoryDTO, NeedList, PhotoDTO } from '@hg/types';
import { NEED_LIST_LABEL, NEED_RULES } from '@hg/types/needs';
import { LIMITS } from '@hg/types/limits';
import Page from '../../../../components/Page';
import Field from '../../../../components/Field';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { me } from '../../../../services/me';
import { needs } from '../../../../services/needs';
import { requestNeedUpdates } from '../../../../services/subscribe';
import { ROUTES, replacePage, withQuery } from '../../../../routes';
import { PROXY_ROLES, hasRole } from '../../../../utils/roles';
import TextBox from '../../components/TextBox';
import PhotoPicker from '../../components/PhotoPicker';
import { type NeedForm, type NeedFormErrors, type NeedFormField, householdIdOf, validateNeed } from '../../need-form';
import '../../../../components/LargeTextSwitch/index.scss';
import './index.scss';
import BusyButton from '../../../../components/BusyButton';

const LISTS: NeedList[] = ['need', 'service', 'problem'];
const FIELDS: NeedFormField[] = ['categoryId', 'householdId', 'description', 'location', 'contactName', 'contactPhone', 'photoIds'];

function positiveId(raw: string | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Grid workers, heads and community staff may file for residents who don't use phones (代办). */
function canProxy(profile: MeDTO | null): boolean {
  return hasRole(profile, PROXY_ROLES);
}

interface CategoryGridProps {
  categories: NeedCategoryDTO[];
  value: number | null;
  onChange: (id: number) => void;
  error?: string;
}

/** Big emoji tiles grouped by the three lists; one radio group so exactly one category is chosen. */
function CategoryGrid({ categories, value, onChange, error }: CategoryGridProps) {
  return (
    <View className='cats'>
      <View className='field__label' id='need-category-label'>
        需求类别
      </View>
      <View role='radiogroup' aria-labelledby='need-category-label' {...(error ? { 'aria-describedby': 'need-category-error' } : {})}>
        {LISTS.map((list) => {
          const inList = categories.filter((c) => c.list === list);
          if (!inList.length) return null;
          return (
            <View key={list} className='cats__group'>
              <View className='cats__list' role='heading' aria-level={2}>
                {NEED_LIST_LABEL[list]}
              </View>
              <View className='cats__grid'>
                {inList.map((c) => {
                  const on = c.id === value;
                  return (
                    <View
                      key={c.id}
                      className={`cats__tile ${on ? 'cats__tile--on' : ''}`}
                      role='radio'
                      {...FOCUSABLE}
                      aria-checked={on ? 'true' : 'false'}
                      aria-label={c.name}
                      data-testid={`category-${c.code}`}
                      onClick={() => onChange(c.id)}
                    >
                      <View className='cats__icon' aria-hidden='true'>
                        {c.icon}
                      </View>
                      <View className='cats__name'>{c.name}</View>
                    </View>
                  );
                })}
              </View>
            </View>
          );
        })}
      </View>
      {error ? (
        <View id='need-category-error' className='field__error' role='alert' data-testid='need-category-error'>
          {error}
        </View>
      ) : null}
    </View>
  );
}

/**
 * 我要点单 (居民点单): category, description, location, photos, household. Grid workers, heads and
 * community staff get a 代办 mode when the page was opened for a known household (`?householdId=`).
 */
export default function CreateNeedPage() {
  const { params } = useRouter();
  const proxyHouseholdId = positiveId(params.householdId);
  const proxyAddress = params.address ? decodeURIComponent(params.address) : '';

  const categories = useLoad(() => needs.categories(), []);
  const profile = useLoad(() => me.get(), []);
  const homes = useMemo(
    () => (profile.data?.memberships ?? []).filter((m) => m.status === 'verified' && householdIdOf(m) !== null),
    [profile.data],
  );
  const proxyAllowed = canProxy(profile.data) && proxyHouseholdId !== null;

  const [form, setForm] = useState<NeedForm>({
    categoryId: positiveId(params.categoryId),
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
    setForm((f) => ({ ...f, householdId, location: f.location && f.householdId ? f.location : home?.address ?? f.location }));
    setErrors((e) => ({ ...e, householdId: undefined }));
  };
  useEffect(() => {
    if (homes.length === 1 && form.householdId === null && !form.proxy) pickHome(householdIdOf(homes[0]) as number);
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
    await requestNeedUpdates();
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

  const loading = categories.loading || profile.loading;
  const noHome = !loading && !form.proxy && homes.length === 0;

  return (
    <Page title='我要点单'>
      <StateView loading={loading} error={categories.error ?? profile.error} onRetry={() => { categories.reload(); profile.reload(); }} />
      {categories.data && profile.data ? (
        <>
          {proxyAllowed ? (
            <View className='card'>
              <View
                className={`lts create__proxy ${form.proxy ? 'lts--on' : ''}`}
                role='switch'
                {...FOCUSABLE}
                aria-checked={form.proxy ? 'true' : 'false'}
                aria-label='为居民代办'
                data-testid='need-proxy'
                onClick={() => setProxy(!form.proxy)}
              >
                <View>
                  <View className='lts__title'>为居民代办</View>
                  <View className='lts__hint'>{proxyAddress || `房屋编号 ${proxyHouseholdId}`}</View>
                </View>
                <View className='lts__track' aria-hidden='true'>
                  {form.proxy ? '开' : '关'}
                </View>
              </View>
            </View>
          ) : null}

          {noHome ? (
            <View className='notice' role='alert' data-testid='need-no-home'>
              点单前请先绑定房屋并通过认证。
            </View>
          ) : null}

          <View className='card'>
            <CategoryGrid categories={categories.data} value={form.categoryId} onChange={(v) => set('categoryId', v)} error={errors.categoryId} />
          </View>

          <View className='card'>
            {form.proxy ? (
              <>
                <Field id='need-contact-name' label='居民姓名' value={form.contactName} maxlength={LIMITS.nameMax} onChange={(v) => set('contactName', v)} error={errors.contactName} />
                <Field id='need-contact-phone' label='联系电话' type='number' value={form.contactPhone} maxlength={LIMITS.phoneLength} onChange={(v) => set('contactPhone', v)} error={errors.contactPhone} />
              </>
            ) : homes.length > 1 ? (
              <ChoiceGroup
                id='need-household'
                label='房屋'
                options={homes.map((m) => ({ value: householdIdOf(m) as number, label: m.address }))}
                value={form.householdId}
                onChange={pickHome}
                error={errors.householdId}
              />
            ) : homes.length === 1 ? (
              <View className='create__home' data-testid='need-household'>
                房屋：{homes[0].address}
              </View>
            ) : errors.householdId ? (
              <View className='field__error' role='alert' data-testid='need-household-error'>
                {errors.householdId}
              </View>
            ) : null}

            <TextBox
              id='need-description'
              label='需求描述'
              value={form.description}
              onChange={(v) => set('description', v)}
              max={NEED_RULES.descriptionMax}
              counter
              placeholder='请说明遇到了什么问题、需要什么帮助'
              error={errors.description}
            />
            <Field
              id='need-location'
              label='位置'
              value={form.location}
              maxlength={NEED_RULES.locationMax}
              placeholder='例如 1栋1单元502 厨房'
              onChange={(v) => set('location', v)}
              error={errors.location}
            />
            <PhotoPicker id='need-photos' label='照片（选填）' photos={photos} onChange={setPhotos} onBusy={setUploading} error={errors.photoIds} />
          </View>

          {formError ? (
            <View className='notice' role='alert' data-testid='need-form-error'>
              {formError}
            </View>
          ) : null}
          <BusyButton label='提交需求' busy={submitting} onClick={submit} testId='need-submit' />
          <View className='muted create__hint'>提交后社区将尽快派单，办理进度会在「消息中心」通知您。您的姓名和电话不会公开。</View>
        </>
      ) : null}
    </Page>
  );
}
