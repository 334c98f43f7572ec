import { createAgentHistory, pruneAgentHistory, recordSnapshot, type AgentHistory } from './agent-history';
import {
  addFact,
  closeRecord,
  createRecord,
  markStale,
  replaceFact,
  type ConferenceRecord,
} from './conference-record';
import { listEventRoots, type AgentEvent, type DomainEvent } from './events';
import { factKey, splitAgentEvent, type AbsenceFact, type Fact } from './facts';
import { DEFAULT_SETTINGS, type EngineSettings } from './types';

type PendingBucket = { firstSeenAt: number; facts: Map<string, Fact> };

export type EngineStats = {
  applied: number;
  duplicates: number;
  /** Facts waiting for their root (O4). */
  pending: number;
  orphansDropped: number;
  /** Facts about conferences already in history that updated their record. */
  late: number;
  /** Facts about conferences whose record is no longer kept: counted and dropped. */
  lateDropped: number;
  /** Facts that arrived behind a call's compaction line, folded in by the late rules (O6). */
  compactedLate: number;
  /** Events refused because they would start a conference, or a waiting root, beyond the limits (L1). */
  refusedConferences: number;
  refusedPending: number;
};

/**
 * Everything the engine knows. `applyEvent` updates it in place and reports what changed: copying
 * thousands of conferences for every event would cap throughput, and no caller needs the old state.
 */
export type EngineState = {
  settings: Required<EngineSettings>;
  conferences: Map<string, ConferenceRecord>;
  pending: Map<string, PendingBucket>;
  /** Records dropped after archiving, by when: late facts for them change nothing (O4). */
  tombstones: Map<string, number>;
  /** Archived records by when they were archived, oldest first: what the retention sweep reads. */
  archived: Map<string, number>;
  agents: Map<string, AgentHistory>;
  stats: EngineStats;
  /** When agent histories were last pruned (they are pruned once a minute, not every tick). */
  agentsPrunedAt: number;
};

export type ApplyOutcome = 'applied' | 'duplicate' | 'pending' | 'late';
export type ApplyResult = { outcome: ApplyOutcome; changed: string[] };

export function createEngine(settings: Partial<EngineSettings> = {}): EngineState {
  return {
    settings: withDefaults(settings),
    conferences: new Map(),
    pending: new Map(),
    tombstones: new Map(),
    archived: new Map(),
    agents: new Map(),
    stats: {
      applied: 0,
      duplicates: 0,
      pending: 0,
      orphansDropped: 0,
      late: 0,
      lateDropped: 0,
      compactedLate: 0,
      refusedConferences: 0,
      refusedPending: 0,
    },
    agentsPrunedAt: -Infinity,
  };
}

function withDefaults(settings: Partial<EngineSettings>): Required<EngineSettings> {
  const resolved = { ...DEFAULT_SETTINGS };
  for (const [name, value] of Object.entries(settings))
    if (value !== undefined) Object.assign(resolved, { [name]: value });
  return resolved;
}

/**
 * Applies one normalized event. Idempotent (a repeated event is a duplicate, O1) and
 * order-independent (facts fold in source-time order, O2, O3); events for a root not yet seen wait
 * for it (O4). `now` is the sidecar's clock, used only to age waiting events.
 */
export function applyEvent(state: EngineState, event: DomainEvent, now: number): ApplyResult {
  const result = event.source === 'agent' ? applyAgentEvent(state, event, now) : routeFact(state, event, now);
  state.stats[result.outcome === 'duplicate' ? 'duplicates' : 'applied'] += 1;
  return result;
}

function applyAgentEvent(state: EngineState, event: AgentEvent, now: number): ApplyResult {
  let history = state.agents.get(event.agentArn);
  if (!history) {
    history = createAgentHistory();
    state.agents.set(event.agentArn, history);
  }
  const absences = recordSnapshot(history, event);
  if (!absences) return { outcome: 'duplicate', changed: [] };
  const results: ApplyResult[] = [];
  for (const fact of splitAgentEvent(event).values()) results.push(routeFact(state, fact, now));
  for (const change of absences) {
    const fact: AbsenceFact | undefined =
      change.absentAt === undefined
        ? undefined
        : { source: 'absence', at: change.absentAt, agentArn: event.agentArn, contactId: change.contactId };
    results.push(
      routeReplacement(state, change.rootId, `x|${event.agentArn}|${change.contactId}`, fact, now),
    );
  }
  return mergeResults(results);
}

function rootOf(fact: Fact): string | undefined {
  return fact.source === 'agent'
    ? fact.contacts[0]?.rootId
    : fact.source === 'absence'
      ? undefined
      : fact.rootId;
}

function routeFact(state: EngineState, fact: Fact, now: number): ApplyResult {
  const rootId = rootOf(fact)!;
  const record = state.conferences.get(rootId);
  if (record) {
    const added = addFact(record, fact);
    if (added === 'duplicate') return { outcome: 'duplicate', changed: [] };
    if (added === 'late') state.stats.compactedLate += 1;
    return touched(state, record);
  }
  if (state.tombstones.has(rootId)) {
    state.stats.lateDropped += 1;
    return { outcome: 'late', changed: [] };
  }
  const bucket = pendingBucket(state, rootId, now);
  const key = factKey(fact);
  if (bucket.facts.has(key)) return { outcome: 'duplicate', changed: [] };
  bucket.facts.set(key, fact);
  state.stats.pending += 1;
  // M2: any contact event on the root itself creates the conference.
  if (fact.source === 'contact' && fact.contactId === rootId) return createConference(state, rootId, bucket);
  return { outcome: 'pending', changed: [] };
}

