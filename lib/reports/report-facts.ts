import type { ConferenceMode, ConferenceView } from '@/lib/conference';
import {
  closedSpans,
  countedSteps,
  durationWhere,
  endOf,
  intersectSpans,
  isCountedParty,
  presenceOf,
  timesReached,
  type CountStep,
  type Span,
} from './counted-parties';
import { reportScopeKeys } from './scope-keys';

/** An agent on the call and the parties they added to it (R8: the agent on the inviting leg). */
export type ReportAgent = { arn: string; name: string | null; partiesAdded: number };

/** A queue the call was in. */
export type ReportQueue = { arn: string; name: string | null };

/**
 * What the managers' reports need of one ended call, derived once when it goes to history.
 *
 * Definitions (times in epoch ms; "counted parties" are those the cap counts — R1, R2, M8 — the
 * caller, agents and external parties, dialling or connected or held, never supervisors, never
 * parties only a CCP reported):
 * - `peak` / `size`: the engine's peak of counted parties (`peakParticipants`); the call is a
 *   **conference** when it is 3 or more.
 * - `conferenceMs`: the time during which the call had three or more counted parties.
 * - `atCapMs`: the time with the counted parties at (or, a platform fault, above) the cap.
 * - `capReached`: how many times the count rose to the cap from below it.
 * - `contactLensConflictMs` / `contactLensConflicts`: the total length and the number of raisings
 *   of A2 (Contact Lens on an active leg while three or more parties are counted), from the alert
 *   history, an open raising closed at the end of the call.
 * - **consult hold**: the time the caller was on hold while two or more other counted parties
 *   (agents or external parties, dialling or connected) were on the call — the agent who held the
 *   caller and at least one party being consulted or brought in. An ordinary hold on a two-party
 *   call is not one. Each maximal stretch is an episode: `consultHoldMs` is their sum,
 *   `consultHoldEpisodes` their number and `consultHoldLongestMs` the longest.
 * - `externalPartiesAdded`: external parties (phone numbers) that were dialled onto the call.
 * - `partiesAdded`: counted parties other than the caller and the primary agent.
 */
export type CallReportFacts = {
  id: string;
  startedAt: number;
  endedAt: number;
  mode: ConferenceMode;
  cap: number;
  queues: ReportQueue[];
  agents: ReportAgent[];
  peak: number;
  size: number;
  counted: CountStep[];
  conferenceMs: number;
  atCapMs: number;
  capReached: number;
  contactLensConflictMs: number;
  contactLensConflicts: number;
  consultHoldMs: number;
  consultHoldEpisodes: number;
  consultHoldLongestMs: number;
  externalPartiesAdded: number;
  partiesAdded: number;
  /** The keys a caller's scope is matched against (see `reportScopeKeys`). */
  scopeKeys: string[];
};

/** Derives the report facts of an ended call from its history record. Pure. */
export function computeReportFacts(view: ConferenceView): CallReportFacts {
  const startedAt = Date.parse(view.startedAt);
  const endedAt = endOf(view);
  const counted = countedSteps(view);
  const conflicts = view.alertHistory
    .filter((a) => a.kind === 'contact-lens-conflict')
    .map((a) => ({
      from: Date.parse(a.raisedAt),
      to: a.clearedAt === null ? endedAt : Date.parse(a.clearedAt),
    }));
  const consult = consultHoldSpans(view, endedAt);
  const added = view.participants.filter(
    (p) => isCountedParty(p) && p.role !== 'customer' && !p.primary && presenceOf(p, endedAt) !== null,
  );
  return {
    id: view.id,
    startedAt,
    endedAt,
    mode: view.mode,
    cap: view.cap,
    queues: view.queue ? [{ arn: view.queue.arn, name: view.queue.name }] : [],
    agents: agentsOf(view),
    peak: view.peakParticipants,
    size: view.peakParticipants,
    counted,
    conferenceMs: durationWhere(counted, (n) => n >= 3),
    atCapMs: durationWhere(counted, (n) => n >= view.cap),
    capReached: timesReached(counted, view.cap),
    contactLensConflictMs: conflicts.reduce((sum, c) => sum + Math.max(0, c.to - c.from), 0),
    contactLensConflicts: conflicts.length,
    consultHoldMs: consult.reduce((sum, s) => sum + s.to - s.from, 0),
    consultHoldEpisodes: consult.length,
    consultHoldLongestMs: consult.reduce((max, s) => Math.max(max, s.to - s.from), 0),
    externalPartiesAdded: added.filter((p) => p.role === 'external').length,
    partiesAdded: added.length,
    scopeKeys: reportScopeKeys(view),
  };
}

function consultHoldSpans(view: ConferenceView, endedAt: number): Span[] {
  const caller = view.participants.find((p) => p.role === 'customer' && !p.ccpOnly);
  if (!caller) return [];
  const othersSteps = countedSteps(view, (p) => isCountedParty(p) && p.id !== caller.id);
  const twoOthers = othersSteps.filter((s) => s.count >= 2).map(({ from, to }) => ({ from, to }));
  return intersectSpans(closedSpans(caller.holds, endedAt), twoOthers);
}

function agentsOf(view: ConferenceView): ReportAgent[] {
  const byArn = new Map<string, ReportAgent>();
  for (const p of view.participants) {
    if (p.role !== 'agent' || p.ccpOnly || p.agentArn === null) continue;
    const agent = byArn.get(p.agentArn) ?? { arn: p.agentArn, name: null, partiesAdded: 0 };
    agent.name ??= p.name;
    agent.partiesAdded += view.participants.filter((q) => q.addedBy === p.id && isCountedParty(q)).length;
    byArn.set(p.agentArn, agent);
  }
  return [...byArn.values()].sort((a, b) => (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0));
}
