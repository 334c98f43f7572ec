'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { TokensTable, UsersTable } from '@/components/accounts-tables';
import { AppHeader } from '@/components/app-header';
import { ThemeToggle } from '@/components/theme-toggle';
import { tokensQuery, usersQuery } from '../_live/admin-queries';
import { SignedInMenu } from '../_live/signed-in-menu';
import { useTheme } from '../_live/use-theme';
import styles from './admin.module.css';

/** `/admin` in the browser: who may sign in, and which machines hold tokens. */
export function AdminClient() {
  const { theme, toggle } = useTheme();
  const users = useQuery(usersQuery());
  const tokens = useQuery(tokensQuery());
  return (
    <div className={styles.page} data-testid="admin-page">
      <AppHeader title={<span>Users and tokens</span>}>
        <nav className={styles.nav} aria-label="Administration">
          <Link href="/">Live board</Link>
          <Link href="/admin/audit">Audit log</Link>
        </nav>
        <ThemeToggle theme={theme} onToggle={toggle} />
        <SignedInMenu />
      </AppHeader>
      <main className={styles.main}>
        <section className={styles.section} aria-labelledby="users-heading">
          <h2 id="users-heading">Users</h2>
          <p className={styles.hint}>
            Change them with <code>npm run user -- add|passwd|remove</code>.
          </p>
          {users.data ? <UsersTable users={users.data} /> : <p className={styles.hint}>Loading…</p>}
        </section>
        <section className={styles.section} aria-labelledby="tokens-heading">
          <h2 id="tokens-heading">API tokens</h2>
          <p className={styles.hint}>
            Make and revoke them with <code>npm run token -- create|revoke</code>.
          </p>
          {tokens.data ? <TokensTable tokens={tokens.data} /> : <p className={styles.hint}>Loading…</p>}
        </section>
      </main>
    </div>
  );
}
