import { View } from '@tarojs/components';
import BusyButton from '../../../../../components/BusyButton';
import { FOCUSABLE } from '../../../../../components/a11y';

export interface ConfirmProps {
  label: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** 取消 + the form's confirm button, at the bottom of every action form. */
export default function Confirm({ label, busy, onConfirm, onCancel }: ConfirmProps) {
  return (
    <View className='btn-row nact__confirm'>
      <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='action-dismiss' onClick={onCancel}>
        取消
      </View>
      <BusyButton label={label} busy={busy} onClick={onConfirm} testId='action-confirm' />
    </View>
  );
}
