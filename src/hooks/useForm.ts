import { useEffect, useRef, useState } from 'react';
// Types only: the kit itself carries no zod; the page that passes a schema from types/ does.
import type { z } from 'zod';
import type { ApiError, Envelope } from '@hg/types';
import { useDraft } from './useDraft';

/** A message per field, shown beside it. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface FormDraft<V> {
  /** What the draft belongs to besides the signed-in person (useDraft), e.g. `household-bind:3`. */
  key: string;
  /** Whether the values hold something worth keeping; an untouched form leaves no draft. */
  worth: (values: V) => boolean;
  /** How a kept draft meets the fresh values (default: the draft wins field by field). */
  restore?: (kept: V, fresh: V) => V;
}

export interface FormOptions<V extends object, S extends z.ZodType, R, F extends string> {
  /** The fresh values (called once, and again by `discardDraft`). */
  initial: () => V;
  /** The request schema from types/ that the server validates the same request with. */
  schema: S;
  /** The request this form sends, built from its values (ids still null are left for the schema to refuse). */
  toRequest: (values: V) => z.input<S>;
  /** The fields shown beside an input; an error on any other field goes above the button. Default: the keys of `initial()`. */
  fields?: readonly F[];
  /** Plain words for a field left empty: a picker's `null` reads 「请选择单元」, not the schema's 必须是数字编号. */
  required?: Partial<Record<NoInfer<F>, string>>;
  /** This page's own rules the schema cannot know (代办 needs the resident's name); they win over the schema's message. */
  check?: (values: V) => FieldErrors<NoInfer<F>>;
  /** A reason not to send at all yet (a photo still uploading), shown above the button. */
  blocked?: (values: V) => string | null;
  /** Which field a request path (`scores.environment`, `photoIds.3`) belongs to. Default: the whole path, else its first segment, if a field. */
  fieldOf?: (path: string) => NoInfer<F> | null;
  /** Keep the values as a draft per person (see useDraft); cleared when the server took them. */
  draft?: FormDraft<V>;
  /** Work done inside the tap before the call: WeChat allows the subscribe prompt only there. */
  before?: () => Promise<unknown>;
  /** The service call, with the request as the schema parsed it (trimmed, defaults filled). */
  send: (request: z.output<S>) => Promise<Envelope<R>>;
  onSuccess?: (data: R, request: z.output<S>) => void;
  /** Words for an error that names no field of the form (default: the server's message); `request` is what was sent. */
  errorText?: (error: ApiError, request: z.output<S>) => string;
}

export interface Form<V extends object, F extends string> {
  values: V;
  /** Change one field; its error and the form's error go away. */
  set: <K extends keyof V>(key: K, value: V[K]) => void;
  /** Change several fields at once (a new building clears the unit), or from the current values. */
  patch: (next: Partial<V> | ((values: V) => Partial<V>)) => void;
  errors: FieldErrors<F>;
  /** The error that belongs to no one field, shown above the submit button. */
  formError: string | null;
  /** Show a message beside `field`, or above the button when `field` is null. */
  fail: (field: F | null, message: string) => void;
  /** True from the tap until the server answered: the button shows it, a second tap does nothing. */
  busy: boolean;
  /** Validate, then send once; field errors land beside their fields. */
  submit: () => Promise<void>;
  /** The form opened with a kept draft. */
  restored: boolean;
  /** Forget the draft and start over from `initial()` (or from what `next` makes of it). */
  discardDraft: (next?: (fresh: V, values: V) => V) => void;
  /** Replace every value (after a success that keeps the page open, e.g. 再登记一位). */
  reset: (values?: V) => void;
}

