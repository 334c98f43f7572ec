import type { Scope } from '@/lib/conference';

export type { Scope };

export const ALL: Scope = 'all';

/** One canonical string per distinct scope: sockets with equal keys share one board publisher. */
export function scopeKey(scope: Scope): string {
  if (scope === 'all') return 'all';
  const sorted = (list: readonly string[] | undefined) => [...new Set(list ?? [])].sort();
  const queues = sorted(scope.queues);
  const groups = sorted(scope.groups);
  if (queues.length === 0 && groups.length === 0) return 'all';
  return JSON.stringify({ q: queues, g: groups });
}

/** An unrestricted scope: `'all'`, or one whose lists are both empty. */
export function isUnrestricted(scope: Scope): boolean {
  return scopeKey(scope) === 'all';
}
