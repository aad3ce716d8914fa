import { useEffect, useState } from 'react';
import { type Prefs, getPrefs, setPrefs, subscribePrefs } from '../store/prefs';

/** Current prefs plus a setter; every mounted page re-renders when any page changes them. */
export function usePrefs(): [Prefs, (patch: Partial<Prefs>) => void] {
  const [prefs, setState] = useState<Prefs>(getPrefs);
  useEffect(() => subscribePrefs(setState), []);
  return [prefs, setPrefs];
}
