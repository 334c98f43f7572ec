import { useCallback, useSyncExternalStore } from 'react';

const CHANGE = 'confwatch:setting';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores a setting in localStorage (null removes it) and tells every hook on the page. */
export function writeSetting(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Private mode or a full quota: the setting lasts for this page only.
  }
  window.dispatchEvent(new CustomEvent(CHANGE, { detail: key }));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('storage', listener);
  window.addEventListener(CHANGE, listener);
  return () => {
    window.removeEventListener('storage', listener);
    window.removeEventListener(CHANGE, listener);
  };
}

/**
 * A string kept in localStorage, shared by every component that reads it and by other tabs.
 * On the server (and before hydration) it is null.
 */
export function useLocalSetting(key: string): [string | null, (value: string | null) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const set = useCallback((next: string | null) => writeSetting(key, next), [key]);
  return [value, set];
}
