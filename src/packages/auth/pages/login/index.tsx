import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import Page from '../../../../components/Page';
import StateView from '../../../../components/StateView';
import { useLoad } from '../../../../hooks/useLoad';
import { PLATFORM } from '../../../../services/platform';
import { demoLogin, listDemoUsers } from '../../../../services/session';
import { ROUTES, relaunchPage } from '../../../../routes';
import './index.scss';
import { FOCUSABLE } from '../../../../components/a11y';

/** Only same-app paths may be a redirect target (no open redirect to another site). */
function safeRedirect(raw: string | undefined): string {
  if (!raw) return ROUTES.home;
  let url = raw;
  try {
    url = decodeURIComponent(raw);
  } catch {
    return ROUTES.home;
  }
  return url.startsWith('/pages/') || url.startsWith('/packages/') ? url : ROUTES.home;
}

/**
 * DEMO LOGIN (H5 / local gateway only): pick a seeded user per role to try every journey.
 * The real mini-program identifies people by their WeChat OPENID; this page never ships there.
 */
export default function LoginPage() {
  const { params } = useRouter();
  const redirect = safeRedirect(params.redirect);
  const users = useLoad(PLATFORM.demoLogin ? () => listDemoUsers() : null, []);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const login = async (userId: number) => {
    if (busy) return;
    setBusy(userId);
    setError(null);
    const res = await demoLogin(userId);
    setBusy(null);
    if (res.ok) relaunchPage(redirect);
    else setError(res.error.message);
  };

  return (
    <Page title='演示登录'>
      <View className='login__banner' role='note'>
        演示模式：仅用于本地体验，正式版通过微信身份登录
      </View>
      {!PLATFORM.demoLogin ? <View className='notice'>微信小程序中无需登录，请返回。</View> : null}
      <StateView loading={users.loading} error={users.error} onRetry={users.reload} />
      {error ? (
        <View className='notice' role='alert'>
          {error}
        </View>
      ) : null}
      {(users.data?.groups ?? []).map((g) => (
        <View key={g.role} className='card'>
          <View className='card__title' role='heading' aria-level={2}>
            {g.label}
          </View>
          {g.users.map((u) => (
            <View key={u.id} className='btn btn--ghost login__user' role='button' {...FOCUSABLE} onClick={() => login(u.id)}>
              <View className='login__user-name'>{busy === u.id ? '登录中…' : u.name}</View>
              <View className='login__user-scope'>
                {u.roleLabel} · {u.scopeName}
              </View>
            </View>
          ))}
        </View>
      ))}
    </Page>
  );
}
