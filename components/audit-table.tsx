import type { AuditEntryView } from '@/lib/realtime';
import { AUDIT_OUTCOME_WORD, auditActionWord } from '@/lib/admin/audit-labels';
import { IconCheck, IconCross, IconLock } from './icons';
import styles from './audit-table.module.css';

const OUTCOME_ICON = { ok: IconCheck, failed: IconCross, denied: IconLock } as const;

/** When, in this browser's time zone: the date only when it is not today. */
function formatWhen(iso: string, today: string): { text: string; full: string } {
  const at = new Date(iso);
  const day = at.toLocaleDateString();
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return { text: day === today ? time : `${day} ${time}`, full: at.toString() };
}

/**
 * The audit log as a table, newest first: when, who, what (with the outcome as an icon and a word,
 * never colour alone), on what, from where, and why.
 */
export function AuditTable({ entries, today }: { entries: readonly AuditEntryView[]; today: string }) {
  if (entries.length === 0) return <p className={styles.empty}>No entries match.</p>;
  return (
    <table className={styles.table} data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Outcome</th>
          <th scope="col">On</th>
          <th scope="col">From</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const when = formatWhen(e.at, today);
          const Icon = OUTCOME_ICON[e.outcome];
          return (
            <tr key={e.seq} data-outcome={e.outcome} data-action={e.action}>
              <td className={styles.when}>
                <time dateTime={e.at} title={when.full}>
                  {when.text}
                </time>
              </td>
              <td className={styles.who}>{e.actor}</td>
              <td className={styles.what}>{auditActionWord(e.action)}</td>
              <td>
                <span className={styles.outcome} data-outcome={e.outcome}>
                  <Icon aria-hidden="true" />
                  {AUDIT_OUTCOME_WORD[e.outcome]}
                </span>
              </td>
              <td className={styles.target}>{e.target ?? ''}</td>
              <td className={styles.ip}>{e.ip ?? ''}</td>
              <td className={styles.detail}>{e.detail ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
