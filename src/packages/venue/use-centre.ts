import { useState } from 'react';
import type { ApiError, CentreDTO } from '@hg/types';
import { useLoad } from '../../hooks/useLoad';
import { bookings } from '../../services/bookings';

export interface CentreChoice {
  /** The centre the page works on: from the query, the only one there is, or the one picked. */
  centreId: number | null;
  centres: CentreDTO[];
  current: CentreDTO | null;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
  pick: (id: number) => void;
}

/**
 * Which centre a venue page is about: the one in the query, else the server's list of the centres
 * serving the caller's verified homes and those they work for — the only one, or the one picked.
 */
export function useCentre(fromQuery: number | null): CentreChoice {
  const [picked, setPicked] = useState<number | null>(fromQuery);
  const list = useLoad(() => bookings.centres({}), []);
  const centres = list.data ?? [];
  const centreId = picked ?? (centres.length === 1 ? centres[0].id : null);
  const current = centres.find((c) => c.id === centreId) ?? null;
  return { centreId, centres, current, loading: list.loading, error: list.error, reload: list.reload, pick: setPicked };
}
