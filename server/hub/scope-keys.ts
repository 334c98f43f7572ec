import type { ConferenceModel, ConferenceView } from '@/lib/conference';
import type { Scope } from './scope';

/** What a scope is matched against: every queue (ARN and name) and agent group of a conference. */
export type ScopeKeys = { queues: ReadonlySet<string>; groups: ReadonlySet<string> };

/** A conference's keys from the live model: the queues of every leg. */
export function scopeKeysOfModel(model: ConferenceModel): ScopeKeys {
  const queues = new Set<string>();
  const add = (queue: { arn: string; name?: string | undefined } | undefined) => {
    if (!queue) return;
    queues.add(queue.arn);
    if (queue.name) queues.add(queue.name);
  };
  add(model.queue);
  for (const leg of model.legs.values()) add(leg.queue);
  return { queues, groups: new Set() };
}

/** A conference's keys from a stored view (history has only views). */
export function scopeKeysOfView(view: ConferenceView): ScopeKeys {
  const queues = new Set<string>();
  if (view.queue) {
    queues.add(view.queue.arn);
    if (view.queue.name) queues.add(view.queue.name);
  }
  return { queues, groups: new Set() };
}

/** In scope when any of its queues is a scoped queue, or any of its agents' groups a scoped group. */
export function matchesScope(keys: ScopeKeys, scope: Scope): boolean {
  if (scope === 'all') return true;
  const queues = scope.queues ?? [];
  const groups = scope.groups ?? [];
  if (queues.length === 0 && groups.length === 0) return true;
  return queues.some((q) => keys.queues.has(q)) || groups.some((g) => keys.groups.has(g));
}
