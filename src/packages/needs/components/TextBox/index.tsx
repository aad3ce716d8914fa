import { Textarea, View } from '@tarojs/components';
import './index.scss';

export interface TextBoxProps {
  /** Stable id: label, counter and error hang off it. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  error?: string | null;
  placeholder?: string;
  /** Show 「12/500」 under the box. */
  counter?: boolean;
}

/** Labelled multi-line input with a character counter and its error underneath. */
export default function TextBox({ id, label, value, onChange, max, error = null, placeholder = '', counter = false }: TextBoxProps) {
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const describedBy = [counter ? countId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const over = value.length > max;
  return (
    <View className={`tbox ${error ? 'tbox--invalid' : ''}`}>
      <View className='field__label' id={`${id}-label`}>
        {label}
      </View>
      <Textarea
        className='tbox__input'
        value={value}
        maxlength={max}
        placeholder={placeholder}
        placeholderClass='field__placeholder'
        onInput={(e) => onChange(e.detail.value)}
        nativeProps={{
          id: `${id}-input`,
          'aria-label': label,
          'aria-invalid': error ? 'true' : 'false',
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        }}
      />
      {counter ? (
        <View id={countId} className={`tbox__count ${over ? 'tbox__count--over' : ''}`} data-testid={countId}>
          {value.length}/{max}
        </View>
      ) : null}
      {error ? (
        <View id={errorId} className='field__error' role='alert' data-testid={errorId}>
          {error}
        </View>
      ) : null}
    </View>
  );
}
