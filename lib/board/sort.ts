import type { ConferenceSummary } from '@/lib/realtime';

export const URGENCY_GROUPS = ['critical', 'at-cap', 'other', 'ended'] as const;
export type UrgencyGroup = (typeof URGENCY_GROUPS)[number];

/** 0: a critical alert stands, 1: at (or over) the cap, 2: the rest, 3: ended and about to leave. */
function urgency(c: ConferenceSummary): number {
  if (c.state === 'ended') return 3;
  if (c.alerts.some((a) => a.severity === 'critical')) return 0;
  if (c.activeParticipants >= c.cap) return 1;
  return 2;
}

/**
 * The board's default order: critical alerts first, then calls at the cap, then the longest
 * running. It depends on no clock, so cards do not jump about as time passes.
 */
export function compareConferences(a: ConferenceSummary, b: ConferenceSummary): number {
  return (
    urgency(a) - urgency(b) ||
    (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function sortConferences(list: readonly ConferenceSummary[]): ConferenceSummary[] {
  return [...list].sort(compareConferences);
}

/**
 * The default order as groups (critical, at cap, other, ended), each longest running first: the
 * concatenation is `sortConferences`. A card that changes group moves between two short lists
 * instead of jumping across one long one, which a keyed list redraws at the cost of every card
 * it jumps over.
 */
export function groupConferences(
  list: readonly ConferenceSummary[],
): Record<UrgencyGroup, ConferenceSummary[]> {
  const groups: Record<UrgencyGroup, ConferenceSummary[]> = {
    critical: [],
    'at-cap': [],
    other: [],
    ended: [],
  };
  for (const c of sortConferences(list)) groups[URGENCY_GROUPS[urgency(c)]!].push(c);
  return groups;
}
