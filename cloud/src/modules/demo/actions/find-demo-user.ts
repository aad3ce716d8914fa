import { ZDemoLoginRequest } from '@hg/types';
import { definePublicAction } from '../../../core/action';
import { forbidden, notFound } from '../../../core/errors';
import { userById } from '../../identity/public';

/**
 * The account a demo login picks: only seeded `demo:` people. The gateway (as the system) calls
 * this and signs the session itself; nothing here issues credentials.
 */
export const findDemoUser = definePublicAction({
  input: ZDemoLoginRequest,
  async handler({ userId }, { ds, system }) {
    if (!system) throw forbidden('演示登录只在本地网关中提供');
    const user = await userById(ds.manager, userId);
    if (!user || !user.openid.startsWith('demo:')) throw notFound('演示账号');
    return { id: user.id, openid: user.openid, name: user.name };
  },
});
