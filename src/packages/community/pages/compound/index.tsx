import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import Page from '../../../../components/Page';
import CompoundHome from '../../../../components/CompoundHome';
import StateView from '../../../../components/StateView';
import { useLoad } from '../../../../hooks/useLoad';
import { community } from '../../../../services/community';
import { setCurrentCompoundId } from '../../../../store/current-compound';
import { ROUTES, openPage, withQuery } from '../../../../routes';
import './index.scss';
import { FOCUSABLE } from '../../../../components/a11y';

/** A compound's home by id (links from lists); the same card the QR entry shows. */
export default function CompoundPage() {
  const router = useRouter();
  const compoundId = Number(router.params.compoundId);
  const valid = Number.isInteger(compoundId) && compoundId > 0;
  const home = useLoad(valid ? () => community.getCompound({ compoundId }) : null, [compoundId]);

  return (
    <Page>
      {!valid ? (
        <View className='notice' role='alert'>
          缺少小区编号，请从首页进入。
        </View>
      ) : null}
      <StateView loading={home.loading} error={home.error} onRetry={home.reload} />
      {home.data ? (
        <CompoundHome
          compound={home.data}
          actions={
            <>
              <View className='btn btn--primary' role='button' {...FOCUSABLE} onClick={() => openPage(withQuery(ROUTES.bind, { compoundId }))}>
                绑定房屋
              </View>
              <View
                className='btn btn--ghost'
                role='button'
                {...FOCUSABLE}
                onClick={() => {
                  setCurrentCompoundId(compoundId);
                  openPage(ROUTES.home);
                }}
              >
                设为我的小区
              </View>
            </>
          }
        />
      ) : null}
    </Page>
  );
}
