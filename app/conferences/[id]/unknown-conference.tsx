'use client';

import Link from 'next/link';
import { AppHeader } from '@/components/app-header';
import { ThemeToggle } from '@/components/theme-toggle';
import { useTheme } from '../../_live/use-theme';
import styles from './detail-page.module.css';

/** The page for an id the sidecar does not know (served with a 404), with the usual header. */
export function UnknownConference() {
  const { theme, toggle } = useTheme();
  return (
    <div className={styles.page} data-testid="unknown-conference">
      <AppHeader title={<Link href="/">← Live board</Link>}>
        <ThemeToggle theme={theme} onToggle={toggle} />
      </AppHeader>
      <p className={styles.placeholder}>No live conference and no history record has this id.</p>
    </div>
  );
}
