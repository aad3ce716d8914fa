import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { HouseholdRelation, MembershipDTO } from '@hg/types';
import { RELATION_LABEL } from '@hg/types/enums';
import { LIMITS } from '@hg/types/limits';
import Page from '../../../../components/Page';
import Field from '../../../../components/Field';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import RoomPicker from '../../../../components/RoomPicker';
import StateView from '../../../../components/StateView';
import { useLoad } from '../../../../hooks/useLoad';
import { useDraft } from '../../../../hooks/useDraft';
import { community } from '../../../../services/community';
import { households } from '../../../../services/households';
import { requestSubscribe } from '../../../../services/subscribe';
import { getCurrentCompoundId } from '../../../../store/current-compound';
import { ROUTES, openPage } from '../../../../routes';
import { type BindErrors, type BindField, type BindForm, validateBind } from '../../bind-form';
import './index.scss';
import { FOCUSABLE } from '../../../../components/a11y';
import BusyButton from '../../../../components/BusyButton';

const RELATIONS = (Object.keys(RELATION_LABEL) as HouseholdRelation[]).map((value) => ({ value, label: RELATION_LABEL[value] }));
const FIELDS: BindField[] = ['compoundId', 'buildingId', 'unitId', 'room', 'name', 'phone', 'relation'];

function positiveId(raw: string | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * 绑定房屋: a resident claims a household; a building head, compound head or community staff
 * verifies it. Prefilled from the QR entry (compound, and building when a building code was scanned).
 */
export default function BindPage() {
  const { params } = useRouter();
  const compoundId = positiveId(params.compoundId) ?? getCurrentCompoundId();
  // One draft per person and compound (useDraft); a building scanned on the way in wins over the draft's.
  const draft = useDraft<BindForm>(`household-bind:${compoundId ?? 'none'}`);
  const scannedBuilding = positiveId(params.buildingId);
  const [form, setForm] = useState<BindForm>(() => {
    const fresh: BindForm = { compoundId, buildingId: scannedBuilding, unitId: null, room: '', name: '', phone: '', relation: null };
    const kept = draft.initial;
    if (!kept) return fresh;
    const sameBuilding = !scannedBuilding || scannedBuilding === kept.buildingId;
    return { ...fresh, ...kept, compoundId, ...(sameBuilding ? {} : { buildingId: scannedBuilding, unitId: null }) };
  });
  useEffect(() => draft.save(form, !!(form.room.trim() || form.name.trim() || form.phone.trim())), [form]);
  const [errors, setErrors] = useState<BindErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<MembershipDTO | null>(null);

  const buildings = useLoad(compoundId ? () => community.listBuildings({ compoundId }) : null, [compoundId]);

  const set = <K extends BindField>(key: K, value: BindForm[K]) => {
    setForm((f) => ({ ...f, [key]: value, ...(key === 'buildingId' ? { unitId: null } : {}) }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async () => {
    if (submitting) return;
    const found = validateBind(form);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setSubmitting(true);
    // WeChat allows the consent prompt only inside the tap: ask for the 审核结果 message before the call.
    await requestSubscribe(['membership_update']);
    const res = await households.bind({
      compoundId: form.compoundId as number,
      buildingId: form.buildingId as number,
      unitId: form.unitId as number,
      room: form.room.trim(),
      name: form.name.trim(),
      phone: form.phone.trim(),
      relation: form.relation as HouseholdRelation,
    });
    setSubmitting(false);
    if (res.ok) {
      draft.clear();
      setDone(res.data);
      return;
    }
    // The server names the offending field; show its message right there when we have that field.
    const field = res.error.details?.field as BindField | undefined;
    if (res.error.code === 'INVALID_INPUT' && field && FIELDS.includes(field)) {
      setErrors({ [field]: res.error.message });
    } else {
      setFormError(res.error.message);
    }
  };

  if (done) {
    return (
      <Page title='绑定房屋'>
        <View className='success' role='status'>
          已提交，等待楼栋长或社区审核
        </View>
        <View className='card'>
          <View>
            {done.compound.name} {done.address}
          </View>
          <View className='muted'>
            {RELATION_LABEL[done.relation]} · {done.statusLabel}
          </View>
        </View>
        <View className='btn btn--primary' role='button' {...FOCUSABLE} onClick={() => openPage(ROUTES.me)}>
          查看我的房屋
        </View>
      </Page>
    );
  }

  if (!compoundId) {
    return (
      <Page title='绑定房屋'>
        <View className='notice' role='alert'>
          请先扫描小区或楼栋二维码，进入您所在的小区后再绑定房屋。
        </View>
        <View className='btn btn--primary' role='button' {...FOCUSABLE} onClick={() => openPage(ROUTES.home)}>
          去首页
        </View>
      </Page>
    );
  }

  return (
    <Page title='绑定房屋'>
      <StateView loading={buildings.loading} error={buildings.error} onRetry={buildings.reload} />
      {draft.initial ? (
        <View className='success' role='status' data-testid='bind-draft-restored'>
          已恢复您上次未提交的内容，提交成功后草稿自动清除。
        </View>
      ) : null}
      {buildings.data ? (
        <View className='card'>
          <RoomPicker id='bind' buildings={buildings.data} value={form} errors={errors} onChange={set} />
          <Field id='bind-name' label='姓名' value={form.name} maxlength={LIMITS.nameMax} onChange={(v) => set('name', v)} error={errors.name} />
          <Field
            id='bind-phone'
            label='手机号'
            type='number'
            value={form.phone}
            maxlength={LIMITS.phoneLength}
            onChange={(v) => set('phone', v)}
            error={errors.phone}
          />
          <ChoiceGroup
            id='bind-relation'
            label='与住户的关系'
            options={RELATIONS}
            value={form.relation}
            onChange={(v) => set('relation', v)}
            error={errors.relation}
          />
          {errors.compoundId ? (
            <View className='field__error' role='alert'>
              {errors.compoundId}
            </View>
          ) : null}
        </View>
      ) : null}
      {formError ? (
        <View className='notice' role='alert'>
          {formError}
        </View>
      ) : null}
      <BusyButton label='提交认证' busy={submitting} onClick={submit} />
      <View className='muted bind__hint'>提交后由楼栋长或社区工作人员核对，手机号仅用于核实身份，不会公开。</View>
    </Page>
  );
}
