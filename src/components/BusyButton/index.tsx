import { View } from '@tarojs/components';
import { FOCUSABLE } from '../a11y';

export interface BusyButtonProps {
  label: string;
  /** While true the button shows `busyLabel`, looks disabled and says so to screen readers. */
  busy: boolean;
  busyLabel?: string;
  onClick: () => void;
  className?: string;
  ariaLabel?: string;
  testId?: string;
}

const defaults = { busyLabel: '提交中…', className: '' } satisfies Partial<BusyButtonProps>;

/** The primary button of a form that calls the server: one look and one busy state everywhere. */
export default function BusyButton(props: BusyButtonProps) {
  const { label, busy, busyLabel, onClick, className, ariaLabel, testId } = { ...defaults, ...props };
  return (
    <View
      className={`btn ${className} ${busy ? 'btn--disabled' : 'btn--primary'}`.replace(/\s+/g, ' ')}
      role='button'
      {...FOCUSABLE}
      {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
      aria-disabled={busy ? 'true' : 'false'}
      data-testid={testId}
      onClick={onClick}
    >
      {busy ? busyLabel : label}
    </View>
  );
}
