import { render, screen } from '@testing-library/react';
import { __storage } from '../../../test/mocks/taro';
import { resetPrefsCache } from '../../store/prefs';
import { click } from '../../test-utils';
import Page from '../Page';
import LargeTextSwitch from './index';

beforeEach(() => {
  __storage.clear();
  resetPrefsCache();
});

function App() {
  return (
    <Page title='我的'>
      <LargeTextSwitch />
    </Page>
  );
}

describe('大字模式 switch', () => {
  it('applies the large-text class to the page and remembers the choice', async () => {
    render(<App />);
    const sw = screen.getByRole('switch', { name: '大字模式' });
    expect(sw.getAttribute('aria-checked')).toBe('false');
    expect(screen.getByTestId('page-root').className).not.toContain('page--large');

    await click(sw);

    expect(sw.getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('page-root').className).toContain('page--large');
    expect(__storage.get('hg.prefs')).toEqual({ largeText: true });
  });

  it('starts in large-text mode when it was switched on before', () => {
    __storage.set('hg.prefs', { largeText: true });
    render(<App />);
    expect(screen.getByTestId('page-root').className).toContain('page--large');
  });

  it('reaches every mounted page, not only the one with the switch', async () => {
    render(
      <>
        <Page title='首页' />
        <App />
      </>,
    );
    await click(screen.getByRole('switch', { name: '大字模式' }));
    for (const root of screen.getAllByTestId('page-root')) expect(root.className).toContain('page--large');
  });
});
