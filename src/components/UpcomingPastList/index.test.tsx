import { render, screen, within } from '@testing-library/react';
import type { Envelope, Page } from '@hg/types';
import { usePaged } from '../../hooks/usePaged';
import { click, flush } from '../../test-utils';
import UpcomingPastList from './index';

interface Row {
  id: number;
  title: string;
  ahead: boolean;
}
type Fetch = (cursor?: string) => Promise<Envelope<Page<Row>>>;

function Rows({ fetch }: { fetch: Fetch }) {
  const list = usePaged(fetch, []);
  return (
    <UpcomingPastList list={list} isUpcoming={(r) => r.ahead} keyOf={(r) => r.id} renderItem={(r) => r.title} noun='预约' testId='rows' listTestId='row-list' />
  );
}

const page = (items: Row[], nextCursor: string | null): Envelope<Page<Row>> => ({ ok: true, data: { items, nextCursor } });
const ahead = (id: number, title: string): Row => ({ id, title, ahead: true });
const over = (id: number, title: string): Row => ({ id, title, ahead: false });
const titles = (group: string) =>
  within(screen.getByTestId(`rows-${group}`))
    .getAllByRole('listitem')
    .map((li) => li.textContent);
const headings = () => screen.queryAllByRole('heading', { level: 2 }).map((h) => h.textContent);

describe('UpcomingPastList', () => {
  it('keeps what loads later with its group: an upcoming row on page 2 lands under 接下来的, above every past row', async () => {
    const fetch = jest
      .fn<ReturnType<Fetch>, [string?]>()
      .mockResolvedValueOnce(page([ahead(1, '今天 书画室'), ahead(2, '明天 健康咨询')], 'c2'))
      .mockResolvedValueOnce(page([ahead(3, '后天 议事会'), over(4, '昨天 棋牌')], 'c3'))
      .mockResolvedValueOnce(page([over(5, '上周 包饺子')], null));
    render(<Rows fetch={fetch} />);
    await flush(0);
    expect(titles('upcoming')).toEqual(['今天 书画室', '明天 健康咨询']);
    // More may come: the count waits until the group is complete, and no past group is shown yet.
    expect(headings()).toEqual(['接下来的预约']);
    expect(screen.queryByTestId('rows-upcoming-none')).toBeNull();

    await click(screen.getByRole('button', { name: '加载更多' }));
    await flush(0);
    expect(fetch).toHaveBeenLastCalledWith('c2');
    expect(titles('upcoming')).toEqual(['今天 书画室', '明天 健康咨询', '后天 议事会']);
    expect(titles('past')).toEqual(['昨天 棋牌']);
    expect(headings()).toEqual(['接下来的预约（3）', '以往的预约']);

    await click(screen.getByRole('button', { name: '加载更多' }));
    await flush(0);
    expect(titles('past')).toEqual(['昨天 棋牌', '上周 包饺子']);
    expect(headings()).toEqual(['接下来的预约（3）', '以往的预约（2）']);
    expect(screen.getByTestId('list-end').textContent).toBe('已全部加载');
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
  });

  it('says nothing is ahead when the first page starts with the past, and lists the past', async () => {
    render(<Rows fetch={async () => page([over(4, '昨天 棋牌')], null)} />);
    await flush(0);
    expect(screen.getByTestId('rows-upcoming-none').textContent).toBe('接下来没有预约。');
    expect(titles('past')).toEqual(['昨天 棋牌']);
  });

  it('says so when there is nothing at all, and offers 重试 after a failure', async () => {
    const fetch = jest
      .fn<ReturnType<Fetch>, [string?]>()
      .mockResolvedValueOnce({ ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后再试' } })
      .mockResolvedValueOnce(page([], null));
    render(<Rows fetch={fetch} />);
    await flush(0);
    expect(screen.getByRole('alert').textContent).toContain('网络异常');
    await click(screen.getByRole('button', { name: '重试' }));
    await flush(0);
    expect(screen.getByText('还没有预约')).toBeTruthy();
    expect(screen.queryByTestId('rows-upcoming-none')).toBeNull();
    expect(screen.queryByTestId('list-end')).toBeNull();
  });
});
