import { View } from '@tarojs/components';
import type { MembershipDTO } from '@hg/types';
import { LIMITS } from '@hg/types/limits';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import Field from '../../../../components/Field';
import { type NeedForm, type NeedFormErrors, householdIdOf } from '../../need-form';

export interface HouseholdSectionProps {
  form: NeedForm;
  errors: NeedFormErrors;
  /** The person's verified homes that can be chosen. */
  homes: MembershipDTO[];
  set: <K extends keyof NeedForm>(key: K, value: NeedForm[K]) => void;
  pickHome: (householdId: number) => void;
}

/**
 * Whose need and where: the resident's name and phone when filing for them (代办), else the home —
 * a choice among several verified homes, or the only one spelled out.
 */
export default function HouseholdSection({ form, errors, homes, set, pickHome }: HouseholdSectionProps) {
  // The household is chosen by the page (the only home, the one 代办点单 found): its error, if the
  // server names it, still needs a place to be read.
  const householdError = errors.householdId ? (
    <View className='field__error' role='alert' data-testid='need-household-error'>
      {errors.householdId}
    </View>
  ) : null;
  if (form.proxy) {
    return (
      <>
        {householdError}
        <Field
          id='need-contact-name'
          label='居民姓名'
          value={form.contactName}
          maxlength={LIMITS.nameMax}
          onChange={(v) => set('contactName', v)}
          error={errors.contactName}
        />
        <Field
          id='need-contact-phone'
          label='联系电话'
          type='number'
          value={form.contactPhone}
          maxlength={LIMITS.phoneLength}
          onChange={(v) => set('contactPhone', v)}
          error={errors.contactPhone}
        />
      </>
    );
  }
  if (homes.length > 1) {
    return (
      <ChoiceGroup
        id='need-household'
        label='房屋'
        options={homes.map((m) => ({ value: householdIdOf(m) as number, label: m.status === 'pending' ? `${m.address}（待审核）` : m.address }))}
        value={form.householdId}
        onChange={pickHome}
        error={errors.householdId}
      />
    );
  }
  if (homes.length === 1) {
    return (
      <>
        <View className='create__home' data-testid='need-household'>
          房屋：{homes[0].address}
          {homes[0].status === 'pending' ? '（待审核）' : ''}
        </View>
        {householdError}
      </>
    );
  }
  return householdError;
}
