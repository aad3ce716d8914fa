import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { usePrefs } from '../../hooks/usePrefs';
import { FOCUSABLE } from '../a11y';
import BackBar from './BackBar';
import './index.scss';

export interface PageProps {
  /** Visible page heading (the navigation bar title comes from the page config). */
  title?: string;
  className?: string;
  children?: ReactNode;
}

const defaults = { title: '', className: '' } satisfies Partial<PageProps>;

/**
 * Root of every page. Large-text mode is a class here rather than a global style so it reaches
 * every page, including ones kept alive below the current page in the stack.
 */
export default function Page(props: PageProps) {
  const { title, className, children } = { ...defaults, ...props };
  const [prefs] = usePrefs();
  const classes = ['page', prefs.largeText ? 'page--large' : '', className].filter(Boolean).join(' ');
  return (
    // Focusable so a long page that scrolls is reachable by keyboard even with no buttons on it.
    <View className={classes} role='main' data-testid='page-root' {...FOCUSABLE}>
      <BackBar />
      {title ? (
        <View className='page__title' role='heading' aria-level={1}>
          {title}
        </View>
      ) : null}
      {children}
    </View>
  );
}
