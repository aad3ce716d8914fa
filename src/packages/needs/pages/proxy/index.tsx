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
import { type ProxyErrors, type ProxyField, type ProxyForm, validateProxy } from '../../proxy-form';
import './index.scss';
import BusyButton from '../../../../components/BusyButton';

const FIELDS: ProxyField[] = ['compoundId', 'buildingId', 'unitId', 'room'];

/**
 * 代办点单: a grid worker, head or community staff finds the room of a resident who does not use a
 * phone (compound → building → unit → room), then files the need for that household on 我要点单.
 */
export default function ProxyNeedPage() {
  const [form, setForm] = useState<ProxyForm>({ compoundId: getCurrentCompoundId(), buildingId: null, unitId: null, room: '' });
  const [errors, setErrors] = useState<ProxyErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const [found, setFound] = useState<HouseholdLookupDTO | null>(null);

  // Only the places in the helper's scope: a unit head sees their unit, a building head their building.
  const places = useLoad(() => households.places({}), []);
  const compounds = { ...places, data: places.data?.compounds ?? null };
  const scoped = useLoad(form.compoundId ? () => households.places({ compoundId: form.compoundId as number }) : null, [form.compoundId]);
  const buildings = { ...scoped, data: scoped.data?.buildings ?? null };

  const set = <K extends ProxyField>(key: K, value: ProxyForm[K]) => {
    setForm((f) => ({
      ...f,
      [key]: value,
      // A new compound or building invalidates the choices below it.
      ...(key === 'compoundId' ? { buildingId: null, unitId: null } : {}),
      ...(key === 'buildingId' ? { unitId: null } : {}),
    }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setFormError(null);
    setFound(null);
  };

  // With a single compound to choose from there is nothing to ask; a remembered one out of scope is dropped.
  useEffect(() => {
    if (!compounds.data) return;
    if (form.compoundId !== null && !compounds.data.some((c) => c.id === form.compoundId))
      set('compoundId', compounds.data.length === 1 ? compounds.data[0].id : null);
    else if (form.compoundId === null && compounds.data.length === 1) set('compoundId', compounds.data[0].id);
  }, [compounds.data]);

  const next = async () => {
    if (looking) return;
    const problems = validateProxy(form);
    setErrors(problems);
    setFormError(null);
    setFound(null);
    if (Object.keys(problems).length) return;
    setLooking(true);
    const res = await households.lookup({ unitId: form.unitId as number, room: form.room.trim() });
    setLooking(false);
    if (res.ok) {
      setFound(res.data);
      return;
    }
    // FORBIDDEN, NOT_FOUND and the like carry a message meant for the user; show it as is.
    const field = res.error.details?.field as ProxyField | undefined;
    if (res.error.code === 'INVALID_INPUT' && field && FIELDS.includes(field)) setErrors({ [field]: res.error.message });
    else setFormError(res.error.message);
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
        <BusyButton label='下一步' busy={looking} busyLabel='查询中…' onClick={next} testId='proxy-next' />
      )}
    </Page>
  );
}
