import { Fragment, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { PagedState } from '../../hooks/usePaged';
import StateView from '../StateView';
import { FOCUSABLE } from '../a11y';
import { withDefaults } from '../defaults';
import './index.scss';

export interface PagedListProps<T> {
  /** Accessible name of the list. */
  label: string;
  /** From `usePaged`: the items so far, loading, error and the next cursor. */
  list: PagedState<T>;
  keyOf: (item: T) => string | number;
  /** One item; the list wraps it in a `listitem` unless `itemRole` says the item is its own. */
  renderItem: (item: T) => ReactNode;
  /** Shown when the first page came back empty. */
  emptyText: string;
  /** Shown under the last item once there is no next page. */
  endText?: string;
  /** `own`: `renderItem` already renders a `listitem` (NeedRow does). */
  itemRole?: 'wrap' | 'own';
  itemClassName?: string;
  testId?: string;
}

const defaults = { endText: '已全部加载', itemRole: 'wrap', itemClassName: '' } satisfies Partial<PagedListProps<unknown>>;

/**
 * A keyset-paged list with the four states every list shows the same way: 加载中… (first page or
 * the next), the error with 重试 (a failed next page retries that page and keeps what is shown),
 * the empty line, and 加载更多 until the end, then 已全部加载.
 */
export default function PagedList<T>(props: PagedListProps<T>) {
  const { label, list, keyOf, renderItem, emptyText, endText, itemRole, itemClassName, testId } = withDefaults(props, defaults);
  return (
    <>
      <View role='list' aria-label={label} data-testid={testId}>
        {list.items.map((item) =>
          itemRole === 'own' ? (
            <Fragment key={keyOf(item)}>{renderItem(item)}</Fragment>
          ) : (
            <View key={keyOf(item)} role='listitem' className={itemClassName || undefined}>
              {renderItem(item)}
            </View>
          ),
        )}
      </View>
      <PagedListFooter list={list} emptyText={emptyText} endText={endText} />
    </>
  );
}

/**
 * What shows under a paged list's items: 加载中…, the error with 重试 (a failed next page retries
 * that page), the empty line, 加载更多, then the end line — for lists that draw their items in
 * their own way (UpcomingPastList's two groups).
 */
export function PagedListFooter<T>({ list, emptyText, endText = defaults.endText }: { list: PagedState<T>; emptyText: string; endText?: string }) {
  const some = list.items.length > 0;
  return (
    <>
      <StateView
        loading={list.loading}
        error={list.error}
        empty={!list.loading && !list.error && !some}
        emptyText={emptyText}
        onRetry={some ? list.loadMore : list.reload}
      />
      {list.hasMore && !list.loading && !list.error ? (
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='load-more' onClick={list.loadMore}>
          加载更多
        </View>
      ) : null}
      {some && !list.hasMore && !list.loading && !list.error ? (
        <View className='muted paged__end' data-testid='list-end'>
          {endText}
        </View>
      ) : null}
    </>
  );
}
