import type { Envelope, NeedDetailDTO } from '@hg/types';

/** Runs one server call for the dispatcher, which owns busy state, errors and the toast. */
export type Run = (call: () => Promise<Envelope<NeedDetailDTO>>) => Promise<void>;

/** What every action form gets from the dispatcher. */
export interface FormProps {
  need: NeedDetailDTO;
  busy: boolean;
  run: Run;
  close: () => void;
}
