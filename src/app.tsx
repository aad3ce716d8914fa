import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initTransport } from './services/transport';
import { installDialer } from './components/PhoneLink/install';
import './app.scss';

/**
 * The app shell: start-up work is the platform transport (wx.cloud.init on weapp) and, on H5, a
 * phone dialler that does not freeze the page (PhoneLink/install.h5.ts).
 */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initTransport();
    installDialer();
  });
  return children;
}

export default App;
