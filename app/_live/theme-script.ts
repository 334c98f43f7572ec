/** The localStorage key for the theme, read by the inline script and by `useTheme`. */
export const THEME_KEY = 'confwatch.theme';

/** Runs in <head> before the first paint: the remembered theme, else the OS preference. */
export const THEME_SCRIPT = `(function(){var d=document.documentElement;try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";d.setAttribute("data-theme",t)}catch(e){d.setAttribute("data-theme","light")}})()`;
