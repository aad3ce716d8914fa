import { View } from '@tarojs/components';
import { RATING_RULES } from '@hg/types/ratings';
import { withDefaults } from '../defaults';
import './index.scss';

export interface FirmStarsProps {
  /** 1–5 in halves; null when the sample is below the minimum (样本不足). */
  stars: number | null;
  /** Households that rated: always shown, so no star count is read without its sample. */
  sample: number;
  size?: 'md' | 'lg';
  testId?: string;
}

const defaults = { size: 'md', testId: 'firm-stars' } satisfies Partial<FirmStarsProps>;

/** How much of star `i` (0-based) is lit: 1, 0.5 or 0. */
function fillOf(stars: number, i: number): number {
  return Math.max(0, Math.min(1, Math.round((stars - i) * 2) / 2));
}

/**
 * A property firm's published stars, read-only, with half stars and 「N户评价」 beside them. Below
 * the minimum sample it shows 「样本不足」 and no stars at all (BRIEF §6: tiny samples mislead).
 * Not `Stars`: that one is an input (a radio group); this one is one image with one name.
 */
export default function FirmStars(props: FirmStarsProps) {
  const { stars, sample, size, testId } = withDefaults(props, defaults);
  const shown = stars !== null && sample >= RATING_RULES.minSample;
  const sampleText = `${sample}户评价`;
  const name = shown ? `${stars}星，${sampleText}` : `样本不足，${sampleText}，满${RATING_RULES.minSample}户后显示星级`;
  return (
    <View className={`fstars fstars--${size}`} role='img' aria-label={name} data-testid={testId}>
      {shown ? (
        <View className='fstars__row' aria-hidden='true'>
          {[0, 1, 2, 3, 4].map((i) => {
            const fill = fillOf(stars, i);
            return (
              <View key={i} className='fstars__star' data-fill={fill}>
                ★
                {fill ? (
                  <View className='fstars__fill' style={{ width: fill === 1 ? '100%' : '50%' }}>
                    ★
                  </View>
                ) : null}
              </View>
            );
          })}
          <View className='fstars__num' data-testid={`${testId}-value`}>
            {stars}星
          </View>
        </View>
      ) : (
        <View className='fstars__none' data-testid={`${testId}-none`}>
          样本不足
        </View>
      )}
      <View className='fstars__sample' data-testid={`${testId}-sample`}>
        {sampleText}
      </View>
    </View>
  );
}
