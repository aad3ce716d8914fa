import { useState } from 'react';
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
import { useForm } from '../../../../hooks/useForm';
import { community } from '../../../../services/community';
import { households } from '../../../../services/households';
import { requestSubscribe } from '../../../../services/subscribe';
import { getCurrentCompoundId } from '../../../../store/current-compound';
import { ROUTES, openPage } from '../../../../routes';
import { BIND_REQUIRED, type BindField, type BindForm } from '../../bind-form';
import { ZBindHouseholdRequest } from '@hg/types/schemas';
import './index.scss';
import { FOCUSABLE } from '../../../../components/a11y';
import BusyButton from '../../../../components/BusyButton';

const RELATIONS = (Object.keys(RELATION_LABEL) as HouseholdRelation[]).map((value) => ({ value, label: RELATION_LABEL[value] }));

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
  const scannedBuilding = positiveId(params.buildingId);
  const [done, setDone] = useState<MembershipDTO | null>(null);
  const f = useForm({
    initial: (): BindForm => ({ compoundId, buildingId: scannedBuilding, unitId: null, room: '', name: '', phone: '', relation: null }),
    // One draft per person and compound (useDraft); a building scanned on the way in wins over the draft's.
    draft: {
      key: `household-bind:${compoundId ?? 'none'}`,
      worth: (v) => !!(v.room.trim() || v.name.trim() || v.phone.trim()),
      restore: (kept, fresh) => {
        const sameBuilding = !scannedBuilding || scannedBuilding === kept.buildingId;
        return { ...fresh, ...kept, compoundId, ...(sameBuilding ? {} : { buildingId: scannedBuilding, unitId: null }) };
      },
    },
    schema: ZBindHouseholdRequest,
    toRequest: (v) => ({
      ...v,
      compoundId: v.compoundId as number,
      buildingId: v.buildingId as number,
      unitId: v.unitId as number,
      relation: v.relation as HouseholdRelation,
    }),
    required: BIND_REQUIRED,
    // WeChat allows the consent prompt only inside the tap: ask for the 审核结果 message before the call.
    before: () => requestSubscribe(['membership_update']),
    send: (request) => households.bind(request),
    onSuccess: setDone,
  });
  const { values: form, errors } = f;

  const buildings = useLoad(compoundId ? () => community.listBuildings({ compoundId }) : null, [compoundId]);

  const set = <K extends BindField>(key: K, value: BindForm[K]) => {
    if (key === 'buildingId') f.patch({ buildingId: value as number | null, unitId: null });
    else f.set(key, value);
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
      {f.restored ? (
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
      {f.formError ? (
        <View className='notice' role='alert'>
          {f.formError}
        </View>
      ) : null}
      <BusyButton label='提交认证' busy={f.busy} onClick={f.submit} />
      <View className='muted bind__hint'>提交后由楼栋长或社区工作人员核对，手机号仅用于核实身份，不会公开。</View>
    </Page>
  );
}
