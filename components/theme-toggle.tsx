import { IconMoon, IconSun } from './icons';

/** Switches light and dark; the name starts with "Theme" and says what is on now. */
export function ThemeToggle({ theme, onToggle }: { theme: 'light' | 'dark' | null; onToggle: () => void }) {
  return (
    <button type="button" className="button" onClick={onToggle} title="Switch between light and dark">
      {theme === 'dark' ? <IconMoon /> : <IconSun />}
      Theme: {theme === 'dark' ? 'dark' : 'light'}
    </button>
  );
}
