import type { AgentEvent } from './events';

type Snapshot = { at: number; eventId: string; contactIds: readonly string[] };
type Presence = { rootId: string; lastSeenAt: number; absentAt?: number };

/**
 * The recent snapshots of one agent, kept so that "a contact missing from a later snapshot of the
 * same agent" (M7) can be told whatever order the snapshots arrive in: the agent left contact C at
 * the earliest snapshot after the last one that still listed C.
 */
export type AgentHistory = {
  snapshots: Snapshot[];
  eventIds: Set<string>;
  presence: Map<string, Presence>;
};

export function createAgentHistory(): AgentHistory {
  return { snapshots: [], eventIds: new Set(), presence: new Map() };
}

/** A change to when the agent left a contact: `absentAt` undefined means it has not (yet) left. */
export type AbsenceChange = { contactId: string; rootId: string; absentAt: number | undefined };

/**
 * Records a snapshot and returns the contacts whose leave time changed. Returns null for a
 * snapshot already recorded (O1).
 */
export function recordSnapshot(history: AgentHistory, event: AgentEvent): AbsenceChange[] | null {
  if (history.eventIds.has(event.eventId)) return null;
  history.eventIds.add(event.eventId);
  const contactIds = event.contacts.map((c) => c.contactId);
  insertSorted(history.snapshots, { at: event.at, eventId: event.eventId, contactIds });

  const touched = new Set<string>();
  for (const contact of event.contacts) {
    const presence = history.presence.get(contact.contactId);
    if (!presence) history.presence.set(contact.contactId, { rootId: contact.rootId, lastSeenAt: event.at });
    else if (event.at > presence.lastSeenAt) presence.lastSeenAt = event.at;
    touched.add(contact.contactId);
  }
  for (const [contactId, presence] of history.presence) {
    if (touched.has(contactId) || event.at <= presence.lastSeenAt) continue;
    if (presence.absentAt === undefined || event.at < presence.absentAt) touched.add(contactId);
  }

  const changes: AbsenceChange[] = [];
  for (const contactId of touched) {
    const presence = history.presence.get(contactId)!;
    const absentAt = firstSnapshotWithout(history.snapshots, contactId, presence.lastSeenAt);
    if (absentAt === presence.absentAt) continue;
    presence.absentAt = absentAt;
    changes.push({ contactId, rootId: presence.rootId, absentAt });
  }
  return changes;
}

/** Drops snapshots older than `horizonMs` before the newest, and presence for gone conferences. */
export function pruneAgentHistory(
  history: AgentHistory,
  horizonMs: number,
  isKnownRoot: (rootId: string) => boolean,
): void {
  const newest = history.snapshots[history.snapshots.length - 1]?.at;
  if (newest === undefined) return;
  const cutoff = newest - horizonMs;
  let drop = 0;
  while (drop < history.snapshots.length - 1 && history.snapshots[drop]!.at < cutoff) drop++;
  for (const snapshot of history.snapshots.splice(0, drop)) history.eventIds.delete(snapshot.eventId);
  for (const [contactId, presence] of history.presence) {
    if (presence.lastSeenAt < cutoff || !isKnownRoot(presence.rootId)) history.presence.delete(contactId);
  }
}

function firstSnapshotWithout(
  snapshots: readonly Snapshot[],
  contactId: string,
  after: number,
): number | undefined {
  let lo = 0;
  let hi = snapshots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (snapshots[mid]!.at <= after) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < snapshots.length; i++) {
    if (!snapshots[i]!.contactIds.includes(contactId)) return snapshots[i]!.at;
  }
  return undefined;
}

function insertSorted(snapshots: Snapshot[], snapshot: Snapshot): void {
  let i = snapshots.length;
  while (i > 0 && compare(snapshots[i - 1]!, snapshot) > 0) i--;
  snapshots.splice(i, 0, snapshot);
}

function compare(a: Snapshot, b: Snapshot): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}
