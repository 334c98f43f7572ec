import type { ConferenceRecord } from './conference-record';
import type { EngineState } from './engine';
import type { DomainEvent } from './events';
import type { ConferenceModel } from './types';
import { toConferenceView } from './view';
import type { ConferenceView } from './view-schema';

/**
 * Read-only questions the sidecar asks of the engine. They live here, beside the state they read,
 * so no server code needs to know how the engine keys its participants or keeps its records.
 */

/**
 * A conference the engine holds that has not gone to history (O4), listed or not yet (M2): the
 * calls the lifecycle still ages, ends and archives.
 */
export function liveRecord(state: EngineState, rootId: string): ConferenceRecord | undefined {
  const record = state.conferences.get(rootId);
  return record && record.archivedAt === undefined ? record : undefined;
}

/** Every conference {@link liveRecord} would return, in the order the engine first held them. */
export function* liveRecords(state: EngineState): Generator<ConferenceRecord> {
  for (const record of state.conferences.values()) if (record.archivedAt === undefined) yield record;
}

/** A conference on the board: listed (an agent has connected, M2) and not yet in history. */
export function listedRecord(state: EngineState, rootId: string): ConferenceRecord | undefined {
  const record = liveRecord(state, rootId);
  return record && record.model.listedAt !== undefined ? record : undefined;
}

/**
 * Whether the engine still holds a record of this conference, live or archived: an archived record
 * stays in memory for the retention time, then only its tombstone is left (O4).
 */
export function holdsConference(state: EngineState, rootId: string): boolean {
  return state.conferences.has(rootId);
}

/** The folded model of a conference the engine holds, live or archived (late facts still fold in, O4). */
export function conferenceModel(state: EngineState, rootId: string): ConferenceModel | undefined {
  return state.conferences.get(rootId)?.model;
}

/**
 * The served view at `now` of a conference the engine holds, live or archived: what history keeps
 * when it ends and when late facts rewrite it (E4, O4), with the engine's long-hold threshold (A3).
 */
export function conferenceView(state: EngineState, rootId: string, now: number): ConferenceView | undefined {
  const model = conferenceModel(state, rootId);
  return model && toConferenceView(model, state.settings.longHoldMs, now);
}

/** Whether the customer is on hold right now (A3 can only begin while they are). */
export function customerOnHold(model: ConferenceModel): boolean {
  return model.participants.get(model.customerKey)?.onHold === true && model.endedAt === undefined;
}

/**
 * Whether an event concerns a conference whose record is no longer kept (O4): applying it only
 * counts it, so it is not worth filing in the event log. Agent events may concern several calls
 * and the agent's own history, so they are always kept.
 */
export function isTombstoned(state: EngineState, event: DomainEvent): boolean {
  return event.source !== 'agent' && state.tombstones.has(event.rootId);
}

export type ReconcileTargets = {
  /** Agents (and supervisors) on live calls: whose current contacts to ask Amazon Connect for. */
  agents: string[];
  /** Legs of live calls not heard of for a while: whose state to describe. */
  quietLegs: { rootId: string; contactId: string }[];
  /** Which conference a contact id belongs to (calls still waiting for their root included, O4). */
  rootOf(contactId: string): string | undefined;
};

/** What Amazon Connect reconciliation asks about; `isQuiet` says which live calls have gone quiet. */
export function reconcileTargets(state: EngineState, isQuiet: (rootId: string) => boolean): ReconcileTargets {
  const agents = new Set<string>();
  const quietLegs = new Map<string, { rootId: string; contactId: string }>();
  const roots = new Map<string, string>();
  for (const [rootId, bucket] of state.pending) {
    for (const fact of bucket.facts.values())
      if (fact.source === 'contact') roots.set(fact.contactId, rootId);
  }
  for (const record of liveRecords(state)) {
    if (record.model.endedAt !== undefined) continue;
    const id = record.id;
    const quiet = isQuiet(id);
    for (const contactId of record.model.legs.keys()) roots.set(contactId, id);
    for (const p of record.model.participants.values()) {
      if (p.ccpOnly || p.stage === 'disconnected') continue;
      if (p.agentArn && (p.role === 'agent' || p.role === 'supervisor')) agents.add(p.agentArn);
      if (quiet) quietLegs.set(p.contactId, { rootId: id, contactId: p.contactId });
    }
  }
  return { agents: [...agents], quietLegs: [...quietLegs.values()], rootOf: (c) => roots.get(c) };
}

/** When the call began: the root leg's initiation, else the first fact heard (as the view says). */
export function conferenceStartedAt(model: ConferenceModel): number {
  return model.legs.get(model.id)?.initiatedAt ?? model.startedAt;
}
