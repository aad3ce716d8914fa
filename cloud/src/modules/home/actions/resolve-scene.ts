import { ErrorCode, parseScene, ZResolveSceneRequest } from '@hg/types';
import { definePublicAction } from '../../../core/action';
import { AppError } from '../../../core/errors';
import { communityRepo } from '../../community/public';
import { loadCompoundHome } from '../load-compound-home';

/** A scanned compound or building code → that compound's home page. */
export const resolveScene = definePublicAction({
  input: ZResolveSceneRequest,
  async handler({ scene }, { ds }) {
    const parsed = parseScene(scene);
    if (!parsed) throw new AppError(ErrorCode.INVALID_INPUT, 'scene: 无法识别的二维码', { field: 'scene' });
    if (parsed.kind === 'compound') {
      const compound = await communityRepo.compoundByCode(ds.manager, parsed.code);
      if (!compound) throw new AppError(ErrorCode.NOT_FOUND, '二维码对应的小区不存在或已停用');
      return loadCompoundHome(ds.manager, compound.id);
    }
    const building = await communityRepo.buildingByCode(ds.manager, parsed.code);
    if (!building) throw new AppError(ErrorCode.NOT_FOUND, '二维码对应的楼栋不存在或已停用');
    return loadCompoundHome(ds.manager, building.compoundId, building);
  },
});