function routeReplacement(
  state: EngineState,
  rootId: string,
  key: string,
  fact: Fact | undefined,
  now: number,
): ApplyResult {
  const record = state.conferences.get(rootId);
  if (record)
    return replaceFact(record, key, fact) ? touched(state, record) : { outcome: 'applied', changed: [] };
  if (state.tombstones.has(rootId)) return { outcome: 'late', changed: [] };
  const bucket = pendingBucket(state, rootId, now);
  if (fact) bucket.facts.set(key, fact);
  else bucket.facts.delete(key);
  return { outcome: 'pending', changed: [] };
}

function createConference(state: EngineState, rootId: string, bucket: PendingBucket): ApplyResult {
  state.pending.delete(rootId);
  state.stats.pending -= bucket.facts.size;
  const record = createRecord(rootId, state.settings.mode, [...bucket.facts.values()], state.settings);
  state.conferences.set(rootId, record);
  return { outcome: 'applied', changed: [rootId] };
}

function touched(state: EngineState, record: ConferenceRecord): ApplyResult {
  if (record.archivedAt === undefined) return { outcome: 'applied', changed: [record.id] };
  state.stats.late += 1;
  return { outcome: 'late', changed: [record.id] };
}

function pendingBucket(state: EngineState, rootId: string, now: number): PendingBucket {
  let bucket = state.pending.get(rootId);
  if (!bucket) {
    bucket = { firstSeenAt: now, facts: new Map() };
    state.pending.set(rootId, bucket);
  }
  return bucket;
}

const PRECEDENCE: ApplyOutcome[] = ['applied', 'late', 'pending', 'duplicate'];

function mergeResults(results: ApplyResult[]): ApplyResult {
  const changed = [...new Set(results.flatMap((r) => r.changed))];
  const outcome = PRECEDENCE.find((o) => results.some((r) => r.outcome === o)) ?? 'applied';
  return { outcome: outcome === 'duplicate' ? 'applied' : outcome, changed };
}

/** Zeroes the counters of live traffic (after a restore replayed the log: its repeats are not news). */
export function resetTrafficStats(state: EngineState): void {
  state.stats.applied = 0;
  state.stats.duplicates = 0;
}

/** Moves a conference to history: it is never listed again, and late facts only update its record. */
export function archiveConference(state: EngineState, rootId: string, now: number): void {
  const record = state.conferences.get(rootId);
  if (!record || record.archivedAt !== undefined) return;
  closeRecord(record, now);
  state.archived.set(rootId, now);
}

/** Ends a conference nothing has been heard of for too long (E5). */
export function endStaleConference(state: EngineState, rootId: string, at: number): boolean {
  const record = state.conferences.get(rootId);
  if (!record || record.model.endedAt !== undefined) return false;
  markStale(record, at);
  return true;
}

/**
 * Ages out waiting orphans (O4), archived records past retention, tombstones and agent history.
 * `dropped` names the archived conferences whose records left memory: their facts can go too.
 */
export function pruneEngine(state: EngineState, now: number): { orphansDropped: number; dropped: string[] } {
  const { orphanTtlMs, archiveRetentionMs, agentHistoryMs } = state.settings;
  let orphansDropped = 0;
  const dropped: string[] = [];
  for (const [rootId, bucket] of state.pending) {
    if (now - bucket.firstSeenAt < orphanTtlMs) continue;
    orphansDropped += bucket.facts.size;
    state.stats.pending -= bucket.facts.size;
    state.pending.delete(rootId);
  }
  state.stats.orphansDropped += orphansDropped;
  // Both maps are in time order (archiving and dropping happen as the clock moves), so each sweep
  // stops at the first entry still to keep: a tick costs what expires, not what is held.
  for (const [rootId, archivedAt] of state.archived) {
    if (now - archivedAt < archiveRetentionMs) break;
    state.archived.delete(rootId);
    state.conferences.delete(rootId);
    state.tombstones.set(rootId, now);
    dropped.push(rootId);
  }
  for (const [rootId, at] of state.tombstones) {
    if (now - at <= TOMBSTONE_MS) break;
    state.tombstones.delete(rootId);
  }
  if (now - state.agentsPrunedAt < AGENT_PRUNE_EVERY_MS) return { orphansDropped, dropped };
  state.agentsPrunedAt = now;
  const known = (rootId: string) => state.conferences.has(rootId) || state.pending.has(rootId);
  for (const [arn, history] of state.agents) {
    pruneAgentHistory(history, agentHistoryMs, known);
    if (history.presence.size === 0 && history.snapshots.length <= 1) state.agents.delete(arn);
  }
  return { orphansDropped, dropped };
}

const TOMBSTONE_MS = 24 * 3_600_000;
const AGENT_PRUNE_EVERY_MS = 60_000;

/** Whether `applyEvent` would drop this event as one already seen (O1); a read-only query. */
export function isKnownEvent(state: EngineState, event: DomainEvent): boolean {
  if (event.source === 'agent') return state.agents.get(event.agentArn)?.eventIds.has(event.eventId) ?? false;
  const key = factKey(event);
  const record = state.conferences.get(event.rootId);
  if (record) return record.has(key);
  return state.pending.get(event.rootId)?.facts.has(key) ?? false;
}

/**
 * Every conference an event can change: the roots it names and, for an agent snapshot, every
 * conference the agent has been on (a contact missing from the snapshot means it left, M7). The
 * sidecar files the event under each of them in its log.
 */
export function affectedRoots(state: EngineState, event: DomainEvent): string[] {
  const roots = new Set(listEventRoots(event));
  if (event.source === 'agent') {
    for (const presence of state.agents.get(event.agentArn)?.presence.values() ?? [])
      roots.add(presence.rootId);
  }
  return [...roots];
}
