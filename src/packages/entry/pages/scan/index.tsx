import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { parseScene } from '@hg/types/scene';
import Page from '../../../../components/Page';
import CompoundHome from '../../../../components/CompoundHome';
import StateView from '../../../../components/StateView';
import { useLoad } from '../../../../hooks/useLoad';
import { community } from '../../../../services/community';
import { sceneFromLocation } from '../../../../services/platform';
import { setCurrentCompoundId } from '../../../../store/current-compound';
import { ROUTES, openPage, withQuery } from '../../../../routes';
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
      {home.data ? (
        <CompoundHome
          compound={home.data}
          actions={
            <View
              className='btn btn--primary'
              role='button'
              {...FOCUSABLE}
              onClick={() => openPage(withQuery(ROUTES.bind, { compoundId: home.data?.id, buildingId: home.data?.building?.id ?? undefined }))}
            >
              绑定房屋
            </View>
          }
        />
      ) : null}
      <View className='btn btn--ghost' role='button' {...FOCUSABLE} onClick={() => openPage(ROUTES.home)}>
        返回首页
      </View>
    </Page>
  );
}
