import { MAX_CONTACT_TREE_DEPTH } from './bounds';
import { buildContactTree, type ContactTreeNode } from './contact-tree';
import { ALERT_SEVERITY, contactLensActive, longHoldSince } from './derive/alerts';
import { deriveCapacity } from './derive/capacity';
import type { ParticipantRole } from './enums';
import { participantState } from './participant-state';
import type { AlertRecord, ConferenceModel, Interval, Participant, TimelineEntry } from './types';
import type {
  AlertView,
  ConferenceCore,
  ConferenceView,
  ContactTreeView,
  HierarchyGroupView,
  IntervalView,
  IsoTime,
  ParticipantView,
  TimelineEntryView,
} from './view-schema';

const iso = (ms: number): IsoTime => new Date(ms).toISOString();
const isoOrNull = (ms: number | undefined): IsoTime | null => (ms === undefined ? null : iso(ms));

const ROLE_ORDER: Record<ParticipantRole, number> = { customer: 0, agent: 1, external: 2, supervisor: 3 };

/** R22: the customer first, then the primary agent, the other agents, external parties, supervisors. */
function compareParticipants(a: Participant, b: Participant): number {
  const role = ROLE_ORDER[a.role] - ROLE_ORDER[b.role];
  if (role !== 0) return role;
  if (a.primary !== b.primary) return a.primary ? -1 : 1;
  if (a.ccpOnly !== b.ccpOnly) return a.ccpOnly ? 1 : -1;
  const at = (a.dialingAt ?? a.joinedAt ?? Infinity) - (b.dialingAt ?? b.joinedAt ?? Infinity);
  if (at !== 0 && !Number.isNaN(at)) return at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The A3 raisings implied by the customer's holds (time-based, so derived rather than folded). */
export function longHoldRecords(model: ConferenceModel, longHoldMs: number, now: number): AlertRecord[] {
  const customer = model.participants.get(`c:${model.id}`);
  if (!customer || model.listedAt === undefined) return [];
  const records: AlertRecord[] = [];
  for (const hold of customer.holds) {
    const raisedAt = hold.from + longHoldMs;
    const end = hold.to ?? model.endedAt ?? now;
    if (end < raisedAt) continue;
    const record: AlertRecord = { kind: 'long-hold', severity: ALERT_SEVERITY['long-hold'], raisedAt };
    const clearedAt = hold.to ?? model.endedAt;
    if (clearedAt !== undefined) record.clearedAt = clearedAt;
    records.push(record);
  }
  return records;
}

/**
 * Derives the served view of a conference at sidecar time `now`. Throws (L3) for a call whose
 * contact tree is deeper than `MAX_CONTACT_TREE_DEPTH`: the sidecar sets such a call aside.
 */
export function toConferenceView(model: ConferenceModel, longHoldMs: number, now: number): ConferenceView {
  const holdRecords = longHoldRecords(model, longHoldMs, now);
  const history = [...model.alerts, ...holdRecords].sort((a, b) => a.raisedAt - b.raisedAt);
  return {
    ...toConferenceCore(model, longHoldMs, now),
    alertHistory: history.map((a) => ({
      kind: a.kind,
      severity: a.severity,
      raisedAt: iso(a.raisedAt),
      clearedAt: isoOrNull(a.clearedAt),
    })),
    contactTree: toTreeView(buildContactTree(model)),
    timeline: timelineWithLongHolds(model.timeline, holdRecords).map(toTimelineView),
  };
}

/**
 * The live part of the view: cheap enough to derive for every change of every conference (the
 * board's push), where the history parts are derived only for a detail page or the history record.
 */
export function toConferenceCore(model: ConferenceModel, longHoldMs: number, now: number): ConferenceCore {
  const capacity = deriveCapacity(model);
  const participants = [...model.participants.values()].sort(compareParticipants);
  const ended = model.endedAt !== undefined;
  const alerts: AlertView[] = ended
    ? []
    : model.alerts
        .filter((a) => a.clearedAt === undefined)
        .map((a) => ({ kind: a.kind, severity: a.severity, since: iso(a.raisedAt) }));
  const longHold = longHoldSince(model, longHoldMs, now);
  if (longHold !== undefined)
    alerts.push({ kind: 'long-hold', severity: ALERT_SEVERITY['long-hold'], since: iso(longHold) });
  return {
    id: model.id,
    mode: model.mode,
    state: ended ? 'ended' : 'active',
    endReason: model.endReason ?? null,
    cap: capacity.cap,
    activeParticipants: capacity.activeParticipants,
    slotsLeft: capacity.slotsLeft,
    dialing: capacity.dialing,
    swapAvailable: capacity.swapAvailable,
    canAdd: capacity.canAdd,
    contactLens: contactLensActive(model),
    queue: model.queue ? { arn: model.queue.arn, name: model.queue.name ?? null } : null,
    queues: [...model.queues].map(([arn, name]) => ({ arn, name: name ?? null })),
    startedAt: iso(model.legs.get(model.id)?.initiatedAt ?? model.startedAt),
    listedAt: isoOrNull(model.listedAt),
    endedAt: isoOrNull(model.endedAt),
    lastEventAt: iso(model.lastEventAt),
    peakParticipants: model.peakParticipants,
    participants: participants.map((p) => toParticipantView(model, p)),
    alerts,
  };
}

function toParticipantView(model: ConferenceModel, p: Participant): ParticipantView {
  return {
    id: p.id,
    role: p.role,
    primary: p.primary,
    contactId: p.contactId,
    agentArn: p.agentArn ?? null,
    phoneNumber: p.phoneNumber ?? null,
    name: bestName(model, p),
    state: participantState(p),
    muted: p.muted,
    forcedMute: p.forcedMute,
    monitorMode: p.monitorMode,
    ccpOnly: p.ccpOnly,
    addedBy: addedBy(model, p),
    dialingAt: isoOrNull(p.dialingAt),
    joinedAt: isoOrNull(p.joinedAt),
    leftAt: isoOrNull(p.leftAt),
    holds: p.holds.map(toIntervalView),
    mutes: p.mutes.map(toIntervalView),
    hierarchyGroups: groupsOf(model, p),
  };
}

/**
 * M9: one name per party, whichever source told it: an agent's or supervisor's directory name (agent
 * events) over the quick-connect name a CCP shows for it, which names the route rather than the person.
 */
function bestName(model: ConferenceModel, p: Participant): string | null {
  const directory = p.agentArn === undefined ? undefined : model.agentNames.get(p.agentArn);
  return directory ?? p.name ?? null;
}

function groupsOf(model: ConferenceModel, p: Participant): HierarchyGroupView[] {
  const groups =
    p.agentArn === undefined || p.role === 'external' ? undefined : model.agentGroups.get(p.agentArn);
  return groups ? groups.map((g) => ({ level: g.level, arn: g.arn, name: g.name ?? null })) : [];
}

/** The agent on the leg that invited this party's leg (R8). */
function addedBy(model: ConferenceModel, p: Participant): string | null {
  if (p.contactId === model.id || p.ccpOnly) return null;
  const inviter = model.legs.get(p.contactId)?.previousContactId ?? model.id;
  const agent = `a:${inviter}`;
  return model.participants.has(agent) ? agent : null;
}

const toIntervalView = (i: Interval): IntervalView => ({ from: iso(i.from), to: isoOrNull(i.to) });

/** L3: a tree deeper than MAX_CONTACT_TREE_DEPTH fails here, before anything could overflow on it. */
function toTreeView(node: ContactTreeNode, depth = 1): ContactTreeView {
  if (depth > MAX_CONTACT_TREE_DEPTH)
    throw new RangeError(`L3: the contact tree is more than ${MAX_CONTACT_TREE_DEPTH} legs deep`);
  return {
    ...node,
    initiatedAt: node.initiatedAt === null ? null : iso(node.initiatedAt),
    connectedAt: node.connectedAt === null ? null : iso(node.connectedAt),
    disconnectedAt: node.disconnectedAt === null ? null : iso(node.disconnectedAt),
    children: node.children.map((child) => toTreeView(child, depth + 1)),
  };
}

function timelineWithLongHolds(
  timeline: readonly TimelineEntry[],
  holds: readonly AlertRecord[],
): TimelineEntry[] {
  const extra: TimelineEntry[] = [];
  for (const h of holds) {
    extra.push({ at: h.raisedAt, kind: 'alert-raised', alert: 'long-hold' });
    if (h.clearedAt !== undefined) extra.push({ at: h.clearedAt, kind: 'alert-cleared', alert: 'long-hold' });
  }
  return [...timeline, ...extra].sort((a, b) => a.at - b.at);
}

const toTimelineView = (e: TimelineEntry): TimelineEntryView => ({
  at: iso(e.at),
  kind: e.kind,
  participantId: e.participantId ?? null,
  alert: e.alert ?? null,
});
