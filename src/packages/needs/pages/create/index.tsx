import { useMemo } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MembershipDTO } from '@hg/types';
import { NEED_RULES } from '@hg/types/needs';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import BusyButton from '../../../../components/BusyButton';
import TextBox from '../../../../components/TextBox';
import PhotoPicker from '../../../../components/PhotoPicker';
import VoiceNoteButton from '../../../../components/VoiceNoteButton';
import { useLoad } from '../../../../hooks/useLoad';
import { me } from '../../../../services/me';
import { needs } from '../../../../services/needs';
import { community } from '../../../../services/community';
import PhoneLink from '../../../../components/PhoneLink';
import { FOCUSABLE } from '../../../../components/a11y';
import { VERIFY_EXPECTED } from '../../../../components/CompoundHome/ResidentActions';
import { householdIdOf } from '../../need-form';
import CategoryGrid from './CategoryGrid';
import HouseholdSection from './HouseholdSection';
import PlaceSection from './PlaceSection';
import { useNeedForm } from './useNeedForm';
import './index.scss';

/** Verified homes; with none, the pending ones, so a newcomer can file (as 待核实) while waiting. */
function homesOf(memberships: MembershipDTO[]): MembershipDTO[] {
  const usable = memberships.filter((m) => householdIdOf(m) !== null);
  const verified = usable.filter((m) => m.status === 'verified');
  return verified.length ? verified : usable.filter((m) => m.status === 'pending');
}

function positiveId(raw: string | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * 我要点单 (居民点单): category, description, 位置 (home or a public area), photos, household.
 * Opened from 代办点单 (`?householdId=&compoundId=`) by someone the server lets file for others
 * (`can.fileForOthers`: grid workers, heads, community staff), it stays on that household: the
 * helper cannot switch to their own home and types the resident's name and phone.
 */
export default function CreateNeedPage() {
  const { params } = useRouter();
  const proxyHouseholdId = positiveId(params.householdId);
  const proxyAddress = params.address ? decodeURIComponent(params.address) : '';

  const categories = useLoad(() => needs.categories(), []);
  const profile = useLoad(() => me.get(), []);
  const homes = useMemo(() => homesOf(profile.data?.memberships ?? []), [profile.data]);
  const proxyLocked = !!profile.data?.can.fileForOthers && proxyHouseholdId !== null;
  const f = useNeedForm({
    homes,
    categoryId: positiveId(params.categoryId),
    proxyHouseholdId,
    proxyAddress,
    proxyLocked,
    homeCompoundId: proxyLocked ? null : positiveId(params.compoundId),
  });
  const { form, errors, set } = f;

  // 位置 offers the buildings of the household's compound: the chosen home's, or the proxied one's.
  const home = homes.find((m) => householdIdOf(m) === form.householdId) ?? null;
  const compoundId = proxyLocked ? positiveId(params.compoundId) : (home?.compound.id ?? null);
  const buildings = useLoad(compoundId ? () => community.listBuildings({ compoundId }) : null, [compoundId]);
  const pendingHome = !form.proxy && home?.status === 'pending' ? home : null;
  const compound = useLoad(pendingHome ? () => community.getCompound({ compoundId: pendingHome.compound.id }) : null, [pendingHome?.compound.id]);

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
          {proxyLocked ? (
            <View className='card create__proxy' role='status' data-testid='need-proxy'>
              <View className='create__proxy-title'>为居民代办</View>
              <View data-testid='need-proxy-address'>{proxyAddress || `房屋编号 ${proxyHouseholdId}`}</View>
              <View className='muted'>需求记在该户名下，下面填写居民本人的姓名和电话。</View>
            </View>
          ) : null}

          {pendingHome ? (
            <View className='notice' role='status' data-testid='need-pending'>
              您的房屋绑定正在审核，{VERIFY_EXPECTED}。现在也可以点单，需求会标为「待核实」，由楼栋长和社区一并核实。
              {compound.data?.propertyFirm?.hotline ? (
                <PhoneLink phone={compound.data.propertyFirm.hotline} label='物业电话' variant='inline' testId='need-pending-hotline' />
              ) : null}
            </View>
          ) : null}

          {noHome ? (
            <View className='notice' role='alert' data-testid='need-no-home'>
              点单前请先绑定房屋。
            </View>
          ) : null}

          {f.restored ? (
            <View className='success' role='status' data-testid='need-draft-restored'>
              已恢复您上次未提交的内容，提交成功后草稿自动清除。
              <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='need-draft-discard' onClick={f.discard}>
                清空重填
              </View>
            </View>
          ) : null}

          <View className='card'>
            <CategoryGrid categories={categories.data} value={form.categoryId} onChange={(v) => set('categoryId', v)} error={errors.categoryId} />
          </View>

          <View className='card'>
            <HouseholdSection form={form} errors={errors} homes={homes} set={set} pickHome={f.pickHome} />
            <TextBox
              id='need-description'
              label={form.voiceNote ? '需求描述（已录语音，可不填）' : '需求描述'}
              value={form.description}
              onChange={(v) => set('description', v)}
              max={NEED_RULES.descriptionMax}
              counter
              placeholder='请说明遇到了什么问题、需要什么帮助'
              error={errors.description}
            />
            <VoiceNoteButton
              value={form.voiceNote}
              onChange={f.setVoiceNote}
              onBusy={f.setVoiceUploading}
              label='不便打字？按住说出需求'
              error={errors.voiceNote}
              testId='need-voice'
            />
            <PlaceSection form={form} errors={errors} buildings={buildings.data} setPlace={f.setPlace} setLocation={(v) => set('location', v)} />
            <PhotoPicker id='need-photos' label='照片（选填）' photos={form.photos} onChange={f.setPhotos} onBusy={f.setUploading} error={errors.photos} />
          </View>

          {f.formError ? (
            <View className='notice' role='alert' data-testid='need-form-error'>
              {f.formError}
            </View>
          ) : null}
          <BusyButton label='提交需求' busy={f.busy} onClick={f.submit} testId='need-submit' />
          <View className='muted create__hint'>提交后社区将尽快派单，办理进度会在「消息中心」通知您。您的姓名和电话不会公开。</View>
        </>
      ) : null}
    </Page>
  );
}
