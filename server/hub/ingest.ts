import {
  affectedRoots,
  applyEvent,
  countRefusal,
  createBatchAdmission,
  isKnownEvent,
  isTombstoned,
  listEventRoots,
  type DomainEvent,
  type RefusalReason,
} from '@/lib/conference';
import { NORMALIZERS, type StreamName } from '@/server/ingest/streams';
import { StoreInputError, type EventLogEntry, type Store } from '@/server/store';
import type { LiveState } from './live-state';
import type { Metrics } from './metrics';

export type Rejection = { index: number; reason: string };
export type IngestOutcome = { accepted: number; duplicates: number; rejected: Rejection[] };

/** What applying an event changed: `late` for conferences already in history (O4). */
export type ChangeListener = (
  rootId: string,
  change: { late: boolean; receivedAt: number; heard: boolean },
) => void;

export type Ingest = {
  /** Raw items of one stream (one HTTP request, one simulator or replay batch). */
  ingestRaw(stream: StreamName, items: readonly unknown[]): Promise<IngestOutcome>;
  /** Domain events from a source that builds them itself (Amazon Connect reconciliation). */
  ingestEvents(source: string, events: readonly DomainEvent[]): Promise<IngestOutcome>;
};

/**
 * Ingest: validate and normalize every item (a bad item is rejected alone, O5), file the new events
 * durably in the event log, then apply them. Only after both does the caller answer 202, so nothing
 * acknowledged is lost. An item the log refuses as input is rejected alone too; only a log that
 * cannot be written fails the batch. Batches run one at a time, in arrival order (see serial-queue).
 */
export function createIngest(deps: {
  state: LiveState;
  store: Pick<Store, 'appendEvents'>;
  metrics: Metrics;
  /** How far from the sidecar clock a source time may lie (see normalize-context). */
  windowMs: number;
  clockNow: () => number;
  wallNow: () => number;
  onChanged: ChangeListener;
  onFault: (id: string, stage: string, error: unknown) => void;
}): Ingest {
  const { state, metrics } = deps;

  /** L1: why an event that would start something new is refused, in words for the sender. */
  const REFUSED: Record<RefusalReason, string> = {
    'live-conferences': `refused: ${state.engine.settings.maxLiveConferences} live conferences are held (MAX_LIVE_CONFERENCES); new calls are refused until some end`,
    'pending-roots': `refused: ${state.engine.settings.maxPendingRoots} calls already wait for their first contact event (MAX_ORPHAN_ROOTS)`,
  };

  async function logAndApply(
    source: string,
    events: readonly { event: DomainEvent; index: number }[],
    receivedAt: number,
    heard: boolean,
  ): Promise<IngestOutcome> {
    const outcome: IngestOutcome = { accepted: 0, duplicates: 0, rejected: [] };
    let fresh: { event: DomainEvent; index: number }[] = [];
    const inBatch = new Set<string>();
    const now = deps.clockNow();
    const admit = createBatchAdmission(state.engine);
    for (const { event, index } of events) {
      const key = `${event.source}|${event.eventId}`;
      if (inBatch.has(key) || isKnownEvent(state.engine, event)) {
        outcome.duplicates += 1;
        continue;
      }
      const admission = admit(event);
      if (!admission.ok) {
        countRefusal(state.engine, admission.reason);
        metrics.refusals.inc({ reason: admission.reason, source });
        outcome.rejected.push({ index, reason: REFUSED[admission.reason] });
      } else if (isTombstoned(state.engine, event)) {
        // O4: too late even to update the history record; the engine counts it, nothing is logged.
        applyEvent(state.engine, event, now);
        outcome.accepted += 1;
      } else {
        inBatch.add(key);
        fresh.push({ event, index });
      }
    }

    const entries: EventLogEntry[] = fresh.map(({ event }) => ({
      roots: affectedRoots(state.engine, event),
      receivedAt,
      event,
    }));
    const refused = await fileInLog(entries);
    if (refused.size > 0) {
      fresh.forEach(({ index }, i) => {
        const reason = refused.get(i);
        if (reason !== undefined) outcome.rejected.push({ index, reason });
      });
      fresh = fresh.filter((_, i) => !refused.has(i));
    }

    for (const { event } of fresh) {
      try {
        const result = applyEvent(state.engine, event, now);
        if (result.outcome === 'duplicate') outcome.duplicates += 1;
        else outcome.accepted += 1;
        for (const rootId of result.changed)
          deps.onChanged(rootId, { late: result.outcome === 'late', receivedAt, heard });
      } catch (error) {
        // Logged and acknowledged, but the engine could not take it: contained to its calls.
        outcome.accepted += 1;
        for (const rootId of listEventRoots(event)) deps.onFault(rootId, 'apply', error);
      }
    }
    metrics.events.inc({ outcome: 'accepted', source }, outcome.accepted);
    metrics.events.inc({ outcome: 'duplicate', source }, outcome.duplicates);
    return outcome;
  }

  /**
   * Files the entries in one write. Should the log refuse the batch's input (an event past what it
   * holds, which the edge ought to have caught), it files them one by one instead, so only the
   * refused ones are left out: resolves with their positions and why. A log that cannot be written
   * at all throws, and the caller answers 503.
   */
  async function fileInLog(entries: readonly EventLogEntry[]): Promise<Map<number, string>> {
    const refused = new Map<number, string>();
    if (entries.length === 0) return refused;
    try {
      await deps.store.appendEvents(entries);
      return refused;
    } catch (error) {
      if (!(error instanceof StoreInputError)) throw error;
    }
    for (const [i, entry] of entries.entries()) {
      try {
        await deps.store.appendEvents([entry]);
      } catch (error) {
        if (!(error instanceof StoreInputError)) throw error;
        // The store names the call and the entry's place in it; the sender needs only the field.
        refused.set(i, `refused by the event log: ${error.message.replace(/^appendEvents: 0\./, '')}`);
      }
    }
    return refused;
  }

  return {
    ingestRaw(stream, items) {
      const receivedAt = deps.wallNow();
      return state.serial.run(async () => {
        const rejected: Rejection[] = [];
        const events: { event: DomainEvent; index: number }[] = [];
        let ignored = 0;
        const context = { now: deps.clockNow(), windowMs: deps.windowMs };
        items.forEach((item, index) => {
          const normalized = NORMALIZERS[stream](item, context);
          if (normalized.kind === 'rejected') rejected.push({ index, reason: normalized.reason });
          else if (normalized.kind === 'ignored') ignored += 1;
          else events.push({ event: normalized.event, index });
        });
        const outcome = await logAndApply(stream, events, receivedAt, true);
        outcome.accepted += ignored;
        outcome.rejected = [...rejected, ...outcome.rejected].sort((a, b) => a.index - b.index);
        metrics.events.inc({ outcome: 'accepted', source: stream }, ignored);
        metrics.events.inc({ outcome: 'rejected', source: stream }, outcome.rejected.length);
        return outcome;
      });
    },
    ingestEvents(source, events) {
      const receivedAt = deps.wallNow();
      return state.serial.run(async () => {
        const outcome = await logAndApply(
          source,
          events.map((event, index) => ({ event, index })),
          receivedAt,
          false,
        );
        outcome.rejected.sort((a, b) => a.index - b.index);
        metrics.events.inc({ outcome: 'rejected', source }, outcome.rejected.length);
        return outcome;
      });
    },
  };
}
