import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { FOCUSABLE } from '../a11y';
import { withDefaults } from '../defaults';
import './index.scss';

export interface ConfirmDialogProps {
  /** Stable id: the dialog is named by its title and described by its body through it. */
  id: string;
  title: string;
  /** What the decision is about, said in full (the day, the sitting, for whom). */
  children: ReactNode;
  /** The destructive action, e.g. 取消预订 (red). */
  confirmText: string;
  /** The way out that changes nothing, e.g. 不取消. */
  cancelText: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

const defaults = { testId: 'confirm-dialog' } satisfies Partial<ConfirmDialogProps>;

/**
 * A yes/no question before something that cannot be undone, drawn inside the page rather than by
 * `Taro.showModal`: the platform dialog has its own small grey text and green button, while this one
 * sits under `.page`, so it follows large-text mode, keeps the app's dark text and shows the
 * destructive choice in red, with the safe choice as big as it.
 */
export default function ConfirmDialog(props: ConfirmDialogProps) {
  const { id, title, children, confirmText, cancelText, onConfirm, onCancel, testId } = withDefaults(props, defaults);
  return (
    <View className='confirm' data-testid={testId}>
      <View className='confirm__scrim' onClick={onCancel} />
      <View className='confirm__box' role='alertdialog' aria-modal='true' aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
        <View id={`${id}-title`} className='confirm__title' role='heading' aria-level={2}>
          {title}
        </View>
        <View id={`${id}-body`} className='confirm__body'>
          {children}
        </View>
        <View className='btn confirm__yes' role='button' {...FOCUSABLE} data-testid={`${testId}-yes`} onClick={onConfirm}>
          {confirmText}
        </View>
        <View className='btn btn--ghost confirm__no' role='button' {...FOCUSABLE} data-testid={`${testId}-no`} onClick={onCancel}>
          {cancelText}
        </View>
      </View>
    </View>
  );
}
