import { Picker, View } from '@tarojs/components';
import { FOCUSABLE } from '../a11y';
import { withDefaults } from '../defaults';
import './index.scss';

export interface TimePickerProps {
  /** Stable id: the label names the button through it. */
  id: string;
  label: string;
  /** "HH:mm", Beijing time as the centre reads its clock. */
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  /** Earliest and latest choice ("06:00"). */
  start?: string;
  end?: string;
}

const defaults = { error: null, start: '06:00', end: '21:00' } satisfies Partial<TimePickerProps>;

/**
 * A time of day picked from the platform's wheel (`Picker mode='time'`: the native picker on the
 * mini-program, Taro's wheel on H5) instead of typed: no "1130" or "11：30" to correct. The value
 * is shown big on a button named by its label; its error sits under it like a Field's.
 */
export default function TimePicker(props: TimePickerProps) {
  const { id, label, value, onChange, error, start, end } = withDefaults(props, defaults);
  const errorId = `${id}-error`;
  return (
    <View className={`field timepick ${error ? 'field--invalid' : ''}`}>
      <View className='field__label' id={`${id}-label`}>
        {label}
      </View>
      <Picker mode='time' value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View
          className='timepick__value'
          role='button'
          {...FOCUSABLE}
          aria-label={`${label} ${value}，点按选择时间`}
          aria-invalid={error ? 'true' : 'false'}
          {...(error ? { 'aria-describedby': errorId } : {})}
          data-testid={id}
        >
          {value}
        </View>
      </Picker>
      {error ? (
        <View id={errorId} className='field__error' role='alert' data-testid={errorId}>
          {error}
        </View>
      ) : null}
    </View>
  );
}
