import { useRef, useState } from 'react';
import type { Envelope } from '@hg/types';

export interface ConfirmCancel<A extends string> {
  /** The step under way ('cancel' or another), for the busy labels. */
  busy: A | null;
  /** The server's refusal of the last step, shown on the ticket. */
  error: string | null;
  /** The cancel question is open (render the ConfirmDialog). */
  asking: boolean;
  /** 取消 tapped: ask first (nothing while a step is under way). */
  ask: () => void;
  /** The safe choice: close the question, change nothing. */
  dismiss: () => void;
  /** Take a step now (the dialog's yes runs 'cancel'); a second tap while one is under way does nothing. */
  run: (action: A | 'cancel') => Promise<void>;
}

/**
 * The wiring of a ticket's cancel (and its other steps): 取消 asks first in the page's
 * ConfirmDialog, yes sends the step once however many taps, the busy state names the step, and a
 * refusal becomes the ticket's error; `onDone` gets the record as the server now has it.
 */
export function useConfirmCancel<A extends string, T>(
  send: (action: A | 'cancel') => Promise<Envelope<T>>,
  onDone: (data: T, action: A | 'cancel') => void,
): ConfirmCancel<A | 'cancel'> {
  const [busy, setBusy] = useState<A | 'cancel' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const inFlight = useRef(false);

  const run = async (action: A | 'cancel') => {
    if (inFlight.current) return;
    setAsking(false);
    inFlight.current = true;
    setBusy(action);
    setError(null);
    const res = await send(action);
    inFlight.current = false;
    setBusy(null);
    if (res.ok) onDone(res.data, action);
    else setError(res.error.message);
  };

  return {
    busy,
    error,
    asking,
    ask: () => {
      if (!inFlight.current) setAsking(true);
    },
    dismiss: () => setAsking(false),
    run,
  };
}
