import { Input, Label, View } from '@tarojs/components';
import './index.scss';

export interface FieldProps {
  /** Stable id: the label and error message are tied to the input through it. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  type?: 'text' | 'number' | 'digit';
  maxlength?: number;
  placeholder?: string;
}

const defaults = { error: null, type: 'text', maxlength: 140, placeholder: '' } satisfies Partial<FieldProps>;

/**
 * Labelled text input with its error underneath. On H5 Taro renders the real `<input>` inside a
 * custom element, so the accessible name and error link go through `nativeProps`.
 */
export default function Field(props: FieldProps) {
  const { id, label, value, onChange, error, type, maxlength, placeholder } = { ...defaults, ...props };
  const inputId = `${id}-input`;
  const errorId = `${id}-error`;
  return (
    <View className={`field ${error ? 'field--invalid' : ''}`}>
      <Label className='field__label' for={inputId}>
        {label}
      </Label>
      <Input
        className='field__input'
        value={value}
        type={type}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass='field__placeholder'
        onInput={(e) => onChange(e.detail.value)}
        nativeProps={{
          id: inputId,
          'aria-label': label,
          'aria-invalid': error ? 'true' : 'false',
          ...(error ? { 'aria-describedby': errorId } : {}),
        }}
      />
      {error ? (
        <View id={errorId} className='field__error' role='alert' data-testid={errorId}>
          {error}
        </View>
      ) : null}
    </View>
  );
}
