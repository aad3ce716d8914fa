import { View } from '@tarojs/components';
import { FOCUSABLE } from '../../../../components/a11y';
import './index.scss';

export interface StarsProps {
  value: number;
  onChange: (stars: number) => void;
  label?: string;
}

const WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

/** 1–5 big stars as a radio group; each star is named 「3星」 and the chosen word is spelled out. */
export default function Stars({ value, onChange, label = '评分' }: StarsProps) {
  return (
    <View className='stars'>
      <View className='field__label' id='stars-label'>
        {label}
      </View>
      <View className='stars__row' role='radiogroup' aria-labelledby='stars-label'>
        {[1, 2, 3, 4, 5].map((n) => (
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
      <View className='stars__word' aria-live='polite'>
        {value ? `${value}星 · ${WORDS[value]}` : '请点星星打分'}
      </View>
    </View>
  );
}
