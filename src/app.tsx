import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { goToLogin } from './routes';
import { onSignInNeeded } from './services/session';
import { initTransport } from './services/transport';
import { installDialer } from './components/PhoneLink/install';
import './app.scss';

// When the server does not know the session, the services report it and the shell opens the login
// (before any page loads, so the first call is covered).
onSignInNeeded(goToLogin);

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
