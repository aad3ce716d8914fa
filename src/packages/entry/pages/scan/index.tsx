import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { parseScene } from '@hg/types/scene';
import Page from '../../../../components/Page';
import CompoundHome from '../../../../components/CompoundHome';
import ResidentActions, { type ResidentState, residentStateIn } from '../../../../components/CompoundHome/ResidentActions';
import StateView from '../../../../components/StateView';
import { useLoad } from '../../../../hooks/useLoad';
import { community } from '../../../../services/community';
import { me } from '../../../../services/me';
import { needs } from '../../../../services/needs';
import { hasIdentity, sceneFromLocation } from '../../../../services/platform';
import { setCurrentCompoundId } from '../../../../store/current-compound';
import { ROUTES, openPage } from '../../../../routes';
import './index.scss';
import { FOCUSABLE } from '../../../../components/a11y';

const INVALID_SCENE = '无法识别这个二维码。请扫描小区或楼栋门口张贴的「红色管家」二维码。';

/**
 * QR entry: a compound or building code opens this page with `scene` (WeChat passes it URL-encoded
 * in the page options; H5 poster links carry it in the query). The compound becomes "my compound".
 */
export default function ScanPage() {
  const router = useRouter();
  const raw = router.params.scene || sceneFromLocation() || '';
  const parsed = raw ? parseScene(raw) : null;

  const home = useLoad(
    parsed
      ? async () => {
          const res = await community.resolveScene({ scene: raw });
          if (res.ok) setCurrentCompoundId(res.data.id);
          return res;
        }
      : null,
    [raw],
  );

  const notFound = home.error?.code === 'NOT_FOUND';

  // A resident who scans their own compound's code came to get something done: where they stand
  // decides whether the first button files a need or binds a home.
  const profile = useLoad(hasIdentity() ? () => me.get() : null, []);
  const state: ResidentState = home.data ? residentStateIn(home.data.id, profile.data?.memberships ?? []) : 'stranger';
  const categories = useLoad(state !== 'stranger' ? () => needs.categories() : null, [state]);

  return (
    <Page>
      {!parsed ? (
        <View className='notice' role='alert'>
          {INVALID_SCENE}
        </View>
      ) : null}
      {notFound ? (
        <View className='notice' role='alert'>
          没有找到这个二维码对应的小区，可能已停用。请联系社区工作人员。
        </View>
      ) : (
        <StateView loading={home.loading} error={home.error} onRetry={home.reload} />
      )}
      {home.data ? <CompoundHome compound={home.data} actions={<ResidentActions compound={home.data} state={state} categories={categories.data} />} /> : null}
      <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={() => openPage(ROUTES.home)}>
        返回首页
      </View>
    </Page>
  );
}
