import type { HierarchyGroup, QueueRef } from './events';
import type { ConferenceModel } from './types';

/**
 * Records an agent's hierarchy groups (the scope keys of issue 11). Agent events name every level
 * with its name; contact events give only ARNs, so a name already known for the same ARN is kept. A
 * late fact (O6) only fills in an agent not known yet. Lists are replaced whole, never mutated.
 */
export function recordGroups(
  model: ConferenceModel,
  agentArn: string,
  groups: readonly HierarchyGroup[],
  late: boolean,
): void {
  const known = model.agentGroups.get(agentArn);
  if (known && late) return;
  const byLevel = new Map<number, HierarchyGroup>();
  for (const group of groups) {
    const name = group.name ?? known?.find((k) => k.arn === group.arn)?.name;
    byLevel.set(
      group.level,
      name === undefined ? { level: group.level, arn: group.arn } : { ...group, name },
    );
  }
  const next = [...byLevel.values()].sort((a, b) => a.level - b.level);
  if (known && sameGroups(known, next)) return;
  model.agentGroups.set(agentArn, next);
  // The scope keys are derived per revision (S2): a group learned or changed must be seen.
  model.revision += 1;
}

function sameGroups(a: readonly HierarchyGroup[], b: readonly HierarchyGroup[]): boolean {
  return (
    a.length === b.length &&
    a.every((g, i) => g.level === b[i]!.level && g.arn === b[i]!.arn && g.name === b[i]!.name)
  );
}

/** Adds a queue a leg was in to the conference's list of queues, with its name once one is given. */
export function recordQueue(model: ConferenceModel, queue: QueueRef): void {
  const known = model.queues.get(queue.arn);
  if (model.queues.has(queue.arn) && (known !== undefined || !queue.name)) return;
  model.queues.set(queue.arn, queue.name);
  model.revision += 1;
}
