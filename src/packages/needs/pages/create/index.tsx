import { useMemo } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { NEED_RULES } from '@hg/types/needs';
import Page from '../../../../components/Page';
import Field from '../../../../components/Field';
import StateView from '../../../../components/StateView';
import BusyButton from '../../../../components/BusyButton';
import TextBox from '../../../../components/TextBox';
import PhotoPicker from '../../../../components/PhotoPicker';
import { useLoad } from '../../../../hooks/useLoad';
import { me } from '../../../../services/me';
import { needs } from '../../../../services/needs';
import { householdIdOf } from '../../need-form';
import CategoryGrid from './CategoryGrid';
import HouseholdSection from './HouseholdSection';
import ProxySwitch from './ProxySwitch';
import { useNeedForm } from './useNeedForm';
import '../../../../components/LargeTextSwitch/index.scss';
import './index.scss';

function positiveId(raw: string | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * 我要点单 (居民点单): category, description, location, photos, household. Whoever the server lets
 * file for others (`can.fileForOthers`: grid workers, heads, community staff) gets a 代办 mode when
 * the page was opened for a known household (`?householdId=`).
 */
export default function CreateNeedPage() {
  const { params } = useRouter();
  const proxyHouseholdId = positiveId(params.householdId);
  const proxyAddress = params.address ? decodeURIComponent(params.address) : '';

  const categories = useLoad(() => needs.categories(), []);
  const profile = useLoad(() => me.get(), []);
  const homes = useMemo(() => (profile.data?.memberships ?? []).filter((m) => m.status === 'verified' && householdIdOf(m) !== null), [profile.data]);
  const proxyAllowed = !!profile.data?.can.fileForOthers && proxyHouseholdId !== null;
  const f = useNeedForm({ homes, categoryId: positiveId(params.categoryId), proxyHouseholdId, proxyAddress });
  const { form, errors, set } = f;

  const loading = categories.loading || profile.loading;
  const noHome = !loading && !form.proxy && homes.length === 0;

  return (
    <Page title='我要点单'>
      <StateView
        loading={loading}
        error={categories.error ?? profile.error}
        onRetry={() => {
          categories.reload();
          profile.reload();
        }}
      />
      {categories.data && profile.data ? (
        <>
          {proxyAllowed ? (
            <View className='card'>
              <ProxySwitch on={form.proxy} onChange={f.setProxy} address={proxyAddress} householdId={proxyHouseholdId} />
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
            <HouseholdSection form={form} errors={errors} homes={homes} set={set} pickHome={f.pickHome} />
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
            <PhotoPicker id='need-photos' label='照片（选填）' photos={f.photos} onChange={f.setPhotos} onBusy={f.setUploading} error={errors.photoIds} />
          </View>

          {f.formError ? (
            <View className='notice' role='alert' data-testid='need-form-error'>
              {f.formError}
            </View>
          ) : null}
          <BusyButton label='提交需求' busy={f.submitting} onClick={f.submit} testId='need-submit' />
          <View className='muted create__hint'>提交后社区将尽快派单，办理进度会在「消息中心」通知您。您的姓名和电话不会公开。</View>
        </>
      ) : null}
    </Page>
  );
}
