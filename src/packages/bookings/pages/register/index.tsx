import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ElderDTO } from '@hg/types';
import { BOOKING_RULES, DIET_TAGS, type DietTag } from '@hg/types/bookings';
import { LIMITS, PHONE_PATTERN } from '@hg/types/limits';
import { localYear } from '@hg/types/local-time';
import Page from '../../../../components/Page';
import Field from '../../../../components/Field';
import BusyButton from '../../../../components/BusyButton';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { bookings } from '../../../../services/bookings';
import { me } from '../../../../services/me';
import { ROUTES, openPage, replacePage, withQuery } from '../../../../routes';
import CentrePicker from '../../components/CentrePicker';
import Toggles from '../../components/Toggles';
import { queryId, useCentre } from '../../use-centre';
import './index.scss';

type Situation = 'livesAlone' | 'dibao';
const SITUATIONS: { value: Situation; label: string }[] = [
  { value: 'livesAlone', label: '独居 / 空巢' },
  { value: 'dibao', label: '低保' },
];
const DIETS = DIET_TAGS.map((t) => ({ value: t, label: t }));

interface Form {
  name: string;
  phone: string;
  address: string;
  birthYear: string;
  situation: Situation[];
  diets: DietTag[];
  allergies: string;
}
const FIELDS = ['name', 'phone', 'address', 'birthYear', 'allergies'] as const;
type FieldName = (typeof FIELDS)[number];
type Errors = Partial<Record<FieldName, string>>;

const EMPTY: Form = { name: '', phone: '', address: '', birthYear: '', situation: [], diets: [], allergies: '' };

/** The same rules the server applies, checked before the call so the elder sees them at once. */
function validate(form: Form, staff: boolean, year: number): Errors {
  const e: Errors = {};
  if (staff && !form.name.trim()) e.name = '请填写姓名';
  if (staff && !PHONE_PATTERN.test(form.phone.trim())) e.phone = '请填写11位手机号';
  const birth = Number(form.birthYear.trim());
  if (!/^\d{4}$/.test(form.birthYear.trim()) || birth < 1900 || birth > year) e.birthYear = '请填写4位出生年份，例如 1948';
  else if (year - birth < BOOKING_RULES.minAge) e.birthYear = `日间照料中心服务${BOOKING_RULES.minAge}岁以上的老人`;
  if (form.allergies.trim().length > BOOKING_RULES.allergiesMax) e.allergies = `不超过${BOOKING_RULES.allergiesMax}个字`;
  return e;
}

/**
 * 建档: an elder registers with the centre (birth year, 独居/空巢, 低保, diet and allergies decide the
 * subsidy and what the kitchen cooks). Centre staff (`can.runCareCentre`) register a walk-in and
 * also give the elder's name and phone, then book for them.
 */
export default function RegisterPage() {
  const { params } = useRouter();
  const centre = useCentre(queryId(params.centreId));
  const profile = useLoad(() => me.get(), []);
  const staff = !!profile.data?.can.runCareCentre;
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ElderDTO | null>(null);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setFormError(null);
  };

  const submit = async () => {
    if (busy || !centre.centreId) return;
    const problems = validate(form, staff, localYear(new Date()));
    setErrors(problems);
    setFormError(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    const res = await bookings.registerElder({
      centreId: centre.centreId,
      ...(staff ? { name: form.name.trim(), phone: form.phone.trim() } : {}),
      ...(form.address.trim() ? { address: form.address.trim() } : {}),
      birthYear: Number(form.birthYear.trim()),
      livesAlone: form.situation.includes('livesAlone'),
      dibao: form.situation.includes('dibao'),
      diets: form.diets,
      ...(form.allergies.trim() ? { allergies: form.allergies.trim() } : {}),
    });
    setBusy(false);
    if (!res.ok) {
      const field = res.error.details?.field as FieldName | undefined;
      if (res.error.code === 'INVALID_INPUT' && field && FIELDS.includes(field)) setErrors({ [field]: res.error.message });
      else setFormError(res.error.message);
      return;
    }
    if (staff) {
      setDone(res.data);
      setForm(EMPTY);
    } else {
      // The elder's next step is the menu: go straight there.
      replacePage(withQuery(ROUTES.bookingWeek, { centreId: centre.centreId }));
    }
  };

  if (done) {
    return (
      <Page title='建档完成'>
        <View className='success reg__done' role='status' data-testid='register-done'>
          <View className='reg__done-name'>已为 {done.name} 建档</View>
          <View>
            {done.age}岁{done.tierLabel ? ` · 可享${done.tierLabel}助餐补贴` : ''}
          </View>
        </View>
        <View
          className='btn btn--primary'
          role='button'
          {...FOCUSABLE}
          data-testid='register-book'
          onClick={() => openPage(withQuery(ROUTES.bookingWeek, { centreId: centre.centreId ?? undefined, elderId: done.id, elderName: done.name }))}
        >
          为{done.name}订餐
        </View>
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='register-next' onClick={() => setDone(null)}>
          再登记一位
        </View>
      </Page>
    );
  }

  return (
    <Page title={staff ? '老人建档（代登记）' : '助餐建档'}>
      <CentrePicker centre={centre} emptyText='您所在的小区暂时没有日间照料中心。' />
      {centre.centreId ? <StateView loading={profile.loading} error={profile.error} onRetry={profile.reload} /> : null}
      {centre.centreId && profile.data ? (
        <>
          <View className='muted reg__hint'>
            {staff ? '为到中心来的老人登记，登记后可以直接为他订餐。' : '填写后就可以订餐。80岁以上、独居空巢或低保老人可享助餐补贴：请带身份证、低保证到中心，工作人员核实后开始减免。'}
          </View>
          <View className='card'>
            {staff ? (
              <>
                <Field id='reg-name' label='老人姓名' value={form.name} maxlength={LIMITS.nameMax} onChange={(v) => set('name', v)} error={errors.name} />
                <Field id='reg-phone' label='联系电话' type='number' maxlength={11} value={form.phone} onChange={(v) => set('phone', v)} error={errors.phone} />
              </>
            ) : null}
            <Field
              id='reg-birth'
              label='出生年份'
              type='number'
              maxlength={4}
              placeholder='例如 1948'
              value={form.birthYear}
              onChange={(v) => set('birthYear', v)}
              error={errors.birthYear}
            />
            <Toggles
              id='reg-situation'
              label='家庭情况（可多选）'
              hint={staff ? '请对照证件登记，登记即视为已核实' : '由中心工作人员核实后享受补贴'}
              options={SITUATIONS}
              value={form.situation}
              onChange={(v) => set('situation', v)}
            />
            <Toggles id='reg-diet' label='饮食要求（可多选）' options={DIETS} value={form.diets} onChange={(v) => set('diets', v)} />
            <Field
              id='reg-allergies'
              label='过敏食物（没有可不填）'
              placeholder='例如 花生、海鲜'
              maxlength={BOOKING_RULES.allergiesMax}
              value={form.allergies}
              onChange={(v) => set('allergies', v)}
              error={errors.allergies}
            />
            <Field
              id='reg-address'
              label='送餐地址（不送餐可不填）'
              placeholder='例如 锦屏花园2栋1单元101'
              maxlength={60}
              value={form.address}
              onChange={(v) => set('address', v)}
              error={errors.address}
            />
          </View>
          {formError ? (
            <View className='notice' role='alert' data-testid='register-error'>
              {formError}
            </View>
          ) : null}
          <BusyButton label={staff ? '登记' : '完成建档'} busy={busy} busyLabel='提交中…' onClick={submit} testId='register-submit' />
        </>
      ) : null}
    </Page>
  );
}
