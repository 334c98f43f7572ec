import { useId } from 'react';
import type { AuditAction } from '@/lib/realtime';
import { AuditActionSchema } from '@/lib/realtime';
import { AUDIT_ACTION_WORD } from '@/lib/admin/audit-labels';
import styles from './audit-filters.module.css';

type Props = {
  action: AuditAction | null;
  actor: string;
  onAction: (action: AuditAction | null) => void;
  /** Called as the user name is typed; the page decides when to ask the server. */
  onActor: (actor: string) => void;
};

/** The audit log's filters: one kind of entry, and one user (or token) by exact name. */
export function AuditFilters({ action, actor, onAction, onActor }: Props) {
  const kindId = useId();
  const actorId = useId();
  return (
    <div className={styles.filters} role="search" aria-label="Filter the audit log">
      <label htmlFor={kindId}>Kind</label>
      <select
        id={kindId}
        value={action ?? ''}
        onChange={(e) => onAction(e.target.value === '' ? null : AuditActionSchema.parse(e.target.value))}
      >
        <option value="">All kinds</option>
        {AuditActionSchema.options.map((a) => (
          <option key={a} value={a}>
            {AUDIT_ACTION_WORD[a]}
          </option>
        ))}
      </select>
      <label htmlFor={actorId}>User</label>
      <input
        id={actorId}
        type="search"
        value={actor}
        placeholder="any user or token"
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onActor(e.target.value)}
      />
    </div>
  );
}
