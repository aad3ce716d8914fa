import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ElderDTO } from '@hg/types';
import { BOOKING_RULES, DIET_TAGS, type DietTag } from '@hg/types/bookings';
import { LIMITS } from '@hg/types/limits';
import { ZRegisterElderRequest, ZStaffLinkFamilyRequest } from '@hg/types/bookings-schemas';
import { localYear } from '@hg/types/local-time';
import Page from '../../../../components/Page';
import Field from '../../../../components/Field';
import BusyButton from '../../../../components/BusyButton';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { useForm } from '../../../../hooks/useForm';
import { bookings } from '../../../../services/bookings';
import { me } from '../../../../services/me';
import { ROUTES, openPage, replacePage, withQuery } from '../../../../routes';
import CentrePicker from '../../components/CentrePicker';
import Toggles from '../../components/Toggles';
import { queryId, useCentre } from '../../use-centre';
import './index.scss';

type Situation = 'livesAlone' | 'dibao' | 'tekun';
const SITUATIONS: { value: Situation; label: string }[] = [
  { value: 'livesAlone', label: '独居 / 空巢' },
  { value: 'dibao', label: '低保' },
  { value: 'tekun', label: '特困供养' },
];
const DIETS = DIET_TAGS.map((t) => ({ value: t, label: t }));

interface Form {
  name: string;
  phone: string;
  landline: string;
  guardianName: string;
  guardianPhone: string;
  address: string;
  birthYear: string;
  situation: Situation[];
  diets: DietTag[];
  allergies: string;
}

const EMPTY: Form = { name: '', phone: '', landline: '', guardianName: '', guardianPhone: '', address: '', birthYear: '', situation: [], diets: [], allergies: '' };
const FIELDS: readonly (keyof Form)[] = ['name', 'phone', 'landline', 'guardianName', 'guardianPhone', 'address', 'birthYear', 'situation', 'diets', 'allergies'];

interface LinkForm {
  memberPhone: string;
  relationNote: string;
}

/** The contacts a walk-in gave (each optional: an elder without a mobile gives a landline or a guardian). */
function contacts(v: Form): { phone?: string; landline?: string; guardianName?: string; guardianPhone?: string } {
  const out: { phone?: string; landline?: string; guardianName?: string; guardianPhone?: string } = {};
  if (v.phone.trim()) out.phone = v.phone.trim();
  if (v.landline.trim()) out.landline = v.landline.trim();
  if (v.guardianName.trim()) out.guardianName = v.guardianName.trim();
  if (v.guardianPhone.trim()) out.guardianPhone = v.guardianPhone.trim();
  return out;
}

/** How the centre reaches the elder, masked as lists show phones. */
function contactLine(e: ElderDTO): string {
  return [e.phoneMasked && `手机 ${e.phoneMasked}`, e.landlineMasked && `座机 ${e.landlineMasked}`, e.guardian && `监护人 ${e.guardian.name} ${e.guardian.phoneMasked}`]
    .filter(Boolean)
    .join(' · ');
}

/** The field a request path is about: 独居, 低保 and 特困 are the one 家庭情况 choice, `diets.2` the diet choice. */
function fieldOf(path: string): keyof Form | null {
  const first = path.split('.')[0];
  if (first === 'livesAlone' || first === 'dibao' || first === 'tekun') return 'situation';
  return (FIELDS as readonly string[]).includes(first) ? (first as keyof Form) : null;
}

/** What the schema cannot know: this year, so the age the centre serves (and plain words for a year typed wrong). */
function checkBirthYear(birthYear: string, year: number): string | null {
  const typed = birthYear.trim();
  const birth = Number(typed);
  if (!/^\d{4}$/.test(typed) || birth < 1900 || birth > year) return '请填写4位出生年份，例如 1948';
  if (year - birth < BOOKING_RULES.minAge) return `日间照料中心服务${BOOKING_RULES.minAge}岁以上的老人`;
  return null;
}

/**
 * 建档: an elder registers with the centre (birth year, 独居/空巢, 低保, diet and allergies decide the
 * subsidy and what the kitchen cooks). Centre staff (`can.runCareCentre`) register a walk-in and
 * also give the elder's name and phone, then book for them. ZRegisterElderRequest checks the form
 * (useForm), as the server does.
 */
