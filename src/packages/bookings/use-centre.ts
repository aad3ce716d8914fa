import { useState } from 'react';
import type { ApiError, CentreDTO } from '@hg/types';
import { useLoad } from '../../hooks/useLoad';
import { bookings } from '../../services/bookings';

export interface CentreChoice {
  /** The centre the page works on: from the query, the only one there is, or the one picked. */
  centreId: number | null;
  centres: CentreDTO[];
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
  pick: (id: number) => void;
}

/**
 * Which centre a page is about. A `centreId` in the query wins; otherwise the server's list of the
 * centres the caller works for or is served by, and when there are several the page shows a picker.
 */
export function useCentre(fromQuery: number | null, opts: { all?: boolean } = {}): CentreChoice {
  const [picked, setPicked] = useState<number | null>(fromQuery);
  const list = useLoad(fromQuery ? null : () => bookings.centres(opts.all ? { all: true } : {}), [fromQuery, opts.all]);
  const centres = list.data ?? [];
  const centreId = picked ?? (centres.length === 1 ? centres[0].id : null);
  return { centreId, centres, loading: list.loading, error: list.error, reload: list.reload, pick: setPicked };
}

/** A positive integer from a page query value, else null. */
export function queryId(value: string | undefined): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}
