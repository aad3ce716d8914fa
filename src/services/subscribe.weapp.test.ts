type Seam = typeof import('./subscribe.weapp');

/** Loads the weapp seam with the given build-time template ids (read once, at load) and a spy for the consent prompt. */
function load(env: Record<string, string>): { requestSubscribe: Seam['requestSubscribe']; ask: jest.Mock } {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const ask = jest.fn(async (_option: unknown) => ({}));
  let seam: Seam | null = null;
  jest.isolateModules(() => {
    const taro = jest.requireActual<{ default: Record<string, unknown> }>('@tarojs/taro');
    taro.default.requestSubscribeMessage = ask;
    seam = jest.requireActual<Seam>('./subscribe.weapp');
  });
  process.env = saved;
  return { requestSubscribe: (seam as unknown as Seam).requestSubscribe, ask };
}

describe('requestSubscribe (weapp)', () => {
  it('asks for the template of each kind, once each', async () => {
    const { requestSubscribe, ask } = load({
      TARO_APP_TMPL_NEED_UPDATE: 'tmpl-need',
      TARO_APP_TMPL_MEMBERSHIP_UPDATE: 'tmpl-home',
      TARO_APP_TMPL_NEED_TASK: 'tmpl-task',
    });
    await requestSubscribe(['need_update']);
    await requestSubscribe(['membership_update', 'need_task', 'membership_update']);
    expect(ask.mock.calls.map((c) => c[0])).toEqual([
      { tmplIds: ['tmpl-need'], entityIds: [] },
      { tmplIds: ['tmpl-home', 'tmpl-task'], entityIds: [] },
    ]);
  });

  it('does not ask for kinds without a template, and never throws', async () => {
    const { requestSubscribe, ask } = load({ TARO_APP_TMPL_NEED_UPDATE: 'tmpl-need', TARO_APP_TMPL_MEMBERSHIP_UPDATE: '' });
    await requestSubscribe(['membership_update']);
    expect(ask).not.toHaveBeenCalled();
    ask.mockRejectedValueOnce(new Error('refused'));
    await expect(requestSubscribe(['need_update'])).resolves.toBeUndefined();
    expect(ask).toHaveBeenCalledTimes(1);
  });
});
