import { z } from 'zod';
import type { ConferenceModel } from './types';
import type { ConferenceView } from './view-schema';

/**
 * Scoped visibility (issue 11). A user or token may be limited to queues and/or agent hierarchy
 * groups, each named by ARN or by name. A conference is in scope when any of its legs was in a
 * scoped queue OR any of its agents is in a scoped group (S1). An axis left out (or empty) adds
 * nothing; a scope with neither axis restricts nothing (S2). `all` sees every conference.
 */
export const ScopeSchema = z.union([
  z.literal('all'),
  z.object({
    queues: z.array(z.string().min(1).max(512)).max(500).optional(),
    groups: z.array(z.string().min(1).max(512)).max(500).optional(),
  }),
]);
export type Scope = z.infer<typeof ScopeSchema>;

/** What a scope is matched against: queue ARNs and names, hierarchy group ARNs and names. */
export type ScopeKeys = { queues: ReadonlySet<string>; groups: ReadonlySet<string> };

/**
 * The scope keys of a live conference: every queue any leg was in, and the groups of every agent
 * a server source confirmed on it (present or gone; supervisors and CCP-only parties do not count).
 */
export function scopeKeysOfModel(model: ConferenceModel): ScopeKeys {
  const queues = new Set<string>();
  const groups = new Set<string>();
  const addQueue = (arn: string, name: string | undefined) => {
    queues.add(arn);
    if (name) queues.add(name);
  };
  if (model.queue) addQueue(model.queue.arn, model.queue.name);
  for (const [arn, name] of model.queues) addQueue(arn, name);
  for (const p of model.participants.values()) {
    if (p.role !== 'agent' || p.ccpOnly || p.agentArn === undefined) continue;
    for (const g of model.agentGroups.get(p.agentArn) ?? []) {
      groups.add(g.arn);
      if (g.name) groups.add(g.name);
    }
  }
  return { queues, groups };
}

/**
 * The same keys from a served or stored view (what reports have): `scopeKeysOf(toConferenceView(m))`
 * equals `scopeKeysOfModel(m)`. History written before the queue list existed still has its queue.
 */
export function scopeKeysOf(view: Pick<ConferenceView, 'queue' | 'queues' | 'participants'>): ScopeKeys {
  const queues = new Set<string>();
  const groups = new Set<string>();
  for (const q of view.queue ? [view.queue, ...view.queues] : view.queues) {
    queues.add(q.arn);
    if (q.name) queues.add(q.name);
  }
  for (const p of view.participants) {
    if (p.role !== 'agent' || p.ccpOnly) continue;
    for (const g of p.hierarchyGroups) {
      groups.add(g.arn);
      if (g.name) groups.add(g.name);
    }
  }
  return { queues, groups };
}

/** S1 S2: whether a conference with these keys is visible to `scope`. */
export function inScope(keys: ScopeKeys, scope: Scope): boolean {
  if (scope === 'all') return true;
  const queues = scope.queues ?? [];
  const groups = scope.groups ?? [];
  if (queues.length === 0 && groups.length === 0) return true;
  return queues.some((q) => keys.queues.has(q)) || groups.some((g) => keys.groups.has(g));
}
