import { Input, Label, View } from '@tarojs/components';
import { charCount } from '../../utils/text';
import './index.scss';

export interface FieldProps {
  /** Stable id: the label and error message are tied to the input through it. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  type?: 'text' | 'number' | 'digit';
  /** Limit in characters as the server counts them (code points); over it the field warns, never cuts. */
  maxlength?: number;
  placeholder?: string;
}

const defaults = { error: null, type: 'text', maxlength: 140, placeholder: '' } satisfies Partial<FieldProps>;

/**
 * Labelled text input with its error underneath. On H5 Taro renders the real `<input>` inside a
 * custom element, so the accessible name and error link go through `nativeProps`. The limit is not
 * native (that counts UTF-16 units and silently drops the end of a paste): text over it stays and
 * a warning says by how much, like TextBox; the form's validation refuses it.
 */
export default function Field(props: FieldProps) {
  const { id, label, value, onChange, error, type, maxlength, placeholder } = { ...defaults, ...props };
  const inputId = `${id}-input`;
  const errorId = `${id}-error`;
  const overId = `${id}-over`;
  const count = charCount(value);
  const unit = type === 'text' ? '个字' : '位';
  const overMessage = count > maxlength && !error ? `已超出${count - maxlength}${unit}，最多${maxlength}${unit}` : null;
  const describedBy = [error ? errorId : '', overMessage ? overId : ''].filter(Boolean).join(' ');
  return (
    <View className={`field ${error || overMessage ? 'field--invalid' : ''}`}>
      <Label className='field__label' for={inputId}>
        {label}
      </Label>
      <Input
        className='field__input'
        value={value}
        type={type}
        maxlength={-1}
        placeholder={placeholder}
        placeholderClass='field__placeholder'
        onInput={(e) => onChange(e.detail.value)}
        nativeProps={{
          id: inputId,
          'aria-label': label,
          'aria-invalid': error || overMessage ? 'true' : 'false',
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        }}
      />
      {overMessage ? (
        <View id={overId} className='field__error' role='alert' data-testid={overId}>
          {overMessage}
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
