import type { TokenView, UserView } from '@/lib/realtime';
import { IconCheck, IconCross, IconLock } from './icons';
import styles from './audit-table.module.css';

/** A scope in words: all calls, or its queues and groups (a call matching either is shown). */
function scopeWords(queues: readonly string[], groups: readonly string[]): string {
  const parts = [
    ...(queues.length ? [`queues ${queues.join(', ')}`] : []),
    ...(groups.length ? [`groups ${groups.join(', ')}`] : []),
  ];
  return parts.join(' or ') || 'all calls';
}

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

/** The local users: role, what they may see, and whether a one-time password is still in use. */
export function UsersTable({ users }: { users: readonly UserView[] }) {
  if (users.length === 0) return <p className={styles.empty}>No local users.</p>;
  return (
    <table className={styles.table} data-testid="users-table">
      <thead>
        <tr>
          <th scope="col">User</th>
          <th scope="col">Role</th>
          <th scope="col">Sees</th>
          <th scope="col">Password</th>
          <th scope="col">Last sign-in</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.name}>
            <td className={styles.who}>{u.name}</td>
            <td className={styles.what}>{u.role}</td>
            <td className={styles.target}>{scopeWords(u.queues, u.groups)}</td>
            <td>
              {u.mustChangePassword ? (
                <span className={styles.outcome} data-outcome="failed">
                  <IconLock aria-hidden="true" />
                  One-time, not yet changed
                </span>
              ) : (
                <span className={styles.outcome} data-outcome="ok">
                  <IconCheck aria-hidden="true" />
                  Set
                </span>
              )}
            </td>
            <td className={styles.when}>{day(u.lastSignInAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The API tokens: never their secrets; revoked ones stay listed, marked. */
export function TokensTable({ tokens }: { tokens: readonly TokenView[] }) {
  if (tokens.length === 0) return <p className={styles.empty}>No API tokens.</p>;
  return (
    <table className={styles.table} data-testid="tokens-table">
      <thead>
        <tr>
          <th scope="col">Id</th>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Sees</th>
          <th scope="col">Created</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((t) => (
          <tr key={t.id} data-outcome={t.revokedAt ? 'denied' : 'ok'}>
            <td className={styles.ip}>{t.id}</td>
            <td className={styles.who}>{t.name}</td>
            <td className={styles.what}>{t.role}</td>
            <td className={styles.target}>{scopeWords(t.queues, t.groups)}</td>
            <td className={styles.when}>
              {day(t.createdAt)} by {t.createdBy}
            </td>
            <td>
              {t.revokedAt ? (
                <span className={styles.outcome} data-outcome="denied">
                  <IconCross aria-hidden="true" />
                  Revoked {day(t.revokedAt)}
                </span>
              ) : (
                <span className={styles.outcome} data-outcome="ok">
                  <IconCheck aria-hidden="true" />
                  Live
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
