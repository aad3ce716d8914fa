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
import { entriesFor, seesResidentEntries, workGroups, type PlacedEntry, type Viewer } from '../../manifests';
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

/** A list of manifest entries; `badges` gives an entry its badge by its count key. */
function Entries({ entries, badges = {} }: { entries: PlacedEntry[]; badges?: Partial<Record<string, string>> }) {
  return (
    <>
      {entries.map((e) => (
        <Entry key={e.testId} label={e.label} testId={e.testId} badge={e.count ? badges[e.count] : undefined} onClick={() => openPage(e.url)} />
      ))}
    </>
  );
}

function Profile({ profile, showHomes }: { profile: MeDTO; showHomes: boolean }) {
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

      {showHomes ? (
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
      ) : null}
    </>
  );
}

/**
 * 我的: profile, roles with their scopes, large text, and the entries the subpackages' manifests
 * declare (src/manifests.ts): everyone's (消息中心, 物业星级榜), a resident's (绑定房屋, 订餐, 评价物业)
 * for people with a home or without any role, and staff's work under a heading per domain, each
 * behind the server's `can` flag so none leads to a page the server refuses.
 */
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
  const viewer: Viewer = { signedIn, profile: signedIn ? data : null };
  const resident = entriesFor('resident', viewer);
  const work = workGroups(viewer);

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
      {signedIn && data ? <Profile profile={data} showHomes={seesResidentEntries(viewer)} /> : null}

      <View className='card'>
        <LargeTextSwitch />
      </View>

      <View className='card me__entries'>
        <Entries entries={entriesFor('info', viewer)} badges={{ unreadMessages: unreadCount ? `${unreadCount}条未读` : undefined }} />
      </View>

      {resident.length ? (
        <View className='card me__entries' role='navigation' aria-label='居民服务' data-testid='me-resident'>
          <View className='card__title me__group-title' role='heading' aria-level={2}>
            居民服务
          </View>
          <Entries entries={resident} />
        </View>
      ) : null}

      {work.length ? (
        <View data-testid='me-work'>
          <View className='me__work-title' role='heading' aria-level={2}>
            我的工作
          </View>
          {work.map((g, i) => (
            <View key={g.title} className='card me__entries' role='navigation' aria-label={g.title} data-testid={`me-work-group-${i}`}>
              <View className='card__title me__group-title' role='heading' aria-level={3}>
                {g.title}
              </View>
              <Entries entries={g.entries} />
            </View>
          ))}
        </View>
      ) : null}

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
