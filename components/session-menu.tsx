import Link from 'next/link';
import styles from './session-menu.module.css';

/** Who is signed in (name and role), the administration pages for an admin, and the way out. */
export function SessionMenu(p: { name: string; role: string; admin?: boolean; onSignOut: () => void }) {
  return (
    <div className={styles.menu} data-testid="session-menu">
      {p.admin ? (
        <Link href="/admin" className={styles.admin}>
          Admin
        </Link>
      ) : null}
      <span className={styles.who} title={`Signed in as ${p.name} (${p.role})`}>
        <span className={styles.name}>{p.name}</span> <span className={styles.role}>{p.role}</span>
      </span>
      <button type="button" className="button" onClick={p.onSignOut}>
        Sign out
      </button>
    </div>
  );
}
