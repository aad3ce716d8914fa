import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { sessionUser } from '../services/session';

/** A draft older than this is dropped when the form opens: by then it is someone's old errand. */
export const DRAFT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The owner of drafts typed while nobody is signed in: the WeChat account, or an H5 visitor not yet signed in. */
const ANONYMOUS = 'wx';

interface Stored<T> {
  savedAt: number;
  value: T;
}

export interface Draft<T> {
  /** What was kept from last time, read once when the form opened; null when nothing was. */
  initial: T | null;
  /** Keeps `value` when it holds something worth keeping (`worth`), otherwise forgets the draft. */
  save: (value: T, worth: boolean) => void;
  /** Forgets the draft: after a successful submit. */
  clear: () => void;
}

/**
 * Where a form's draft lives. Scoped to the signed-in person, so on a shared phone (a family, or
 * a helper's phone passed from hand to hand) one person's half-typed
 * need or ID details never show up in another's form. Callers add what else the draft belongs to,
 * e.g. the household a helper files for (`need-create:proxy:12`), so two errands do not mix.
 * On WeChat there is no session user: the mini-program's storage is already private to the WeChat
 * account, so the one owner `wx` is right there; on H5 `wx` holds what a visitor types before
 * signing in, handed to the person who signs in right after (see `open`). A person who signs out and
 * in again as themself gets their draft back; with the handover, the login redirect loses nothing.
 */
export function draftKey(key: string): string {
  const user = sessionUser();
  return `hg.draft.${user ? `u${user.id}` : ANONYMOUS}.${key}`;
}

/**
 * How long a draft typed before signing in waits for its author. On H5 a newcomer fills in 绑定房屋,
 * taps submit, is sent to the login and comes back signed in — a minute or two. Past this, the
 * anonymous draft is nobody's: the next person to sign in on a shared phone does not get it.
 */
export const HANDOVER_MS = 15 * 60 * 1000;

function readStored<T>(storageKey: string, now: number): Stored<T> | null {
  try {
    const stored = Taro.getStorageSync(storageKey) as Stored<T> | '' | undefined;
    if (!stored || typeof stored !== 'object' || typeof stored.savedAt !== 'number') return null;
    if (now - stored.savedAt > DRAFT_TTL_MS) {
      Taro.removeStorageSync(storageKey);
      return null;
    }
    return stored;
  } catch {
    return null;
  }
}

/**
 * The draft a form opens with. Signed in (H5), the anonymous draft of the same form is taken over
 * once: if it was typed within HANDOVER_MS it becomes the person's (it is what they typed before the
 * login redirect, so it wins over an older draft of theirs), and either way the anonymous copy is
 * removed, so nobody who signs in later on the same phone finds it. A person's own drafts never go
 * the other way: signed out, only anonymous drafts are read.
 */
function open<T>(key: string, storageKey: string, now: number): T | null {
  const own = readStored<T>(storageKey, now);
  const anonymousKey = `hg.draft.${ANONYMOUS}.${key}`;
  if (storageKey === anonymousKey) return own?.value ?? null;
  const left = readStored<T>(anonymousKey, now);
  if (!left) return own?.value ?? null;
  try {
    Taro.removeStorageSync(anonymousKey);
    if (now - left.savedAt > HANDOVER_MS) return own?.value ?? null;
    Taro.setStorageSync(storageKey, left);
  } catch {
    // Storage unavailable: the form still opens with what was typed.
  }
  return left.value;
}

/**
 * A form draft in Taro storage that survives going back, a reload and the login redirect: the
 * form starts from `initial`, calls `save` whenever its fields change, and `clear` once the server
 * took it. Synchronous storage on purpose: a page left by the back button gets no chance to await.
 * A `null` key keeps nothing: `initial` is null and `save`/`clear` do nothing.
 */
export function useDraft<T>(key: string | null): Draft<T> {
  // `null`: this form keeps no draft (useForm calls the hook either way, hooks cannot be conditional).
  const storageKey = useRef(key === null ? null : draftKey(key)).current;
  const [initial] = useState<T | null>(() => (key === null || storageKey === null ? null : open<T>(key, storageKey, Date.now())));
  const save = (value: T, worth: boolean) => {
    if (storageKey === null) return;
    try {
      if (worth) Taro.setStorageSync(storageKey, { savedAt: Date.now(), value } satisfies Stored<T>);
      else Taro.removeStorageSync(storageKey);
    } catch {
      // Storage full or unavailable (private mode): the form still works, only without a draft.
    }
  };
  const clear = () => save(null as T, false);
  return { initial, save, clear };
}