const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * The one form kit (nutui's `useForm` is the shape): values, validation with the same zod
 * request schema the server uses, server INVALID_INPUT errors put beside the field the envelope's
 * `details.field` names, an optional per-person draft, and a submit that runs once however fast
 * the taps come (a ref, not state: two taps in one frame both see the state from before).
 */
export function useForm<V extends object, S extends z.ZodType, R, F extends string = Extract<keyof V, string>>(options: FormOptions<V, S, R, F>): Form<V, F> {
  const opts = useRef(options);
  opts.current = options;
  const draft = useDraft<V>(options.draft ? options.draft.key : null);
  const [values, setValues] = useState<V>(() => {
    const fresh = options.initial();
    const kept = draft.initial;
    if (!kept || !options.draft) return fresh;
    return options.draft.restore ? options.draft.restore(kept, fresh) : { ...fresh, ...kept };
  });
  const [restored, setRestored] = useState(draft.initial !== null);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const latest = useRef(values);
  latest.current = values;

  // Kept on every change, so going back, a reload or the login redirect lose nothing.
  useEffect(() => {
    const d = opts.current.draft;
    if (d) draft.save(values, d.worth(values));
  }, [values]);

  const fields = (): readonly string[] => opts.current.fields ?? Object.keys(opts.current.initial());
  const locate = (path: string): F | null => {
    if (opts.current.fieldOf) return opts.current.fieldOf(path);
    const known = fields();
    if (known.includes(path)) return path as F;
    const first = path.split('.')[0];
    return known.includes(first) ? (first as F) : null;
  };

  const set = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setFormError(null);
  };
  const patch = (next: Partial<V> | ((values: V) => Partial<V>)) => {
    setValues((v) => ({ ...v, ...(typeof next === 'function' ? next(v) : next) }));
    const changed = Object.keys(typeof next === 'function' ? next(latest.current) : next);
    setErrors((e) => {
      const kept = { ...e };
      for (const k of changed) delete kept[k as F];
      return kept;
    });
    setFormError(null);
  };
  const fail = (field: F | null, message: string) => {
    if (field) setErrors((e) => ({ ...e, [field]: message }));
    else setFormError(message);
  };

  /** Every problem at once, one message per field: the page's own rule first, then the schema's first issue. */
  const validate = (current: V): { request: z.output<S> | null; found: FieldErrors<F>; general: string | null } => {
    const o = opts.current;
    const found: FieldErrors<F> = { ...(o.check?.(current) ?? {}) };
    let general: string | null = null;
    const parsed = o.schema.safeParse(o.toRequest(current));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = locate(pathOf(issue.path));
        if (!field) {
          general ??= issue.message;
          continue;
        }
        if (found[field]) continue;
        found[field] = (issue.code === 'invalid_type' ? o.required?.[field] : undefined) ?? issue.message;
      }
    }
    const ok = parsed.success && Object.keys(found).length === 0 && !general;
    return { request: ok ? (parsed.data as z.output<S>) : null, found, general };
  };

  const submit = async () => {
    if (sending.current) return;
    const o = opts.current;
    const current = values;
    const wait = o.blocked?.(current) ?? null;
    if (wait) {
      setFormError(wait);
      return;
    }
    const { request, found, general } = validate(current);
    setErrors(found);
    setFormError(general);
    if (!request) return;
    sending.current = true;
    setBusy(true);
    try {
      if (o.before) await o.before();
      const res = await o.send(request);
      if (res.ok) {
        draft.clear();
        setRestored(false);
        o.onSuccess?.(res.data, request);
        return;
      }
      const named = typeof res.error.details?.field === 'string' ? locate(res.error.details.field) : null;
      if (res.error.code === 'INVALID_INPUT' && named) setErrors({ [named]: res.error.message } as FieldErrors<F>);
      else setFormError(o.errorText ? o.errorText(res.error, request) : res.error.message);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  const discardDraft = (next?: (fresh: V, values: V) => V) => {
    draft.clear();
    setRestored(false);
    const fresh = opts.current.initial();
    setValues((v) => (next ? next(fresh, v) : fresh));
    setErrors({});
    setFormError(null);
  };

  const reset = (to?: V) => {
    setValues(to ?? opts.current.initial());
    setErrors({});
    setFormError(null);
  };

  return { values, set, patch, errors, formError, fail, busy, submit, restored, discardDraft, reset };
}
