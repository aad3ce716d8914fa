import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Envelope, Page } from '@hg/types';

export interface PagedState<T> {
  items: T[];
  loading: boolean;
  error: ApiError | null;
  /** True while there is a next page (the server returned a cursor). */
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Replace one item in place (after an action on it) or drop it (`null`). */
  update: (match: (item: T) => boolean, next: T | null) => void;
}

/**
 * Keyset paging over a `Page<T>` action: the first page whenever `deps` change, the next one with
 * the returned cursor. Responses from an earlier filter are dropped, so a fast tab switch never
 * mixes two lists.
 */
export function usePaged<T>(fetch: ((cursor?: string) => Promise<Envelope<Page<T>>>) | null, deps: unknown[]): PagedState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState<boolean>(!!fetch);
  const [error, setError] = useState<ApiError | null>(null);
  const generation = useRef(0);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  const load = useCallback(async (from: string | null) => {
    const f = fetchRef.current;
    if (!f) {
      setLoading(false);
      return;
    }
    const gen = generation.current;
    setLoading(true);
    setError(null);
    const res = await f(from ?? undefined);
    if (gen !== generation.current) return;
    setLoading(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    setItems((prev) => (from ? [...prev, ...res.data.items] : res.data.items));
    setCursor(res.data.nextCursor);
  }, []);

  const reload = useCallback(() => {
    generation.current += 1;
    setItems([]);
    setCursor(null);
    void load(null);
  }, [load]);

  useEffect(reload, deps);

  const update = useCallback((match: (item: T) => boolean, next: T | null) => {
    setItems((prev) => (next ? prev.map((x) => (match(x) ? next : x)) : prev.filter((x) => !match(x))));
  }, []);

  return {
    items,
    loading,
    error,
    hasMore: !!cursor,
    loadMore: () => {
      if (cursor && !loading) void load(cursor);
    },
    reload,
    update,
  };
}
