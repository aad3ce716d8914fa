import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initTransport } from './services/transport';
import './app.scss';

/** The app shell: the only start-up work is the platform transport (wx.cloud.init on weapp). */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initTransport();
  });
  return children;
}

export default App;
