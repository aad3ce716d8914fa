import Taro from '@tarojs/taro';
import type { Envelope } from '@hg/types';
import type { CallFunction } from './call';
import { NETWORK_ERROR, isEnvelope } from './call';
import { API_BASE, getToken, signInNeeded } from './session';

/** Nothing to initialise: the gateway is plain HTTP. */
export function initTransport(): void {}

/**
 * POST `/api/<function>` with `{action, ...input}`. Error statuses (400/401/409…) still carry the
 * envelope in the body, so the body decides; only a transport failure or a non-envelope body
 * becomes the generic network error.
 */
export const callFunction: CallFunction = async (name, action, input) => {
  const token = getToken();
  let envelope: Envelope<never>;
  try {
    const res = await Taro.request({
      url: `${API_BASE}/api/${name}`,
      method: 'POST',
      data: { action, ...(input as object) },
      header: {
        'content-type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      dataType: 'json',
    });
    envelope = isEnvelope(res.data) ? (res.data as Envelope<never>) : { ok: false, error: NETWORK_ERROR };
  } catch {
    envelope = { ok: false, error: NETWORK_ERROR };
  }
  if (!envelope.ok && envelope.error.code === 'UNAUTHENTICATED') signInNeeded();
  return envelope;
};
