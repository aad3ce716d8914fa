import { View } from '@tarojs/components';
import { FOCUSABLE } from '../../../../components/a11y';
import './index.scss';

export interface TogglesProps<V extends string> {
  id: string;
  label: string;
  options: { value: V; label: string }[];
  /** The values switched on. */
  value: V[];
  onChange: (value: V[]) => void;
  hint?: string;
  /** A message about the whole choice (「请至少选择一天」), read out with the group. */
  error?: string | null;
}

/** Several yes/no choices as big chips (checkboxes): diet tags, 独居 / 低保. Each tap flips one. */
export default function Toggles<V extends string>({ id, label, options, value, onChange, hint, error = null }: TogglesProps<V>) {
  const flip = (v: V) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  const errorId = `${id}-error`;
  return (
    <View className={`toggles ${error ? 'toggles--invalid' : ''}`}>
      <View className='toggles__label' id={`${id}-label`}>
        {label}
      </View>
      {hint ? <View className='muted toggles__hint'>{hint}</View> : null}
      <View className='toggles__options' role='group' aria-labelledby={`${id}-label`} {...(error ? { 'aria-describedby': errorId } : {})}>
        {options.map((o) => {
          const on = value.includes(o.value);
          return (
            <View
              key={o.value}
              className={`toggles__option ${on ? 'toggles__option--on' : ''}`}
              role='checkbox'
              {...FOCUSABLE}
              aria-checked={on ? 'true' : 'false'}
              data-testid={`${id}-${o.value}`}
              onClick={() => flip(o.value)}
            >
              {on ? (
                <View className='toggles__tick' aria-hidden='true'>
                  ✓
                </View>
              ) : null}
              {o.label}
            </View>
          );
        })}
      </View>
      {error ? (
        <View id={errorId} className='toggles__error' role='alert' data-testid={errorId}>
          {error}
        </View>
      ) : null}
    </View>
  );
}
