import type { ActionInput, ActionName, ActionOutput, Envelope, FunctionName } from '@hg/types';
import { readable } from './call';
import { callFunction } from './transport';

/**
 * One action of function `F` as the pages call it: its input in, the envelope of its output back.
 * An action whose input has no required field (`me.get`, `needs.categories`) may be called bare.
 */
export type ActionCall<F extends FunctionName, A extends ActionName<F>> =
  {} extends ActionInput<F, A>
    ? (input?: ActionInput<F, A>) => Promise<Envelope<ActionOutput<F, A>>>
    : (input: ActionInput<F, A>) => Promise<Envelope<ActionOutput<F, A>>>;

/** The typed client of a cloud function, restricted to the actions listed in `L`. */
export type Client<F extends FunctionName, L extends ActionName<F> = ActionName<F>> = { [A in L]: ActionCall<F, A> };

/**
 * A domain service derived from the `Api` catalogue (types/api.ts): `client('needs', ['get'])`
 * gives `{ get(input: TNeedRequest): Promise<Envelope<NeedDetailDTO>> }`. Input and output types come
 * from the catalogue, so a service never re-lists them. The actions are named (rather than read
 * through a Proxy) so the service is a plain object: jest can automock it and engines without
 * Proxy run it. A misspelt action fails the type check. Error messages come back as a person reads
 * them (`readable`: no raw field names), with `details.field` intact for the form.
 */
export function client<F extends FunctionName, const L extends readonly ActionName<F>[]>(name: F, actions: L): Client<F, L[number]> {
  const calls = {} as Record<string, (input: unknown) => Promise<unknown>>;
  for (const action of actions) {
    calls[action] = (input) => callFunction(name, action, (input ?? {}) as ActionInput<F, typeof action>).then(readable);
  }
  return calls as unknown as Client<F, L[number]>;
}
