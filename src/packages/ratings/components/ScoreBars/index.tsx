import { View } from '@tarojs/components';
import './index.scss';

export interface ScoreBar {
  key: string | number;
  label: string;
  /** null: no score (the bar stays empty and `text` says why). */
  value: number | null;
  text: string;
}

export interface ScoreBarsProps {
  /** Accessible name of the chart. */
  label: string;
  bars: ScoreBar[];
  /** The value of a full bar. */
  max: number;
  testId?: string;
}

/**
 * A horizontal bar chart in plain CSS (no chart library in the mini-program): each bar is a
 * labelled row whose text carries the number, so the chart reads the same without its colours.
 */
export default function ScoreBars({ label, bars, max, testId = 'bars' }: ScoreBarsProps) {
  return (
    <View className='sbars' role='list' aria-label={label} data-testid={testId}>
      {bars.map((b) => (
        <View key={b.key} className='sbars__row' role='listitem' data-testid={`${testId}-${b.key}`}>
          <View className='sbars__label'>{b.label}</View>
          <View className='sbars__track' aria-hidden='true'>
            <View className='sbars__fill' style={{ width: `${b.value === null ? 0 : Math.max(0, Math.min(100, (b.value / max) * 100))}%` }} />
          </View>
          <View className='sbars__text'>{b.text}</View>
        </View>
      ))}
    </View>
  );
}
