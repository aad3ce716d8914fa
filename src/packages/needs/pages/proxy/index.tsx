import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import type { HouseholdLookupDTO } from '@hg/types';
import Page from '../../../../components/Page';
import ChoiceGroup from '../../../../components/ChoiceGroup';
import RoomPicker from '../../../../components/RoomPicker';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import { useLoad } from '../../../../hooks/useLoad';
import { households } from '../../../../services/households';
import { getCurrentCompoundId } from '../../../../store/current-compound';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import type { ProxyField, ProxyForm } from '../../proxy-form';
import { useForm } from '../../../../hooks/useForm';
import { ZLookupHouseholdRequest } from '@hg/types/schemas';
import './index.scss';
import BusyButton from '../../../../components/BusyButton';

/**
 * 代办点单: a grid worker, head or community staff finds the room of a resident who does not use a
 * phone (compound → building → unit → room), then files the need for that household on 我要点单.
 */
export default function ProxyNeedPage() {
  const [found, setFound] = useState<HouseholdLookupDTO | null>(null);
  const f = useForm({
    initial: (): ProxyForm => ({ compoundId: getCurrentCompoundId(), buildingId: null, unitId: null, room: '' }),
    schema: ZLookupHouseholdRequest,
    toRequest: (v) => ({ unitId: v.unitId as number, room: v.room }),
    required: { unitId: '请选择单元' },
    // The lookup needs only the unit and room; the choices above it are this page's own.
    check: (v) => ({ ...(v.compoundId ? {} : { compoundId: '请选择小区' }), ...(v.buildingId ? {} : { buildingId: '请选择楼栋' }) }),
    send: (request) => households.lookup(request),
    onSuccess: setFound,
  });
  const { values: form, errors, formError } = f;

  // Only the places in the helper's scope: a unit head sees their unit, a building head their building.
  const places = useLoad(() => households.places({}), []);
  const compounds = { ...places, data: places.data?.compounds ?? null };
  const scoped = useLoad(form.compoundId ? () => households.places({ compoundId: form.compoundId as number }) : null, [form.compoundId]);
  const buildings = { ...scoped, data: scoped.data?.buildings ?? null };

  const set = <K extends ProxyField>(key: K, value: ProxyForm[K]) => {
    // A new compound or building invalidates the choices below it.
    if (key === 'compoundId') f.patch({ compoundId: value as number | null, buildingId: null, unitId: null });
    else if (key === 'buildingId') f.patch({ buildingId: value as number | null, unitId: null });
    else f.set(key, value);
    setFound(null);
  };

  // With a single compound to choose from there is nothing to ask; a remembered one out of scope is dropped.
  useEffect(() => {
    if (!compounds.data) return;
    if (form.compoundId !== null && !compounds.data.some((c) => c.id === form.compoundId))
      set('compoundId', compounds.data.length === 1 ? compounds.data[0].id : null);
    else if (form.compoundId === null && compounds.data.length === 1) set('compoundId', compounds.data[0].id);
  }, [compounds.data]);

  const next = () => {
    setFound(null);
    void f.submit();
  };

  const file = () => {
    if (!found) return;
    openPage(withQuery(ROUTES.needCreate, { householdId: found.householdId, address: found.address, compoundId: form.compoundId as number }));
  };

  const compoundOptions = (compounds.data ?? []).map((c) => ({ value: c.id, label: c.name }));

  return (
    <Page title='代办点单'>
      <View className='muted proxy__hint'>为不使用手机的居民登记需求：先找到他家的房屋，再替他点单。</View>
      <StateView loading={compounds.loading} error={compounds.error} onRetry={compounds.reload} />
      {compounds.data ? (
        <View className='card'>
          <ChoiceGroup
            id='proxy-compound'
            label='小区'
            options={compoundOptions}
            value={form.compoundId}
            onChange={(v) => set('compoundId', v)}
            error={errors.compoundId}
            emptyText='暂无可选小区'
          />
          {form.compoundId ? <StateView loading={buildings.loading} error={buildings.error} onRetry={buildings.reload} /> : null}
          {form.compoundId && buildings.data ? <RoomPicker id='proxy' buildings={buildings.data} value={form} errors={errors} onChange={set} /> : null}
        </View>
      ) : null}

      {formError ? (
        <View className='notice' role='alert' data-testid='proxy-error'>
          {formError}
        </View>
      ) : null}

      {found ? (
        <View className='card proxy__result' role='status' aria-label='查到的房屋'>
          <View className='muted'>房屋</View>
          <View className='proxy__address' data-testid='proxy-address'>
            {found.address}
          </View>
          <View className='proxy__hint' data-testid='proxy-members'>
            {found.verifiedMembers > 0 ? `该户已有 ${found.verifiedMembers} 位认证居民，他们也会收到进度` : '该户暂无认证居民'}
          </View>
          <View className='btn btn--primary' role='button' {...FOCUSABLE} data-testid='proxy-file' onClick={file}>
            为该户点单
          </View>
        </View>
      ) : (
        <BusyButton label='下一步' busy={f.busy} busyLabel='查询中…' onClick={next} testId='proxy-next' />
      )}
    </Page>
  );
}
