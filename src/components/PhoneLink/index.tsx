import { View } from '@tarojs/components';
import { FOCUSABLE } from '../a11y';
import { withDefaults } from '../defaults';
import { dial } from './dial';
import './index.scss';

export interface PhoneLinkProps {
  /** The number as shown and dialled, e.g. 0817-6221234. */
  phone: string;
  /** What the number reaches, e.g. 物业电话; read before the number. */
  label?: string;
  /** `button` for a full-width call button, `inline` for a number inside a line of text. */
  variant?: 'button' | 'inline';
  /** Whom the number reaches, when the visible label alone would not say (「电话」 in a list row). */
  who?: string;
  testId?: string;
  className?: string;
}

const defaults = { label: '', variant: 'button', who: '', testId: 'phone-link', className: '' } satisfies Partial<PhoneLinkProps>;

/** Digits, `+`, `-`, `*`, `#` and `,` are what a dialer understands; spaces and words are dropped. */
export function dialable(phone: string): string {
  return phone.replace(/[^0-9+*#,-]/g, '');
}

/**
 * A phone number an elder can tap: at least 44 px tall, named 「拨打 物业电话 0817-…」 for screen
 * readers. Dialling is a platform file (`dial.weapp.ts` / `dial.h5.ts`) so H5 never navigates the
 * app's own frames to `tel:` (after which Chromium ignores the person's taps until a reload).
 */
export default function PhoneLink(props: PhoneLinkProps) {
  const { phone, label, variant, who, testId, className } = withDefaults(props, defaults);
  const number = dialable(phone);
  if (!number) return null;
  const classes = [variant === 'button' ? 'btn btn--ghost phone-link' : 'phone-link phone-link--inline', className].filter(Boolean).join(' ');
  return (
    <View
      className={classes}
      role='link'
      aria-label={`拨打${who ? ` ${who}` : ''}${label ? ` ${label}` : '电话'} ${phone}`}
      data-testid={testId}
      {...FOCUSABLE}
      onClick={(e) => {
        e.stopPropagation();
        dial(number);
      }}
    >
      {label ? <View className='phone-link__label'>{label}</View> : null}
      <View className='phone-link__number'>{phone}</View>
    </View>
  );
}
