import { View } from '@tarojs/components';
import type { NeedSummaryDTO } from '@hg/types';
import NeedRow from '../../../../components/NeedRow';
import StateView from '../../../../components/StateView';
import { FOCUSABLE } from '../../../../components/a11y';
import type { PagedState } from '../../../../hooks/usePaged';

export interface NeedListViewProps {
  /** Accessible name of the list. */
  label: string;
  list: PagedState<NeedSummaryDTO>;
  emptyText: string;
  /** Extra controls under a row (e.g. 认领). */
  renderExtra?: (need: NeedSummaryDTO) => React.ReactNode;
}

/** A paged list of needs with the usual loading / error / empty line and 加载更多. */
export default function NeedListView({ label, list, emptyText, renderExtra }: NeedListViewProps) {
  return (
    <>
      <View role='list' aria-label={label} data-testid='need-list'>
        {list.items.map((n) => (
          <NeedRow key={n.id} need={n}>
            {renderExtra ? renderExtra(n) : null}
          </NeedRow>
        ))}
      </View>
      <StateView
        loading={list.loading}
        error={list.error}
        empty={!list.loading && !list.error && list.items.length === 0}
        emptyText={emptyText}
        onRetry={list.reload}
      />
      {list.hasMore && !list.loading ? (
        <View className='btn btn--ghost' role='button' {...FOCUSABLE} data-testid='load-more' onClick={list.loadMore}>
          加载更多
        </View>
      ) : null}
    </>
  );
}
