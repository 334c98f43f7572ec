import Link from 'next/link';
import type { ReactNode } from 'react';
import type { HeaderLink } from '@/lib/board/header-links';
import styles from './app-header.module.css';

/** The top bar of every page: the name, where you are, the pages it may open, and the controls. */
export function AppHeader(p: {
  title?: ReactNode;
  children?: ReactNode;
  brandHeading?: boolean;
  links?: readonly HeaderLink[];
}) {
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
        {p.links && p.links.length > 0 ? (
          <nav aria-label="Pages" className={styles.pages}>
            {p.links.map((link) => (
              <Link key={link.href} href={link.href} aria-current={link.current ? 'page' : undefined}>
                {link.label}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
      <div className={styles.tools}>{p.children}</div>
    </header>
  );
}
