'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { AppHeader } from '@/components/app-header';
import { AuditFilters } from '@/components/audit-filters';
import { AuditTable } from '@/components/audit-table';
import { Pager } from '@/components/pager';
import { ThemeToggle } from '@/components/theme-toggle';
import type { AuditAction } from '@/lib/realtime';
import { auditPageQuery } from '../../_live/admin-queries';
import { SignedInMenu } from '../../_live/signed-in-menu';
import { useTheme } from '../../_live/use-theme';
import styles from '../admin.module.css';

/** The typed user name, once typing has paused (one request per name, not per key). */
function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** `/admin/audit` in the browser: the log newest first, a page at a time, by kind and by user. */
export function AuditClient() {
  const { theme, toggle } = useTheme();
  const [action, setAction] = useState<AuditAction | null>(null);
  const [typed, setTyped] = useState('');
  const actor = useSettled(typed.trim());
  // The `before` of each page from the newest; a new filter starts again at the newest.
  const filterKey = `${action ?? ''}|${actor}`;
  const [paging, setPaging] = useState<{ key: string; pages: (number | null)[] }>({
    key: '|',
    pages: [null],
  });
  const pages = paging.key === filterKey ? paging.pages : [null];
  const setPages = (next: (pages: (number | null)[]) => (number | null)[]) =>
    setPaging({ key: filterKey, pages: next(pages) });
  const before = pages.at(-1) ?? null;
  const { data, isError, isFetching } = useQuery(auditPageQuery({ action, actor: actor || null }, before));

  return (
    <div className={styles.page} data-testid="audit-page">
      <AppHeader title={<span>Audit log</span>}>
        <nav className={styles.nav} aria-label="Administration">
          <Link href="/">Live board</Link>
          <Link href="/admin">Users and tokens</Link>
        </nav>
        <ThemeToggle theme={theme} onToggle={toggle} />
        <SignedInMenu />
      </AppHeader>
      <main className={styles.main}>
        <div className={styles.toolbar}>
          <h1 className={styles.title}>Audit log</h1>
          <AuditFilters action={action} actor={typed} onAction={setAction} onActor={setTyped} />
          <Pager
            page={pages.length}
            hasNewer={pages.length > 1}
            hasOlder={data?.next != null}
            busy={isFetching}
            onNewer={() => setPages((p) => (p.length > 1 ? p.slice(0, -1) : p))}
            onOlder={() => data?.next != null && setPages((p) => [...p, data.next])}
          />
        </div>
        {isError ? <p className={styles.problem}>The audit log could not be read; trying again.</p> : null}
        {data ? <AuditTable entries={data.entries} today={new Date().toLocaleDateString()} /> : null}
        {!data && !isError ? <p className={styles.problem}>Loading the audit log…</p> : null}
      </main>
    </div>
  );
}
