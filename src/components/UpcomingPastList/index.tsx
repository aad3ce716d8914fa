import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { PagedState } from '../../hooks/usePaged';
import { PagedListFooter } from '../PagedList';
import './index.scss';

export interface UpcomingPastListProps<T> {
  /** From `usePaged` over an action that pages upcoming first (types/upcoming.ts). */
  list: PagedState<T>;
  /** Is this row still ahead (the server's rule, `isUpcoming`)? */
  isUpcoming: (item: T) => boolean;
  keyOf: (item: T) => string | number;
  renderItem: (item: T) => ReactNode;
  /** What the rows are, in the titles: 订餐 → 接下来的订餐 / 以往的订餐 / 还没有订餐. */
  noun: string;
  /** Prefix of the groups' test ids: `<testId>-upcoming`, `<testId>-past`, `<testId>-upcoming-none`. */
  testId: string;
  /** Test id of the box around both groups. */
  listTestId: string;
}

/** One titled group; its count is shown once the group is complete (no more of it to load). */
function Group({ id, testId, title, count, children }: { id: string; testId: string; title: string; count: number | null; children: ReactNode }) {
  const headingId = `${testId}-${id}-title`;
  return (
    <View className={`upl__group upl__group--${id}`} role='group' aria-labelledby={headingId} data-testid={`${testId}-${id}`}>
      <View id={headingId} className='upl__title' role='heading' aria-level={2}>
        {title}
        {count === null ? '' : `（${count}）`}
      </View>
      <View role='list' aria-label={title}>
        {children}
      </View>
    </View>
  );
}

/**
 * 我的订餐 / 我的预约: the rows in two groups — 接下来的 (still ahead, nearest first) above 以往的
 * (over, used or cancelled, latest first) — in the order the server pages them: every upcoming row
 * before any past one, across pages, so nothing is re-sorted here and a row loaded by 加载更多 lands
 * at the end of its group. Loading, errors with 重试, the empty line and 加载更多 are PagedList's.
 */
export default function UpcomingPastList<T>({ list, isUpcoming, keyOf, renderItem, noun, testId, listTestId }: UpcomingPastListProps<T>) {
  const upcoming = list.items.filter(isUpcoming);
  const past = list.items.filter((x) => !isUpcoming(x));
  const some = list.items.length > 0;
  const item = (x: T) => (
    <View key={keyOf(x)} role='listitem' className='upl__item'>
      {renderItem(x)}
    </View>
  );
  return (
    <>
      <View data-testid={listTestId}>
        {upcoming.length ? (
          <Group id='upcoming' testId={testId} title={`接下来的${noun}`} count={past.length || !list.hasMore ? upcoming.length : null}>
            {upcoming.map(item)}
          </Group>
        ) : some ? (
          // The server sends what is ahead first: a first page without any means there is none.
          <View className='upl__none' data-testid={`${testId}-upcoming-none`}>
            接下来没有{noun}。
          </View>
        ) : null}
        {past.length ? (
          <Group id='past' testId={testId} title={`以往的${noun}`} count={list.hasMore ? null : past.length}>
            {past.map(item)}
          </Group>
        ) : null}
      </View>
      <PagedListFooter list={list} emptyText={`还没有${noun}`} />
    </>
  );
}
