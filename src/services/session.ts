import Taro from '@tarojs/taro';
import type { DemoUsersDTO, Envelope, SessionDTO } from '@hg/types';
import { NETWORK_ERROR, isEnvelope } from './call';

/** Gateway origin for H5; '' = same origin (the gateway serves the app and the API). */
export const API_BASE: string = process.env.TARO_APP_API_BASE || '';

const TOKEN_KEY = 'hg.session.token';
const USER_KEY = 'hg.session.user';

/** The bearer token of the demo session (H5 only; weapp identity is the trusted OPENID). */
export function getToken(): string | null {
  const t = Taro.getStorageSync(TOKEN_KEY) as string | undefined;
  return t ? t : null;
}

export function saveSession(session: SessionDTO): void {
  Taro.setStorageSync(TOKEN_KEY, session.token);
  Taro.setStorageSync(USER_KEY, session.user);
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(USER_KEY);
}

export function sessionUser(): SessionDTO['user'] | null {
  return (Taro.getStorageSync(USER_KEY) as SessionDTO['user'] | '') || null;
}

let signInHandler: () => void = () => {};

/**
 * The app shell says what to do when the server does not know the session (the demo login on
 * H5): services report it and never name a page, so they stay below the routes and the pages.
 */
export function onSignInNeeded(handler: () => void): void {
  signInHandler = handler;
}

/** Reports an UNAUTHENTICATED answer to the handler the app shell installed. */
export function signInNeeded(): void {
  signInHandler();
}

async function demoRequest<T>(path: string, method: 'GET' | 'POST', data?: object): Promise<Envelope<T>> {
  try {
    const res = await Taro.request({
      url: `${API_BASE}/api/_demo/${path}`,
      method,
      data,
      header: { 'content-type': 'application/json' },
      dataType: 'json',
    });
    return isEnvelope(res.data) ? (res.data as Envelope<T>) : { ok: false, error: NETWORK_ERROR };
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
}

/** Seeded users grouped by role. The gateway serves this only in local/demo mode. */
export function listDemoUsers(): Promise<Envelope<DemoUsersDTO>> {
  return demoRequest<DemoUsersDTO>('users', 'GET');
}

/** Logs in as a seeded user and keeps the token for the transport. */
export async function demoLogin(userId: number): Promise<Envelope<SessionDTO>> {
  const res = await demoRequest<SessionDTO>('login', 'POST', { userId });
  if (res.ok) saveSession(res.data);
  return res;
}
