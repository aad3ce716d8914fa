import NeedRow from '../../../../components/NeedRow';
import PagedList from '../../../../components/PagedList';
import type { NeedSummaryDTO } from '@hg/types';
import type { PagedState } from '../../../../hooks/usePaged';

export interface NeedListViewProps {
  /** Accessible name of the list. */
  label: string;
  list: PagedState<NeedSummaryDTO>;
  emptyText: string;
  /** Extra controls under a row (e.g. 认领). */
  renderExtra?: (need: NeedSummaryDTO) => React.ReactNode;
}

/** A paged list of needs (PagedList's loading / error / empty / 加载更多 / end) with a NeedRow per need. */
export default function NeedListView({ label, list, emptyText, renderExtra }: NeedListViewProps) {
  return (
    <PagedList
      label={label}
      list={list}
      keyOf={(n) => n.id}
      itemRole='own'
      renderItem={(n) => <NeedRow need={n}>{renderExtra ? renderExtra(n) : null}</NeedRow>}
      emptyText={emptyText}
      testId='need-list'
    />
  );
}
