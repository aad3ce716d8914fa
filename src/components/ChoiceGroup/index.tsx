import { View } from '@tarojs/components';
import './index.scss';
import { FOCUSABLE } from '../a11y';

export interface Choice<V extends string | number> {
  value: V;
  label: string;
}

export interface ChoiceGroupProps<V extends string | number> {
  id: string;
  label: string;
  options: Choice<V>[];
  value: V | null;
  onChange: (value: V) => void;
  error?: string | null;
  emptyText?: string;
}

/**
 * A picker shown as big tappable chips (a radio group). Easier for elderly residents than a
 * scrolling wheel, and every option is visible at once.
 */
export default function ChoiceGroup<V extends string | number>(props: ChoiceGroupProps<V>) {
  const { id, label, options, value, onChange, error = null, emptyText = '暂无可选项' } = props;
  const errorId = `${id}-error`;
  return (
    <View className={`choice ${error ? 'choice--invalid' : ''}`}>
      <View className='choice__label' id={`${id}-label`}>
        {label}
      </View>
      <View className='choice__options' role='radiogroup' aria-labelledby={`${id}-label`} {...(error ? { 'aria-describedby': errorId } : {})}>
        {options.length === 0 ? <View className='choice__empty'>{emptyText}</View> : null}
        {options.map((o) => {
          const selected = o.value === value;
          return (
            <View
              key={String(o.value)}
              className={`choice__option ${selected ? 'choice__option--on' : ''}`}
              role='radio'
              {...FOCUSABLE}
              aria-checked={selected ? 'true' : 'false'}
              onClick={() => onChange(o.value)}
            >
              {o.label}
            </View>
          );
        })}
      </View>
      {error ? (
        <View id={errorId} className='choice__error' role='alert' data-testid={errorId}>
          {error}
        </View>
      ) : null}
    </View>
  );
}
