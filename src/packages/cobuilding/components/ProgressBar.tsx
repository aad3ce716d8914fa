import { View } from '@tarojs/components';
import './ProgressBar.scss';

export interface ProgressBarProps {
  /** 0–100. */
  percent: number;
  /** What the bar measures, for screen readers ("人员：已确认8人次，承诺12人次"). */
  label: string;
  overdue?: boolean;
  testId?: string;
}

/** A plain CSS bar (no chart library): the filled part is the confirmed share, red when overdue. */
export default function ProgressBar({ percent, label, overdue = false, testId }: ProgressBarProps) {
  const width = Math.max(0, Math.min(100, percent));
  return (
    <View className='cbar' role='progressbar' aria-valuemin={0} aria-valuemax={100} aria-valuenow={width} aria-label={label} data-testid={testId}>
      <View className={`cbar__fill${overdue ? ' cbar__fill--late' : ''}`} style={{ width: `${width}%` }} />
    </View>
  );
}
