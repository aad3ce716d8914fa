import { act, render, screen } from '@testing-library/react';
import type { Envelope, Page } from '@hg/types';
import { usePaged } from '../../hooks/usePaged';
import { click, flush } from '../../test-utils';
import PagedList from './index';

interface Row {
  id: number;
  title: string;
}
type Fetch = (cursor?: string) => Promise<Envelope<Page<Row>>>;

function Rows({ fetch }: { fetch: Fetch }) {
  const list = usePaged(fetch, []);
  return <PagedList label='我的需求' list={list} keyOf={(r) => r.id} renderItem={(r) => r.title} emptyText='还没有需求' testId='rows' />;
}

const page = (items: Row[], nextCursor: string | null): Envelope<Page<Row>> => ({ ok: true, data: { items, nextCursor } });
const failed: Envelope<Page<Row>> = { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后再试' } };
const titles = () => screen.queryAllByRole('listitem').map((li) => li.textContent);

describe('PagedList', () => {
  it('shows 加载中… first, then the items, 加载更多 while there is a next page, and 已全部加载 at the end', async () => {
    let first: (r: Envelope<Page<Row>>) => void = () => undefined;
    const fetch = jest
      .fn<Promise<Envelope<Page<Row>>>, [string?]>()
      .mockImplementationOnce(() => new Promise((resolve) => (first = resolve)))
      .mockResolvedValueOnce(page([{ id: 3, title: '门禁坏了' }], null));
    render(<Rows fetch={fetch} />);
    await flush(0);
    expect(screen.getByText('加载中…')).toBeTruthy();
    expect(screen.queryByTestId('load-more')).toBeNull();

    await act(async () =>
      first(
        page(
          [
            { id: 1, title: '楼道灯坏了' },
            { id: 2, title: '水管漏水' },
          ],
          'c2',
        ),
      ),
    );
    expect(titles()).toEqual(['楼道灯坏了', '水管漏水']);
    expect(screen.queryByText('已全部加载')).toBeNull();

    await click(screen.getByRole('button', { name: '加载更多' }));
    await flush(0);
    expect(fetch).toHaveBeenLastCalledWith('c2');
    expect(titles()).toEqual(['楼道灯坏了', '水管漏水', '门禁坏了']);
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
    expect(screen.getByTestId('list-end').textContent).toBe('已全部加载');
  });

  it('says so when the list is empty, with no end line', async () => {
    render(<Rows fetch={async () => page([], null)} />);
    await flush(0);
    expect(screen.getByText('还没有需求')).toBeTruthy();
    expect(screen.queryByTestId('list-end')).toBeNull();
  });

  it('shows an error with 重试: on the first page it loads again; on a later page it retries that page and keeps the rows', async () => {
    const fetch = jest
      .fn<Promise<Envelope<Page<Row>>>, [string?]>()
      .mockResolvedValueOnce(failed)
      .mockResolvedValueOnce(page([{ id: 1, title: '楼道灯坏了' }], 'c2'))
      .mockResolvedValueOnce(failed)
      .mockResolvedValueOnce(page([{ id: 2, title: '水管漏水' }], null));
    render(<Rows fetch={fetch} />);
    await flush(0);
    expect(screen.getByRole('alert').textContent).toContain('网络异常，请稍后再试');

    await click(screen.getByRole('button', { name: '重试' }));
    await flush(0);
    expect(titles()).toEqual(['楼道灯坏了']);

    await click(screen.getByRole('button', { name: '加载更多' }));
    await flush(0);
    expect(screen.getByRole('alert').textContent).toContain('网络异常');
    expect(titles()).toEqual(['楼道灯坏了']);
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();

    await click(screen.getByRole('button', { name: '重试' }));
    await flush(0);
    expect(fetch).toHaveBeenLastCalledWith('c2');
    expect(titles()).toEqual(['楼道灯坏了', '水管漏水']);
    expect(screen.getByText('已全部加载')).toBeTruthy();
  });
});
