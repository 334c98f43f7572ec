import { scopeKeysOf, ScopeSchema, type ConferenceView, type Scope } from '@/lib/conference';

/**
 * What a caller may see, as everywhere in confwatch (S1, S2): everything, or the calls touching any
 * of some queues (ARNs or names) or agent hierarchy groups (ARNs or names). A scope that lists
 * nothing restricts nothing.
 */
export type ReportScope = Scope;
export const ReportScopeSchema = ScopeSchema;

const queueKey = (queue: string) => `queue:${queue}`;
const groupKey = (group: string) => `group:${group}`;
const agentKey = (arn: string) => `agent:${arn}`;

/**
 * The keys a call is filed under for scope filtering: the engine's scope keys (S1: every queue of
 * every leg and every confirmed agent's hierarchy groups, by ARN and name), and each agent's ARN.
 */
export function reportScopeKeys(view: ConferenceView): string[] {
  const keys = new Set<string>();
  const scoped = scopeKeysOf(view);
  for (const queue of scoped.queues) keys.add(queueKey(queue));
  for (const group of scoped.groups) keys.add(groupKey(group));
  for (const p of view.participants) {
    if ((p.role === 'agent' || p.role === 'supervisor') && !p.ccpOnly && p.agentArn)
      keys.add(agentKey(p.agentArn));
  }
  return [...keys].sort();
}

/** The keys a scope admits, or `'all'`: a call is in scope when it is filed under any of them. */
export function scopeFilterKeys(scope: ReportScope): 'all' | string[] {
  if (scope === 'all') return 'all';
  const keys = [...new Set([...(scope.queues ?? []).map(queueKey), ...(scope.groups ?? []).map(groupKey)])];
  return keys.length === 0 ? 'all' : keys.sort();
}

/** Whether a call with these keys is in `scope` (the SQL filter's definition, for pure callers). */
export function isInScope(keys: readonly string[], scope: ReportScope): boolean {
  const wanted = scopeFilterKeys(scope);
  return wanted === 'all' || keys.some((k) => wanted.includes(k));
}