export default function RegisterPage() {
  const { params } = useRouter();
  const centre = useCentre(queryId(params.centreId));
  const profile = useLoad(() => me.get(), []);
  const staff = !!profile.data?.can.runCareCentre;
  const [done, setDone] = useState<ElderDTO | null>(null);
  const f = useForm({
    initial: (): Form => EMPTY,
    schema: ZRegisterElderRequest,
    toRequest: (v) => ({
      centreId: centre.centreId as number,
      // The elder registering themself is known by their account; staff say who the walk-in is.
      // Many walk-ins have no mobile: each contact is optional, a landline or a guardian may stand in.
      ...(staff ? { name: v.name, ...contacts(v) } : {}),
      ...(v.address.trim() ? { address: v.address } : {}),
      birthYear: Number(v.birthYear.trim()),
      livesAlone: v.situation.includes('livesAlone'),
      dibao: v.situation.includes('dibao'),
      tekun: v.situation.includes('tekun'),
      diets: v.diets,
      ...(v.allergies.trim() ? { allergies: v.allergies } : {}),
    }),
    fields: FIELDS,
    fieldOf,
    check: (v) => {
      const birthYear = checkBirthYear(v.birthYear, localYear(new Date()));
      return birthYear ? { birthYear } : {};
    },
    blocked: () => (centre.centreId ? null : '请先选择日间照料中心'),
    send: (request) => bookings.registerElder(request),
    onSuccess: (elder, request) => {
      if (staff) {
        setDone(elder);
        f.reset();
      } else {
        // The elder's next step is the menu: go straight there.
        replacePage(withQuery(ROUTES.bookingWeek, { centreId: request.centreId }));
      }
    },
  });
  const { values: form, errors, set } = f;
  const [linked, setLinked] = useState<string | null>(null);
  const link = useForm({
    initial: (): LinkForm => ({ memberPhone: '', relationNote: '' }),
    schema: ZStaffLinkFamilyRequest,
    toRequest: (v) => ({ elderId: done?.id ?? 0, memberPhone: v.memberPhone, ...(v.relationNote.trim() ? { relationNote: v.relationNote } : {}) }),
    fields: ['memberPhone', 'relationNote'] as const,
    send: (request) => bookings.staffLinkFamily(request),
    onSuccess: (dto) => {
      setLinked(`已关联家属 ${dto.member.name}（${dto.member.phoneMasked}），家属现在可以为老人订餐`);
      link.reset();
    },
  });

  if (done) {
    return (
      <Page title='建档完成'>
        <View className='success reg__done' role='status' data-testid='register-done'>
          <View className='reg__done-name'>已为 {done.name} 建档</View>
          <View>
            {done.age}岁{done.tierLabel ? ` · 可享${done.tierLabel}助餐补贴` : ''}
          </View>
          {contactLine(done) ? <View data-testid='register-contact'>{contactLine(done)}</View> : null}
        </View>
        <View className='card' data-testid='staff-link'>
          <View className='reg__link-title'>关联家属（中心代为关联）</View>
          <View className='muted'>老人没有手机时，请核实家属身份后在此关联；家属需先登录小程序并填写手机号。</View>
          <Field
            id='link-phone'
            label='家属手机号'
            type='number'
            maxlength={11}
            value={link.values.memberPhone}
            onChange={(v) => link.set('memberPhone', v)}
            error={link.errors.memberPhone}
          />
          <Field
            id='link-relation'
            label='与老人关系'
            placeholder='例如 儿子'
            maxlength={10}
            value={link.values.relationNote}
            onChange={(v) => link.set('relationNote', v)}
            error={link.errors.relationNote}
          />
          {link.formError ? (
            <View className='notice' role='alert'>
              {link.formError}
            </View>
          ) : null}
          {linked ? (
            <View className='success' role='status' data-testid='staff-link-done'>
              {linked}
            </View>
          ) : null}
          <BusyButton label='关联家属' busy={link.busy} busyLabel='关联中…' onClick={link.submit} testId='staff-link-submit' />
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
        <View
          className='btn btn--ghost'
          role='button'
          {...FOCUSABLE}
          data-testid='register-next'
          onClick={() => {
            setDone(null);
            setLinked(null);
          }}
        >
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
            {staff
              ? '为到中心来的老人登记，登记后可以直接为他订餐。'
              : '填写后就可以订餐。高龄、独居空巢或低保老人可按本市标准享受助餐补贴：请带身份证、低保证到中心，工作人员核实后开始减免。'}
          </View>
          <View className='card'>
            {staff ? (
              <>
                <Field id='reg-name' label='老人姓名' value={form.name} maxlength={LIMITS.nameMax} onChange={(v) => set('name', v)} error={errors.name} />
                <Field
                  id='reg-phone'
                  label='手机号（没有可不填）'
                  type='number'
                  maxlength={11}
                  value={form.phone}
                  onChange={(v) => set('phone', v)}
                  error={errors.phone}
                />
                <Field
                  id='reg-landline'
                  label='座机（没有可不填）'
                  placeholder='例如 0817-6222333'
                  maxlength={13}
                  value={form.landline}
                  onChange={(v) => set('landline', v)}
                  error={errors.landline}
                />
                <Field
                  id='reg-guardian'
                  label='监护人姓名（没有可不填）'
                  maxlength={LIMITS.nameMax}
                  value={form.guardianName}
                  onChange={(v) => set('guardianName', v)}
                  error={errors.guardianName}
                />
                <Field
                  id='reg-guardian-phone'
                  label='监护人手机号'
                  type='number'
                  maxlength={11}
                  value={form.guardianPhone}
                  onChange={(v) => set('guardianPhone', v)}
                  error={errors.guardianPhone}
                />
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
              error={errors.situation}
            />
            <Toggles id='reg-diet' label='饮食要求（可多选）' options={DIETS} value={form.diets} onChange={(v) => set('diets', v)} error={errors.diets} />
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
          {f.formError ? (
            <View className='notice' role='alert' data-testid='register-error'>
              {f.formError}
            </View>
          ) : null}
          <BusyButton label={staff ? '登记' : '完成建档'} busy={f.busy} busyLabel='提交中…' onClick={f.submit} testId='register-submit' />
        </>
      ) : null}
    </Page>
  );
}
