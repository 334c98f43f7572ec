import {
  affectedRoots,
  applyEvent,
  isKnownEvent,
  type DomainEvent,
  type EngineState,
} from '@/lib/conference';
import type { EventLogEntry, Store } from '@/server/store';
import { NORMALIZERS, type StreamName } from '@/server/ingest/streams';
import type { Metrics } from './metrics';

export type Rejection = { index: number; reason: string };
export type IngestOutcome = { accepted: number; duplicates: number; rejected: Rejection[] };

export type IngestDeps = {
  engine: EngineState;
  store: Store;
  metrics: Metrics;
  clockNow: () => number;
  ingestWindowMs: number;
  /** Called for every conference an applied event changed; `late` for ones already in history. */
  onChanged: (rootId: string, late: boolean) => void;
};

/**
 * One ingest request: validate and normalize every item (a bad item is rejected alone, O5), file the
 * new events durably in the event log, then apply them. Only after both does the caller answer 202,
 * so nothing acknowledged is lost.
 */
export async function ingestBatch(
  deps: IngestDeps,
  stream: StreamName,
  items: readonly unknown[],
  receivedAt: number,
): Promise<IngestOutcome> {
  const rejected: Rejection[] = [];
  const events: DomainEvent[] = [];
  let ignored = 0;
  items.forEach((item, index) => {
    const normalized = NORMALIZERS[stream](item, { now: deps.clockNow(), windowMs: deps.ingestWindowMs });
    if (normalized.kind === 'rejected') rejected.push({ index, reason: normalized.reason });
    else if (normalized.kind === 'ignored') ignored += 1;
    else events.push(normalized.event);
  });
  const outcome = await logAndApply(deps, stream, events, receivedAt);
  outcome.accepted += ignored;
  outcome.rejected = rejected;
  deps.metrics.events.add({ source: stream, outcome: 'accepted' }, ignored);
  deps.metrics.events.add({ source: stream, outcome: 'rejected' }, rejected.length);
  return outcome;
}

/**
 * Files new domain events in the event log, then applies them: the path every source ends on
 * (raw ingest after normalization, and sources that produce domain events themselves).
 */
export async function logAndApply(
  deps: IngestDeps,
  source: string,
  events: readonly DomainEvent[],
  receivedAt: number,
): Promise<IngestOutcome> {
  const outcome: IngestOutcome = { accepted: 0, duplicates: 0, rejected: [] };
  const fresh: DomainEvent[] = [];
  const inBatch = new Set<string>();
  for (const event of events) {
    const key = `${event.source}|${event.eventId}`;
    if (inBatch.has(key) || isKnownEvent(deps.engine, event)) {
      outcome.duplicates += 1;
      continue;
    }
    if (isTombstoned(deps.engine, event)) {
      // O4: too late even to update the history record; counted, never brought back to life.
      deps.engine.stats.lateDropped += 1;
      outcome.accepted += 1;
      continue;
    }
    inBatch.add(key);
    fresh.push(event);
  }

  const entries: EventLogEntry[] = fresh.map((event) => ({
    roots: affectedRoots(deps.engine, event),
    receivedAt,
    event,
  }));
  if (entries.length > 0) await deps.store.appendEvents(entries);

  const now = deps.clockNow();
  for (const event of fresh) {
    const result = applyEvent(deps.engine, event, now);
    if (result.outcome === 'duplicate') outcome.duplicates += 1;
    else outcome.accepted += 1;
    for (const rootId of result.changed) deps.onChanged(rootId, result.outcome === 'late');
  }
  deps.metrics.events.add({ source, outcome: 'accepted' }, outcome.accepted);
  deps.metrics.events.add({ source, outcome: 'duplicate' }, outcome.duplicates);
  return outcome;
}

/** Facts for a conference whose record is gone from memory change nothing: not worth logging. */
function isTombstoned(engine: EngineState, event: DomainEvent): boolean {
  if (event.source === 'agent') return false;
  return engine.tombstones.has(event.rootId);
}
