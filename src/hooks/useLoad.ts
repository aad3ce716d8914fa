import { useCallback, useEffect, useState } from 'react';
import type { ApiError, Envelope } from '@hg/types';

export interface LoadState<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs one service call when `deps` change and keeps data / error / loading together, so every
 * page shows the same three states instead of each inventing its own.
 */
export function useLoad<T>(fn: (() => Promise<Envelope<T>>) | null, deps: unknown[]): LoadState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState<boolean>(!!fn);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    if (!fn) {
      setLoading(false);
      return undefined;
    }
    let live = true;
    setLoading(true);
    void fn().then((res) => {
      if (!live) return;
      if (res.ok) {
        setData(res.data);
        setError(null);
      } else {
        setError(res.error);
      }
      setLoading(false);
    });
    return () => {
      live = false;
    };
  }, [...deps, tick]);

  return { data, error, loading, reload };
}
