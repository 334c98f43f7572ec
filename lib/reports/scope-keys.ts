import { z } from 'zod';
import type { ConferenceView } from '@/lib/conference';

/**
 * What a caller may see: everything, or the calls touching any of some queues (ARNs or names) or
 * agent hierarchy groups (ARNs or names). An object with no entries sees nothing.
 */
export type ReportScope = 'all' | { queues?: string[]; groups?: string[] };

const names = z.array(z.string().min(1).max(512)).max(1_000);
export const ReportScopeSchema: z.ZodType<ReportScope> = z.union([
  z.literal('all'),
  z.strictObject({ queues: names.optional(), groups: names.optional() }),
]);

const queueKey = (queue: string) => `queue:${queue}`;
const groupKey = (group: string) => `group:${group}`;
const agentKey = (arn: string) => `agent:${arn}`;

/**
 * The keys a call is filed under for scope filtering: each queue's ARN and name and each agent's
 * ARN. The one place that decides it — swap in the shared `scopeKeysOf(view)` (hierarchy groups,
 * every queue of every leg) once the view carries them; `scopeFilterKeys` already asks for groups.
 */
export function reportScopeKeys(view: ConferenceView): string[] {
  const keys = new Set<string>();
  if (view.queue) {
    keys.add(queueKey(view.queue.arn));
    if (view.queue.name) keys.add(queueKey(view.queue.name));
  }
  for (const p of view.participants) {
    if ((p.role === 'agent' || p.role === 'supervisor') && !p.ccpOnly && p.agentArn)
      keys.add(agentKey(p.agentArn));
  }
  return [...keys].sort();
}

/** The keys a scope admits, or `'all'`: a call is in scope when it is filed under any of them. */
export function scopeFilterKeys(scope: ReportScope): 'all' | string[] {
  if (scope === 'all') return 'all';
  return [...new Set([...(scope.queues ?? []).map(queueKey), ...(scope.groups ?? []).map(groupKey)])].sort();
}

/** Whether a call with these keys is in `scope` (the SQL filter's definition, for pure callers). */
export function isInScope(keys: readonly string[], scope: ReportScope): boolean {
  const wanted = scopeFilterKeys(scope);
  return wanted === 'all' || keys.some((k) => wanted.includes(k));
}
