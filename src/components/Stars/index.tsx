import { View } from '@tarojs/components';
import { FOCUSABLE } from '../a11y';
import { withDefaults } from '../defaults';
import './index.scss';

export interface StarsProps {
  /** 0 = not rated yet, else 1–`count`. */
  value: number;
  onChange: (stars: number) => void;
  /** Visible label of the radio group. */
  label?: string;
  /** Stable id: the group is named by `${id}-label`. */
  id?: string;
  count?: number;
  /** Words spelled out under the stars, index = stars (index 0 unused). */
  words?: readonly string[];
}

const defaults = {
  label: '评分',
  id: 'stars',
  count: 5,
  words: ['', '很不满意', '不满意', '一般', '满意', '非常满意'],
} satisfies Partial<StarsProps>;

/** Big stars as a radio group; each star is named 「3星」 and the chosen word is spelled out. */
export default function Stars(props: StarsProps) {
  const { value, onChange, label, id, count, words } = withDefaults(props, defaults);
  const labelId = `${id}-label`;
  return (
    <View className='stars'>
      <View className='field__label' id={labelId}>
        {label}
      </View>
      <View className='stars__row' role='radiogroup' aria-labelledby={labelId}>
        {Array.from({ length: count }, (_, i) => i + 1).map((n) => (
          <View
            key={n}
            className={`stars__star ${n <= value ? 'stars__star--on' : ''}`}
            role='radio'
            {...FOCUSABLE}
            aria-checked={n === value ? 'true' : 'false'}
            aria-label={`${n}星`}
            data-testid={`star-${n}`}
            onClick={() => onChange(n)}
          >
            ★
          </View>
        ))}
      </View>
      <View className='stars__word' aria-live='polite' data-testid={`${id}-word`}>
        {value ? `${value}星${words[value] ? ` · ${words[value]}` : ''}` : '请点星星打分'}
      </View>
    </View>
  );
}
