import Taro from '@tarojs/taro';

/** Display preferences that must survive restarts and apply to every page at once. */
export interface Prefs {
  /** 大字模式 (适老化): larger base text and taller tap targets. */
  largeText: boolean;
}

const KEY = 'hg.prefs';
const DEFAULTS: Prefs = { largeText: false };

type Listener = (prefs: Prefs) => void;
const listeners = new Set<Listener>();
let cache: Prefs | null = null;

export function getPrefs(): Prefs {
  if (!cache) {
    const stored = Taro.getStorageSync(KEY) as Partial<Prefs> | '';
    cache = { ...DEFAULTS, ...(stored || {}) };
  }
  return cache;
}

/**
 * Persists and broadcasts. Pages below the current one in the stack stay mounted, so they
 * subscribe too and are already re-rendered when the user navigates back.
 */
export function setPrefs(patch: Partial<Prefs>): Prefs {
  cache = { ...getPrefs(), ...patch };
  Taro.setStorageSync(KEY, cache);
  listeners.forEach((l) => l(cache as Prefs));
  return cache;
}

export function subscribePrefs(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Test seam: forget the in-memory copy so storage is read again. */
export function resetPrefsCache(): void {
  cache = null;
}
