import Link from 'next/link';
import type { ReactNode } from 'react';
import styles from './app-header.module.css';

/** The top bar of every page: the name, where you are, and the always-visible controls. */
export function AppHeader(p: { title?: ReactNode; children?: ReactNode; brandHeading?: boolean }) {
  const Brand = p.brandHeading ? 'h1' : 'span';
  return (
    <header className={styles.bar}>
      <div className={styles.brand}>
        <Link href="/" className={styles.home}>
          <span className={styles.logo} aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          <Brand className={styles.name}>confwatch</Brand>
        </Link>
        {p.title ? <span className={styles.where}>{p.title}</span> : null}
      </div>
      <div className={styles.tools}>{p.children}</div>
    </header>
  );
}
