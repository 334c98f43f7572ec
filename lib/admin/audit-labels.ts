import type { AuditAction, AuditEntryView } from '@/lib/realtime';

/** Each kind of audit entry in words, for the filter and the table. */
export const AUDIT_ACTION_WORD: Record<AuditAction, string> = {
  'sign-in': 'Sign-in',
  'sign-out': 'Sign-out',
  'password-change': 'Password change',
  ack: 'Alert acknowledged',
  'user-add': 'User added',
  'user-passwd': 'Password reset',
  'user-remove': 'User removed',
  'token-create': 'Token created',
  'token-revoke': 'Token revoked',
  denied: 'Refused (role or scope)',
};

/** How an entry ended, in words a person reads from across the room. */
export const AUDIT_OUTCOME_WORD: Record<AuditEntryView['outcome'], string> = {
  ok: 'Done',
  failed: 'Failed',
  denied: 'Refused',
};

/** The words for an action this build does not know (an older or newer sidecar): the action itself. */
export const auditActionWord = (action: string): string => AUDIT_ACTION_WORD[action as AuditAction] ?? action;
