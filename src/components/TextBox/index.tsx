import { Textarea, View } from '@tarojs/components';
import { charCount } from '../../utils/text';
import { withDefaults } from '../defaults';
import './index.scss';

export interface TextBoxProps {
  /** Stable id: label, counter and error hang off it. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Limit in characters as the server counts them (an emoji is one). */
  max: number;
  error?: string | null;
  placeholder?: string;
  /** Show 「12/500」 under the box. */
  counter?: boolean;
}

const defaults = { error: null, placeholder: '', counter: false } satisfies Partial<TextBoxProps>;

/**
 * Labelled multi-line input with a character counter and its error underneath. Characters are
 * counted as code points (`charCount`), as the server counts them. There is no native limit
 * (`maxlength` -1): the native one counts UTF-16 units, could split an emoji pair and drops the end
 * of a paste without a word. Text over the limit stays editable, the counter turns red and a
 * warning says by how much, so the person shortens it; the form refuses to submit until then.
 */
export default function TextBox(props: TextBoxProps) {
  const { id, label, value, onChange, max, error, placeholder, counter } = withDefaults(props, defaults);
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  const overId = `${id}-over`;
  const count = charCount(value);
  const over = count > max;
  // The field's own error wins; otherwise an over-long text explains itself.
  const overMessage = over && !error ? `已超出${count - max}个字，最多${max}个字` : null;
  const describedBy = [counter ? countId : '', error ? errorId : '', overMessage ? overId : ''].filter(Boolean).join(' ');
  return (
    <View className={`tbox ${error || over ? 'tbox--invalid' : ''}`}>
      <View className='field__label' id={`${id}-label`}>
        {label}
      </View>
      <Textarea
        className='tbox__input'
        value={value}
        maxlength={-1}
        placeholder={placeholder}
        placeholderClass='field__placeholder'
        onInput={(e) => onChange(e.detail.value)}
        nativeProps={{
          id: `${id}-input`,
          'aria-label': label,
          'aria-invalid': error || over ? 'true' : 'false',
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        }}
      />
      {counter ? (
        <View id={countId} className={`tbox__count ${over ? 'tbox__count--over' : ''}`} data-testid={countId}>
          {count}/{max}
        </View>
      ) : null}
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
