import Taro from '@tarojs/taro';
import { __storage, __setRouter } from '../../test/mocks/taro';
import { goToLogin } from '../routes';
import { onSignInNeeded } from './session';
import { callFunction } from './transport.h5';

// As the app shell does: the transport reports "sign in needed", the shell's handler navigates.
onSignInNeeded(goToLogin);

const request = Taro.request as unknown as jest.Mock;

beforeEach(() => {
  __storage.clear();
  request.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
  __setRouter('/pages/me/index');
});

describe('transport.h5', () => {
  it('posts {action, ...input} to /api/<function> with the bearer token from storage', async () => {
    __storage.set('hg.session.token', 'tok-123');
    request.mockResolvedValue({ statusCode: 200, data: { ok: true, data: { id: 7 } } });

    const res = await callFunction('community', 'getCompound', { compoundId: 7 });

    expect(res).toEqual({ ok: true, data: { id: 7 } });
    const arg = request.mock.calls[0][0];
    expect(arg.url).toBe('/api/community');
    expect(arg.method).toBe('POST');
    expect(arg.data).toEqual({ action: 'getCompound', compoundId: 7 });
    expect(arg.header.Authorization).toBe('Bearer tok-123');
  });

  it('sends no Authorization header without a session', async () => {
    request.mockResolvedValue({ statusCode: 200, data: { ok: true, data: [] } });
    await callFunction('community', 'listCompounds', {});
    expect(request.mock.calls[0][0].header.Authorization).toBeUndefined();
  });

  it('turns a network failure into the INTERNAL envelope with a Chinese message', async () => {
    request.mockRejectedValue(new Error('Failed to fetch'));
    const res = await callFunction('me', 'get', {});
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后再试' } });
  });

  it('treats a non-envelope body (an HTML error page) as a network failure', async () => {
    request.mockResolvedValue({ statusCode: 502, data: '<html>Bad Gateway</html>' });
    const res = await callFunction('me', 'get', {});
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('INTERNAL');
  });

  it('passes the envelope of an HTTP error status through unchanged', async () => {
    const error = { code: 'INVALID_INPUT', message: '请填写11位手机号', details: { field: 'phone' } };
    request.mockResolvedValue({ statusCode: 400, data: { ok: false, error } });
    const res = await callFunction('me', 'update', { phone: '123' });
    expect(res).toEqual({ ok: false, error });
  });

  it('sends the user to the demo login with a redirect back on UNAUTHENTICATED', async () => {
    __setRouter('/packages/household/pages/verify/index', { $taroTimestamp: '1' });
    request.mockResolvedValue({ statusCode: 401, data: { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } } });
    await callFunction('households', 'verifyQueue', {});
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/packages/auth/pages/login/index?redirect=${encodeURIComponent('/packages/household/pages/verify/index')}`,
    });
  });
});
