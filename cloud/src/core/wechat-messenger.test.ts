import { wechatPlatform, type WxSdk } from './wechat';

/** How WeChat's answers to subscribeMessage.send become the outbox's outcomes. */
describe('the WeChat messenger', () => {
  const msg = { openid: 'o-1', template: 'need_update' as const, page: 'pages/me/index', title: '需求已办结', body: '请评价' };
  const env = 'WX_TEMPLATE_NEED_UPDATE';
  const platformAnswering = (answer: () => Promise<unknown>) =>
    wechatPlatform({
      init() {},
      DYNAMIC_CURRENT_ENV: null,
      getWXContext: () => ({}),
      openapi: { subscribeMessage: { send: answer }, wxacode: { getUnlimited: async () => ({ buffer: Buffer.alloc(0) }) } },
    } as WxSdk);

  beforeEach(() => {
    process.env[env] = 'tmpl-1';
  });
  afterEach(() => {
    delete process.env[env];
  });

  it('sent, no consent (final), quota or system error (retried), no template (final)', async () => {
    expect(await platformAnswering(async () => ({ errCode: 0 })).messenger.send(msg)).toEqual({ ok: true });
    expect(
      await platformAnswering(() => Promise.reject(Object.assign(new Error('user refuse to accept the msg'), { errCode: 43101 }))).messenger.send(msg),
    ).toEqual({
      ok: false,
      final: true,
      code: '43101',
    });
    expect(
      await platformAnswering(() => Promise.reject(Object.assign(new Error('api minute-quota reach limit'), { errCode: 45009 }))).messenger.send(msg),
    ).toEqual({
      ok: false,
      final: false,
      code: '45009',
    });
    expect(await platformAnswering(() => Promise.reject(new Error('timeout'))).messenger.send(msg)).toEqual({ ok: false, final: false, code: 'ERROR' });
    delete process.env[env];
    expect(await platformAnswering(async () => ({})).messenger.send(msg)).toEqual({ ok: false, final: true, code: 'NO_TEMPLATE' });
  });
});
