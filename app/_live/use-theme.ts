import { useCallback, useSyncExternalStore } from 'react';
import { writeSetting } from './local-setting';
import { THEME_KEY } from './theme-script';

export type Theme = 'light' | 'dark';

const root = () => document.documentElement;

function subscribe(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(root(), { attributes: true, attributeFilter: ['data-theme'] });
  const media = matchMedia('(prefers-color-scheme: dark)');
  const followOs = () => {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(THEME_KEY);
    } catch {
      // no storage: keep following the OS
    }
    if (stored !== 'light' && stored !== 'dark')
      root().setAttribute('data-theme', media.matches ? 'dark' : 'light');
  };
  media.addEventListener('change', followOs);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', followOs);
  };
}

const current = (): Theme | null => {
  const t = root().getAttribute('data-theme');
  return t === 'dark' || t === 'light' ? t : null;
};

/** The theme on `<html data-theme>`: follows the OS until toggled, then remembered. */
export function useTheme(): { theme: Theme | null; toggle: () => void } {
  const theme = useSyncExternalStore(subscribe, current, () => null);
  const toggle = useCallback(() => {
    const next: Theme = current() === 'dark' ? 'light' : 'dark';
    root().setAttribute('data-theme', next);
    writeSetting(THEME_KEY, next);
  }, []);
  return { theme, toggle };
}
