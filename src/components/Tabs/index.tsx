import { View } from '@tarojs/components';
import { FOCUSABLE } from '../a11y';
import { withDefaults } from '../defaults';
import './index.scss';

export interface TabsProps<V extends string> {
  /** Accessible name of the tab list, e.g. 「需求状态」. */
  label: string;
  tabs: { value: V; label: string }[];
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
          data-testid={`${testId}-${t.value || 'all'}`}
          onClick={() => onChange(t.value)}
        >
          {t.label}
        </View>
      ))}
    </View>
  );
}
