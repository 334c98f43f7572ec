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
  const outcome: IngestOutcome = { accepted: 0, duplicates: 0, rejected: [] };
  const fresh: DomainEvent[] = [];
  const inBatch = new Set<string>();
  items.forEach((item, index) => {
    const normalized = NORMALIZERS[stream](item);
    if (normalized.kind === 'rejected') {
      outcome.rejected.push({ index, reason: normalized.reason });
      return;
    }
    if (normalized.kind === 'ignored') {
      outcome.accepted += 1;
      return;
    }
    const { event } = normalized;
    const key = `${event.source}|${event.eventId}`;
    if (inBatch.has(key) || isKnownEvent(deps.engine, event)) {
      outcome.duplicates += 1;
      return;
    }
    if (isTombstoned(deps.engine, event)) {
      // O4: too late even to update the history record; counted, never brought back to life.
      deps.engine.stats.lateDropped += 1;
      outcome.accepted += 1;
      return;
    }
    inBatch.add(key);
    fresh.push(event);
  });

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
  deps.metrics.events.add({ source: stream, outcome: 'accepted' }, outcome.accepted);
  deps.metrics.events.add({ source: stream, outcome: 'duplicate' }, outcome.duplicates);
  deps.metrics.events.add({ source: stream, outcome: 'rejected' }, outcome.rejected.length);
  return outcome;
}

/** Facts for a conference whose record is gone from memory change nothing: not worth logging. */
function isTombstoned(engine: EngineState, event: DomainEvent): boolean {
  if (event.source === 'agent') return false;
  return engine.tombstones.has(event.rootId);
}
