import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ROUTES, openPage } from '../../routes';
import { FOCUSABLE } from '../a11y';

const TAB_PAGES: string[] = [ROUTES.home, ROUTES.needs, ROUTES.me];

function pathOf(raw: string): string {
  const path = raw.split('?')[0];
  return path.startsWith('/') ? path : `/${path}`;
}

/**
 * H5 has no navigation bar with a back button, and a page opened from a link (a message, a poster,
 * a shared URL) has nothing in the app's stack to go back to. A sub-page therefore shows 返回 when
 * there is an earlier app page, and 回首页 when it was the first page opened.
 */
export default function BackBar() {
  // This page's own route: a page kept alive below the current one must not read the top page's.
  const path = pathOf(useRouter().path ?? '');
  if (TAB_PAGES.includes(path)) return null;
  const canGoBack = Taro.getCurrentPages().length > 1;
  return (
    <View className='page__back-bar'>
      {canGoBack ? (
        <View className='page__back' role='link' {...FOCUSABLE} aria-label='返回上一页' data-testid='page-back' onClick={() => void Taro.navigateBack()}>
          ‹ 返回
        </View>
      ) : null}
      <View className='page__back' role='link' {...FOCUSABLE} data-testid='page-home' onClick={() => openPage(ROUTES.home)}>
        回首页
      </View>
    </View>
  );
}
