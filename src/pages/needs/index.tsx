import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import Page from '../../components/Page';
import StateView from '../../components/StateView';
import NeedRow from '../../components/NeedRow';
import { FOCUSABLE } from '../../components/a11y';
import { useLoad } from '../../hooks/useLoad';
import { me } from '../../services/me';
import { needs } from '../../services/needs';
import { PLATFORM, hasIdentity } from '../../services/platform';
import { getCurrentCompoundId } from '../../store/current-compound';
import { ROUTES, openPage, withQuery } from '../../routes';
import './index.scss';

function Entry({ label, hint, testId, onClick }: { label: string; hint: string; testId: string; onClick: () => void }) {
  return (
    <View className='needs__entry' role='link' {...FOCUSABLE} data-testid={testId} onClick={onClick}>
      <View>
        <View className='needs__entry-label'>{label}</View>
        <View className='muted'>{hint}</View>
      </View>
      <View className='needs__chevron' aria-hidden='true'>
        ›
      </View>
    </View>
  );
}

/**
 * 需求 tab: the resident's way in (我要点单, my open needs) and, by the server's `can` flags, the
 * work lists — 接单箱, 代办点单, 派单台 and 数据看板, 待认领 — plus the public board.
 */
export default function NeedsPage() {
  const [signedIn, setSignedIn] = useState<boolean>(hasIdentity);
  const [visit, setVisit] = useState(0);
  useDidShow(() => {
    setSignedIn(hasIdentity());
    setVisit((v) => v + 1);
  });
  const profile = useLoad(signedIn ? () => me.get() : null, [signedIn]);
  const mine = useLoad(signedIn ? () => needs.mine({ open: true, limit: 5 }) : null, [signedIn, visit]);
  // What the server lets this person open (MeDTO.can): one source for the entries below.
  const can = profile.data?.can;
  const isReceiver = !!can?.receiveNeeds;
  // Party members who claimed a need work it from the inbox too: show it whenever it has items.
  const inbox = useLoad(signedIn && profile.data && !isReceiver ? () => needs.inbox({ limit: 1 }) : null, [signedIn, profile.data, visit]);
  const membershipCompound = profile.data?.memberships.find((m) => m.status === 'verified')?.compound.id ?? null;
  const compoundId = getCurrentCompoundId() ?? membershipCompound;

  if (!signedIn) {
    return (
      <Page title='需求与服务'>
        <View className='card'>登录后即可点单，并查看办理进度。</View>
        {PLATFORM.demoLogin ? (
          <View className='btn btn--primary' role='button' {...FOCUSABLE} onClick={() => openPage(withQuery(ROUTES.login, { redirect: ROUTES.needs }))}>
            登录演示账号
          </View>
        ) : null}
      </Page>
    );
  }

  const showInbox = isReceiver || !!inbox.data?.items.length;
  return (
    <Page title='需求与服务'>
      <View className='btn btn--primary needs__order' role='button' {...FOCUSABLE} data-testid='need-create-entry' onClick={() => openPage(ROUTES.needCreate)}>
        <View className='needs__order-icon' aria-hidden='true'>
          ✚
        </View>
        我要点单
      </View>
      <View className='muted needs__order-hint'>居民点单 → 社区派单 → 接单办理 → 群众评单</View>

      <View className='card'>
        <View className='card__title' role='heading' aria-level={2}>
          我的进行中需求
        </View>
        <StateView loading={mine.loading} error={mine.error} empty={mine.data?.items.length === 0} emptyText='暂无进行中的需求' onRetry={mine.reload} />
        <View role='list' aria-label='我的进行中需求'>
          {(mine.data?.items ?? []).map((n) => (
            <NeedRow key={n.id} need={n} />
          ))}
        </View>
        <View className='btn btn--ghost' role='link' {...FOCUSABLE} data-testid='need-mine-entry' onClick={() => openPage(ROUTES.needMine)}>
          查看我的全部需求
        </View>
      </View>

      <View className='card needs__entries' role='navigation' aria-label='更多功能'>
        {showInbox ? <Entry label='接单箱' hint='派给我的需求，接单、办理、办结' testId='entry-inbox' onClick={() => openPage(ROUTES.needInbox)} /> : null}
        {can?.fileForOthers ? (
          <Entry label='代办点单' hint='为不使用手机的居民登记需求' testId='entry-proxy' onClick={() => openPage(ROUTES.needProxy)} />
        ) : null}
        {can?.dispatchNeeds ? (
          <Entry label='派单台' hint='派单、转单、不予受理、导出台账' testId='entry-console' onClick={() => openPage(ROUTES.needConsole)} />
        ) : null}
        {can?.dispatchNeeds ? (
          <Entry label='数据看板' hint='解决数、响应与办结用时、满意度' testId='entry-dashboard' onClick={() => openPage(ROUTES.needDashboard)} />
        ) : null}
        {can?.claimNeeds ? <Entry label='待认领' hint='党员主动认领居民需求' testId='entry-claim' onClick={() => openPage(ROUTES.needClaim)} /> : null}
        {compoundId ? (
          <Entry
            label='楼栋公示'
            hint='本小区需求办理情况（只显示数量）'
            testId='entry-board'
            onClick={() => openPage(withQuery(ROUTES.needBoard, { compoundId }))}
          />
        ) : null}
      </View>
    </Page>
  );
}
