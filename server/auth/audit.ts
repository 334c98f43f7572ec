import type { Logger } from '@/server/log';
import type { AuditEntry, Store } from '@/server/store';

import type { AuditAction } from '@/lib/realtime';

export type { AuditAction };

export type AuditInput = Omit<AuditEntry, 'at' | 'action' | 'target' | 'ip' | 'detail' | 'outcome'> & {
  action: AuditAction;
  outcome?: AuditEntry['outcome'];
  target?: string | null;
  ip?: string | null;
  detail?: string | null;
};

export type Audit = { record(entry: AuditInput): Promise<void> };

/**
 * The audit log: who signed in (or failed to), signed out, acknowledged, changed users or tokens,
 * or was refused. An entry that cannot be stored is logged instead; it never fails the action.
 */
export function createAudit(
  store: Pick<Store, 'appendAudit'>,
  log: Logger,
  now: () => number = Date.now,
): Audit {
  return {
    async record(entry) {
      const full: AuditEntry = {
        at: now(),
        actor: entry.actor.slice(0, 256),
        action: entry.action,
        target: entry.target?.slice(0, 512) ?? null,
        outcome: entry.outcome ?? 'ok',
        ip: entry.ip ?? null,
        detail: entry.detail?.slice(0, 2_000) ?? null,
      };
      try {
        await store.appendAudit(full);
      } catch (error) {
        log.error(
          { err: error, action: full.action, outcome: full.outcome },
          'audit entry could not be stored',
        );
      }
    },
  };
}
