import { View } from '@tarojs/components';
import { FOCUSABLE } from '../a11y';
import { withDefaults } from '../defaults';
import './index.scss';

export interface TabsProps<V extends string> {
  /** Accessible name of the tab list, e.g. 「需求状态」. */
  label: string;
  /** `count` (optional) is shown as a badge after the label, e.g. how many rows the tab lists. */
  tabs: { value: V; label: string; count?: number | null }[];
  value: V;
  onChange: (value: V) => void;
  /** Prefix of each tab's data-testid (`${testId}-${value}`). */
  testId?: string;
}

const defaults = { testId: 'tab' } satisfies Partial<TabsProps<string>>;

/** Big, wrapping filter tabs (a real tablist, so screen readers announce the selected one). */
export default function Tabs<V extends string>(props: TabsProps<V>) {
  const { label, tabs, value, onChange, testId } = withDefaults(props, defaults);
  return (
    <View className='ntabs' role='tablist' aria-label={label}>
      {tabs.map((t) => (
        <View
          key={t.value}
          className={`ntabs__tab ${t.value === value ? 'ntabs__tab--on' : ''}`}
          role='tab'
          {...FOCUSABLE}
          aria-selected={t.value === value ? 'true' : 'false'}
          {...(typeof t.count === 'number' ? { 'aria-label': `${t.label} ${t.count}条` } : {})}
          data-testid={`${testId}-${t.value || 'all'}`}
          onClick={() => onChange(t.value)}
        >
          {t.label}
          {typeof t.count === 'number' ? (
            <View className='ntabs__count' data-testid={`${testId}-${t.value || 'all'}-count`}>
              {t.count}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
