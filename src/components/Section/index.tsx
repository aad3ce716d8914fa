import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { withDefaults } from '../defaults';
import './index.scss';

export interface SectionProps {
  /** The heading of the part of the form or page (level 2 under the page's title). */
  title: string;
  /** One line under the heading: what this part is for, or what happens next. */
  hint?: string;
  className?: string;
  testId?: string;
  children?: ReactNode;
}

const defaults = { hint: '', className: '' } satisfies Partial<SectionProps>;

/**
 * A titled card: the way a page groups a form's fields or a list. Sizes are in `em`, so the
 * large-text mode that `Page` switches on reaches the heading and the hint too.
 */
export default function Section(props: SectionProps) {
  const { title, hint, className, testId, children } = withDefaults(props, defaults);
  return (
    <View className={`card section ${className}`.trim()} data-testid={testId}>
      <View className='card__title' role='heading' aria-level={2}>
        {title}
      </View>
      {hint ? <View className='muted section__hint'>{hint}</View> : null}
      {children}
    </View>
  );
}
