import { View } from '@tarojs/components';
import type { ApiError } from '@hg/types';
import { ErrorCode } from '@hg/types/errors';
import './index.scss';
import { FOCUSABLE } from '../a11y';

export interface StateViewProps {
  loading?: boolean;
  error?: ApiError | null;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
}

const defaults = { loading: false, error: null, empty: false, emptyText: '暂无内容' } satisfies Partial<StateViewProps>;

/** Answers that trying again cannot change (no right, nothing there, a bad request): no 重试 button, which would be a dead end. */
const FINAL_CODES: readonly string[] = [ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND, ErrorCode.INVALID_INPUT];

/** The loading / error / empty line every list and detail shows the same way. Renders nothing when there is content. */
export default function StateView(props: StateViewProps) {
  const { loading, error, empty, emptyText, onRetry } = { ...defaults, ...props };
  if (loading)
    return (
      <View className='state' aria-live='polite'>
        加载中…
      </View>
    );
  if (error) {
    return (
      <View className='state state--error' role='alert'>
        <View>{error.message}</View>
        {onRetry && !FINAL_CODES.includes(error.code) ? (
          <View className='btn btn--ghost state__retry' role='button' {...FOCUSABLE} onClick={onRetry}>
            重试
          </View>
        ) : null}
      </View>
    );
  }
  if (empty) return <View className='state'>{emptyText}</View>;
  return null;
}
