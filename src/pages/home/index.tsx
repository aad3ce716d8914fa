import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MeDTO, MembershipDTO } from '@hg/types';
import Page from '../../components/Page';
import CompoundHome from '../../components/CompoundHome';
import ResidentActions, { type ResidentState, residentStateIn } from '../../components/CompoundHome/ResidentActions';
import StateView from '../../components/StateView';
import { useLoad } from '../../hooks/useLoad';
import { community } from '../../services/community';
import { me } from '../../services/me';
import { needs } from '../../services/needs';
import { PLATFORM, hasIdentity } from '../../services/platform';
import { getCurrentCompoundId, setCurrentCompoundId } from '../../store/current-compound';
import { ROUTES, openPage, withQuery } from '../../routes';
import { entriesFor } from '../../manifests';
import MyMealCard from './MyMealCard';
import VoteCard from './VoteCard';
import WorkPanel from './WorkPanel';
import './index.scss';
import { FOCUSABLE } from '../../components/a11y';

/** A verified membership is the best guess of "my compound" when nothing was scanned yet. */
function compoundFromMe(profile: MeDTO): number | null {
  const m = profile.memberships.find((x) => x.status === 'verified') ?? profile.memberships[0];
  return m ? m.compound.id : null;
}

async function scanCode() {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: false });
    // A mini-program code opens its page with the scene; anything else is not ours.
    if (res.path) openPage(`/${res.path.replace(/^\//, '')}`);
    else void Taro.showToast({ title: '这不是小区二维码', icon: 'none' });
  } catch {
    // The user closed the scanner: nothing to report.
  }
}

function CompoundPicker({ onPick }: { onPick: (id: number) => void }) {
  const list = useLoad(() => community.listCompounds(), []);
  return (
    <View className='card'>
      <View className='card__title' role='heading' aria-level={2}>
        选择小区
      </View>
      <StateView loading={list.loading} error={list.error} empty={list.data?.length === 0} emptyText='暂无小区' onRetry={list.reload} />
      {(list.data ?? []).map((c) => (
        <View key={c.id} className='home__compound' role='button' {...FOCUSABLE} onClick={() => onPick(c.id)}>
          <View className='home__compound-name'>{c.name}</View>
          <View className='muted'>
            {c.typeLabel} · {c.street.name} · {c.community.name}
          </View>
        </View>
      ))}
    </View>
  );
}

/** The caller's bindings in this compound, so a resident sees at once whether they are verified. */
function MyHomes({ memberships }: { memberships: MembershipDTO[] }) {
  if (!memberships.length) return null;
  return (
    <View className='home__mine' role='list' aria-label='我的房屋'>
      {memberships.map((m) => (
        <View key={m.id} role='listitem' className={`home__mine-item home__mine-item--${m.status}`} data-testid={`my-home-${m.status}`}>
          <View className='home__mine-status'>{m.status === 'verified' ? '已认证住户' : m.statusLabel}</View>
          <View>{m.address}</View>
          {m.rejectReason ? <View className='muted'>理由：{m.rejectReason}</View> : null}
        </View>
      ))}
    </View>
  );
}

/**
 * 首页: for staff, their work first (the manifests' work entries the server's `can` allows, with
 * counts); then my current compound, or how to get one (scan on WeChat, pick from the list on H5).
 * A resident's home has no work and looks as before.
 */
export default function HomePage() {
  const [compoundId, setCompoundId] = useState<number | null>(getCurrentCompoundId);
  const [signedIn, setSignedIn] = useState<boolean>(hasIdentity);
  const [picking, setPicking] = useState(false);
  const [visit, setVisit] = useState(0);
  const pick = (id: number) => {
    setCurrentCompoundId(id);
    setCompoundId(id);
    setPicking(false);
  };

  // Coming back from the scan or login page may have changed both.
  useDidShow(() => {
    setCompoundId(getCurrentCompoundId());
    setSignedIn(hasIdentity());
    setVisit((v) => v + 1);
  });

  // Signed-in people also see where they stand in this compound (待审核 / 已认证).
  const profile = useLoad(signedIn ? () => me.get() : null, [compoundId, signedIn]);
  const fromMe = profile.data ? compoundFromMe(profile.data) : null;
  const effectiveId = compoundId ?? fromMe;
  const home = useLoad(effectiveId ? () => community.getCompound({ compoundId: effectiveId }) : null, [effectiveId]);
  const state: ResidentState = home.data ? residentStateIn(home.data.id, profile.data?.memberships ?? []) : 'stranger';
  // Only someone who may file gets the one-tap category tiles; a stranger's home stays light.
  const categories = useLoad(state !== 'stranger' ? () => needs.categories() : null, [state]);
  const work = signedIn && profile.data ? entriesFor('work', { signedIn, profile: profile.data }) : [];

  return (
    <Page title='我的小区'>
      {work.length ? <WorkPanel entries={work} visit={visit} /> : null}
      {signedIn ? <MyMealCard visit={visit} /> : null}
      {effectiveId && !picking ? (
        <>
          <StateView loading={home.loading} error={home.error} onRetry={home.reload} />
          {home.data && state === 'verified' ? <VoteCard compoundId={home.data.id} visit={visit} /> : null}
          {home.data ? (
            <CompoundHome
              compound={home.data}
              actions={
                <>
                  <MyHomes memberships={(profile.data?.memberships ?? []).filter((m) => m.compound.id === home.data?.id)} />
                  <ResidentActions compound={home.data} state={state} categories={categories.data} />
                </>
              }
            />
          ) : null}
          {PLATFORM.pickCompoundFromList ? (
            <View className='btn btn--ghost home__switch' role='button' {...FOCUSABLE} onClick={() => setPicking(true)}>
              更换小区
            </View>
          ) : null}
        </>
      ) : (
        <>
          {picking ? null : <View className='notice'>还没有选择小区。请扫描小区或楼栋门口张贴的二维码，进入您所在的小区。</View>}
          {PLATFORM.canScan ? (
            <View className='btn btn--primary' role='button' {...FOCUSABLE} onClick={scanCode}>
              扫码进入小区
            </View>
          ) : null}
          {profile.loading ? <StateView loading /> : null}
          {PLATFORM.pickCompoundFromList ? (
            signedIn ? (
              <CompoundPicker onPick={pick} />
            ) : (
              <View className='btn btn--primary' role='button' {...FOCUSABLE} onClick={() => openPage(withQuery(ROUTES.login, { redirect: ROUTES.home }))}>
                登录演示账号
              </View>
            )
          ) : null}
        </>
      )}
    </Page>
  );
}
