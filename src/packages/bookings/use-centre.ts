import { useState } from 'react';
import type { ApiError, CentreDTO } from '@hg/types';
import { useLoad } from '../../hooks/useLoad';
import { bookings } from '../../services/bookings';

export interface CentreChoice {
  /** The centre the page works on: from the query, the only one there is, or the one picked. */
  centreId: number | null;
  centres: CentreDTO[];
  /** The chosen centre's name and hotline, once known (with `describe`, also for a centre from the query). */
  current: CentreDTO | null;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
  pick: (id: number) => void;
}

/**
 * Which centre a page is about. A `centreId` in the query wins; otherwise the server's list of the
 * centres the caller works for or is served by, and when there are several the page shows a picker.
 * `describe`: the page shows the centre's name and phone, so a centre from the query is looked up in
 * the list of every centre (public: name, hotline, community).
 */
export function useCentre(fromQuery: number | null, opts: { all?: boolean; describe?: boolean } = {}): CentreChoice {
  const [picked, setPicked] = useState<number | null>(fromQuery);
  const lookUp = fromQuery !== null && !!opts.describe;
  const list = useLoad(fromQuery && !lookUp ? null : () => bookings.centres(opts.all || lookUp ? { all: true } : {}), [fromQuery, opts.all, lookUp]);
  const centres = list.data ?? [];
  const centreId = picked ?? (centres.length === 1 ? centres[0].id : null);
  const current = centres.find((c) => c.id === centreId) ?? null;
  return { centreId, centres, current, loading: list.loading, error: list.error, reload: list.reload, pick: setPicked };
}

/** A positive integer from a page query value, else null. */
export function queryId(value: string | undefined): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}
