import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { sessionUser } from '../services/session';

/** A draft older than this is dropped when the form opens: by then it is someone's old errand. */
export const DRAFT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

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
 * account, so the one owner `wx` is right there. A person who signs out and in again as themself
 * gets their draft back; that is what makes the login redirect lose nothing.
 */
export function draftKey(key: string): string {
  const user = sessionUser();
  return `hg.draft.${user ? `u${user.id}` : 'wx'}.${key}`;
}

function read<T>(storageKey: string, now: number): T | null {
  try {
    const stored = Taro.getStorageSync(storageKey) as Stored<T> | '' | undefined;
    if (!stored || typeof stored !== 'object' || typeof stored.savedAt !== 'number') return null;
    if (now - stored.savedAt > DRAFT_TTL_MS) {
      Taro.removeStorageSync(storageKey);
      return null;
    }
    return stored.value;
  } catch {
    return null;
  }
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
  const [initial] = useState<T | null>(() => (storageKey === null ? null : read<T>(storageKey, Date.now())));
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
