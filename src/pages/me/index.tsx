import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { MeDTO } from '@hg/types';
import Page from '../../components/Page';
import StateView from '../../components/StateView';
import LargeTextSwitch from '../../components/LargeTextSwitch';
import { useLoad } from '../../hooks/useLoad';
import { me } from '../../services/me';
import { notifications } from '../../services/notifications';
import { PLATFORM, hasIdentity } from '../../services/platform';
import { clearSession } from '../../services/session';
import { ROUTES, openPage, withQuery } from '../../routes';
import './index.scss';
import { FOCUSABLE } from '../../components/a11y';

function Entry({ label, onClick, badge, testId }: { label: string; onClick: () => void; badge?: string; testId?: string }) {
  return (
    <View className='me__entry' role='button' {...FOCUSABLE} data-testid={testId} onClick={onClick}>
      <View>
        {label}
        {badge ? <View className='me__badge'>{badge}</View> : null}
      </View>
      <View className='me__chevron' aria-hidden='true'>
        ›
      </View>
    </View>
  );
}

function Profile({ profile }: { profile: MeDTO }) {
  return (
    <>
      <View className='card'>
        <View className='me__name' role='heading' aria-level={2}>
          {profile.name}
        </View>
        {profile.phone ? <View className='muted'>手机号：{profile.phone}</View> : null}
        <View className='me__tags'>
          {profile.verifiedResident ? <View className='me__tag'>已认证居民</View> : null}
          {profile.roles.map((r) => (
            <View key={`${r.role}-${r.scopeLevel}-${r.scopeId}`} className='me__tag'>
              {r.roleLabel} · {r.organisation ? `${r.organisation.name} · ` : ''}
              {r.scopeName}
            </View>
          ))}
        </View>
      </View>

      <View className='card'>
        <View className='card__title' role='heading' aria-level={2}>
          我的房屋
        </View>
        {profile.memberships.length === 0 ? <View className='muted'>还没有绑定房屋</View> : null}
        <View role='list'>
          {profile.memberships.map((m) => (
            <View key={m.id} className='me__membership' role='listitem'>
              <View className='me__membership-addr'>
                {m.compound.name} {m.address}
              </View>
              <View className={`me__status me__status--${m.status}`}>{m.statusLabel}</View>
              {m.status === 'rejected' && m.rejectReason ? <View className='muted'>驳回理由：{m.rejectReason}</View> : null}
            </View>
          ))}
        </View>
      </View>
    </>
  );
}

/** 我的: profile, roles with their scopes, household memberships, large text, 消息中心 and the entries `can` allows. */
export default function MePage() {
  const [signedIn, setSignedIn] = useState<boolean>(hasIdentity);
  const [visit, setVisit] = useState(0);
  // Reload on every show: a binding may have been approved while the user was elsewhere.
  useDidShow(() => {
    setSignedIn(hasIdentity());
    setVisit((v) => v + 1);
  });
  const profile = useLoad(signedIn ? () => me.get() : null, [signedIn, visit]);
  const data = profile.data;
  const unread = useLoad(signedIn ? () => notifications.list({ unreadOnly: true, limit: 1 }) : null, [signedIn, visit]);
  const unreadCount = unread.data?.unread ?? 0;

  return (
    <Page title='我的'>
      {signedIn ? (
        <StateView loading={profile.loading && !data} error={profile.error} onRetry={profile.reload} />
      ) : (
        <View className='card'>
          <View className='muted'>尚未登录。</View>
          {PLATFORM.demoLogin ? (
            <View
              className='btn btn--primary me__login'
              role='button'
              {...FOCUSABLE}
              onClick={() => openPage(withQuery(ROUTES.login, { redirect: ROUTES.me }))}
            >
              登录演示账号
            </View>
          ) : null}
        </View>
      )}
      {signedIn && data ? <Profile profile={data} /> : null}

      <View className='card'>
        <LargeTextSwitch />
      </View>

      <View className='card me__entries'>
        {signedIn ? (
          <Entry label='消息中心' badge={unreadCount ? `${unreadCount}条未读` : undefined} testId='entry-messages' onClick={() => openPage(ROUTES.messages)} />
        ) : null}
        <Entry label='绑定房屋' onClick={() => openPage(ROUTES.bind)} />
        {signedIn ? <Entry label='我的订餐' testId='entry-my-meals' onClick={() => openPage(ROUTES.bookingMine)} /> : null}
        {signedIn ? <Entry label='为家人订餐' testId='entry-family' onClick={() => openPage(ROUTES.bookingFamily)} /> : null}
        {/* Role entries follow the server's `can` flags, so none leads to a page the server refuses. */}
        {data?.can.verifyHouseholds ? <Entry label='居民认证审核' testId='entry-verify' onClick={() => openPage(ROUTES.verify)} /> : null}
        {data?.can.printPosters ? <Entry label='二维码海报' testId='entry-posters' onClick={() => openPage(ROUTES.posters)} /> : null}
        {data?.can.runCareCentre ? <Entry label='助餐核销' testId='entry-meal-counter' onClick={() => openPage(ROUTES.bookingCounter)} /> : null}
        {data?.can.runCareCentre ? <Entry label='助餐管理' testId='entry-meal-console' onClick={() => openPage(ROUTES.bookingConsole)} /> : null}
        <Entry label='物业星级榜' testId='entry-firm-board' onClick={() => openPage(ROUTES.ratingLeaderboard)} />
        {data?.verifiedResident ? <Entry label='评价物业' testId='entry-rate-firm' onClick={() => openPage(ROUTES.ratingRate)} /> : null}
        {data?.can.assessFirms ? <Entry label='物业考评' testId='entry-assess' onClick={() => openPage(ROUTES.ratingAssess)} /> : null}
        {data?.can.manageRatings ? <Entry label='评星管理' testId='entry-rating-manage' onClick={() => openPage(ROUTES.ratingManage)} /> : null}
        {data?.can.moderateComments ? <Entry label='评论审核' testId='entry-moderation' onClick={() => openPage(ROUTES.ratingModeration)} /> : null}
        {data?.can.handleEscalations ? <Entry label='升级待办' testId='entry-ladder' onClick={() => openPage(ROUTES.needLadder)} /> : null}
        {data?.can.replyAsFirm ? <Entry label='评价反馈' testId='entry-firm-reply' onClick={() => openPage(ROUTES.ratingReply)} /> : null}
        {data?.can.timerStatus ? <Entry label='定时任务' testId='entry-timers' onClick={() => openPage(ROUTES.timerJobs)} /> : null}
      </View>

      {PLATFORM.demoLogin && signedIn ? (
        <View className='card me__entries'>
          <Entry label='切换演示账号' onClick={() => openPage(withQuery(ROUTES.login, { redirect: ROUTES.me }))} />
          <Entry
            label='退出'
            onClick={() => {
              clearSession();
              setSignedIn(false);
            }}
          />
        </View>
      ) : null}
    </Page>
  );
}
