/** The localStorage key for the theme, read by the inline script and by `useTheme`. */
export const THEME_KEY = 'confwatch.theme';

/** Runs in <head> before the first paint: the remembered theme, else the OS preference. */
export const THEME_SCRIPT = `(function(){var d=document.documentElement;try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";d.setAttribute("data-theme",t)}catch(e){d.setAttribute("data-theme","light")}})()`;

/**
 * What the inline script does, for a page the browser draws itself: a 404 from `notFound()` comes
 * as an empty shell that React fills in, and a script React inserts does not run.
 */
export function applyStoredTheme(): void {
  const root = document.documentElement;
  if (root.hasAttribute('data-theme')) return;
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(THEME_KEY);
  } catch {
    // no storage: follow the OS
  }
  const theme =
    stored === 'light' || stored === 'dark'
      ? stored
      : matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light';
  root.setAttribute('data-theme', theme);
}
