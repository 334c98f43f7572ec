import {
  archiveConference,
  createEngine,
  toConferenceCore,
  toConferenceView,
  type ConferenceRecord,
  type ConferenceView,
  type DomainEvent,
  type EngineSettings,
  type EngineState,
} from '@/lib/conference';
import { alertKey, toConferenceSummary, type AlertAck, type BoardPatch } from '@/lib/realtime';
import { pictureChangesOf } from '@/lib/reports/picture-changes';
import type { Store } from '@/server/store';
import type { StreamName } from '@/server/ingest/streams';
import type { Clock } from './clock';
import { ingestBatch, logAndApply, type IngestOutcome } from './ingest-batch';
import { createBookkeeping, forget, planTick } from './lifecycle';
import type { Metrics } from './metrics';
import { createPublisher } from './publisher';
import { replayEventLog } from './restore';
import { createSerialQueue } from './serial-queue';

export type HubSettings = {
  engine: EngineSettings;
  endedGraceMs: number;
  staleMs: number;
  coalesceMs: number;
};

export type HubDeps = {
  settings: HubSettings;
  store: Store;
  clock: Clock;
  metrics: Metrics;
  wallNow?: () => number;
  log?: (message: string) => void;
};

export type Hub = ReturnType<typeof createHub>;

/**
 * The sidecar's state and fan-out: the engine, the event log and history behind it, and the
 * coalescing publisher in front of it. Transport-free: HTTP routes and the socket server call it.
 */
export function createHub(deps: HubDeps) {
  const { settings, store, clock, metrics } = deps;
  const wallNow = deps.wallNow ?? Date.now;
  const log = deps.log ?? (() => {});
  const engine: EngineState = createEngine(settings.engine);
  const book = createBookkeeping();
  const archivedAt = new Map<string, number>();
  const lateRewrites = new Set<string>();
  const acks = new Map<string, AlertAck>();
  const patchListeners = new Set<(patch: BoardPatch) => void>();
  const serial = createSerialQueue();

  const publisher = createPublisher({
    coalesceMs: settings.coalesceMs,
    wallNow,
    clockNow: () => clock.now(),
    summarize: (id) => {
      const record = liveRecord(id);
      return record
        ? toConferenceSummary(toConferenceCore(record.model, engine.settings.longHoldMs, clock.now()))
        : undefined;
    },
    emit: (patch) => {
      for (const listener of patchListeners) listener(patch);
    },
    onLatency: (ms) => metrics.emitLatency.observe(ms / 1000),
  });

  /** A conference on the board: listed, not yet archived. */
  function liveRecord(id: string): ConferenceRecord | undefined {
    const record = engine.conferences.get(id);
    if (!record || record.archivedAt !== undefined || record.model.listedAt === undefined) return undefined;
    return record;
  }

  function liveView(id: string): ConferenceView | undefined {
    const record = liveRecord(id);
    return record && toConferenceView(record.model, engine.settings.longHoldMs, clock.now());
  }

  /** `heard`: the change came from the call's own sources (reconciliation asking about it is not news of it). */
  function onChanged(rootId: string, late: boolean, receivedAt: number, heard: boolean): void {
    if (late) {
      lateRewrites.add(rootId);
      return;
    }
    if (heard) book.lastHeard.set(rootId, clock.now());
    book.changed.add(rootId);
    publisher.markDirty(rootId, receivedAt);
  }

  const ingestDeps = (receivedAt: number, heard = true) => ({
    engine,
    store,
    metrics,
    clockNow: () => clock.now(),
    onChanged: (id: string, late: boolean) => onChanged(id, late, receivedAt, heard),
  });

  async function ingest(stream: StreamName, items: readonly unknown[]): Promise<IngestOutcome> {
    const receivedAt = wallNow();
    return serial.run(() => ingestBatch(ingestDeps(receivedAt), stream, items, receivedAt));
  }

  /** Domain events from a source that builds them itself (Amazon Connect reconciliation). */
  async function ingestEvents(source: string, events: readonly DomainEvent[]): Promise<IngestOutcome> {
    const receivedAt = wallNow();
    return serial.run(() => logAndApply(ingestDeps(receivedAt, false), source, events, receivedAt));
  }

  /** Ages conferences: grace, history, stale ends, long holds, orphans and log compaction. */
  async function tick(): Promise<void> {
    await serial.run(async () => {
      const now = clock.now();
      const plan = planTick(engine, settings, book, now);
      metrics.orphans.add({}, plan.orphansDropped);
      for (const id of plan.changed) publisher.markDirty(id);
      if (plan.toArchive.length > 0) await archive(plan.toArchive, now);
      await rewriteLate(now);
      await compact(now);
    });
  }

  async function archive(ids: string[], now: number): Promise<void> {
    const views = ids.map((id) =>
      toConferenceView(engine.conferences.get(id)!.model, engine.settings.longHoldMs, now),
    );
    // archived_at is bookkeeping in wall time (a restore compares it with the log's receipt times).
    await store.writeHistory(views, wallNow(), pictureChangesOf(engine, ids));
    metrics.historyWrites.add({}, views.length);
    for (const id of ids) {
      archiveConference(engine, id, now);
      archivedAt.set(id, now);
      forget(book, id);
      publisher.markDirty(id);
      for (const key of acks.keys()) if (key.startsWith(`${id}|`)) acks.delete(key);
    }
  }

  /** O4: late facts about archived conferences update their history record, never the board. */
  async function rewriteLate(now: number): Promise<void> {
    const views: ConferenceView[] = [];
    for (const id of lateRewrites) {
      const record = engine.conferences.get(id);
      if (record) views.push(toConferenceView(record.model, engine.settings.longHoldMs, now));
    }
    lateRewrites.clear();
    if (views.length === 0) return;
    await store.writeHistory(
      views,
      wallNow(),
      pictureChangesOf(
        engine,
        views.map((v) => v.id),
      ),
    );
    metrics.historyWrites.add({}, views.length);
  }

  async function compact(now: number): Promise<void> {
    const expired = [...archivedAt]
      .filter(([, at]) => now - at >= engine.settings.archiveRetentionMs)
      .map(([id]) => id);
    if (expired.length > 0) {
      await store.deleteEventsForRoots(expired);
      for (const id of expired) archivedAt.delete(id);
    }
    await store.deleteRootlessEventsBefore(wallNow() - engine.settings.agentHistoryMs);
  }

  /** Rebuilds the live state from the event log after a restart (kill -9 included). */
  async function restore(): Promise<{ events: number; conferences: number }> {
    const result = await replayEventLog(engine, store);
    const now = clock.now();
    for (const id of result.archived) {
      archiveConference(engine, id, now);
      archivedAt.set(id, now);
    }
    for (const [id, record] of engine.conferences) {
      if (record.archivedAt !== undefined) continue;
      book.lastHeard.set(id, now);
      book.changed.add(id);
      publisher.markDirty(id);
    }
    for (const ack of await store.listAcks([...engine.conferences.keys()])) acks.set(ackKey(ack), ack);
    publisher.flushNow();
    log(`restored ${result.events} logged events into ${publisher.publishedCount()} live conferences`);
    return { events: result.events, conferences: publisher.publishedCount() };
  }

  async function acknowledge(request: Omit<AlertAck, 'at'>): Promise<AlertAck> {
    const view = liveView(request.conferenceId);
    const alert = view?.alerts.find((a) => a.kind === request.kind && a.since === request.raisedAt);
    if (!alert)
      throw new AckError(
        `no live ${request.kind} alert raised at ${request.raisedAt} on ${request.conferenceId}`,
      );
    const ack: AlertAck = { ...request, at: new Date(clock.now()).toISOString() };
    await store.saveAck(ack);
    acks.set(ackKey(ack), ack);
    publisher.queueAck(ack);
    return ack;
  }

  return {
    engine,
    ingest,
    ingestEvents,
    tick,
    restore,
    acknowledge,
    /** The snapshot as a browser receives it (UTF-8 JSON in a binary frame). */
    encodedSnapshot: (): Uint8Array => publisher.encodedSnapshot([...acks.values()]),
    onPatch(listener: (patch: BoardPatch) => void): () => void {
      patchListeners.add(listener);
      return () => patchListeners.delete(listener);
    },
    /** Live conferences (active, and ended within the grace time when `includeEnded`). */
    listConferences(includeEnded: boolean): ConferenceView[] {
      const views: ConferenceView[] = [];
      for (const id of engine.conferences.keys()) {
        const view = liveView(id);
        if (view && (includeEnded || view.state === 'active')) views.push(view);
      }
      return views.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
    },
    /** A live conference, else its history record, else null. */
    async getConference(id: string): Promise<ConferenceView | null> {
      return liveView(id) ?? (await store.getHistory(id));
    },
    liveView,
    /**
     * What Amazon Connect reconciliation asks about: the agents on live calls, the legs of calls not
     * heard of for `quietMs`, and which call a contact id belongs to.
     */
    reconcileTargets(quietMs: number): ReconcileTargets {
      const now = clock.now();
      const agents = new Set<string>();
      const quietLegs = new Map<string, { rootId: string; contactId: string }>();
      const roots = new Map<string, string>();
      // Calls still waiting for their root (O4) are real calls too: their contacts belong to them.
      for (const [rootId, bucket] of engine.pending) {
        for (const fact of bucket.facts.values())
          if (fact.source === 'contact') roots.set(fact.contactId, rootId);
      }
      for (const [id, record] of engine.conferences) {
        if (record.archivedAt !== undefined || record.model.endedAt !== undefined) continue;
        const quiet = now - (book.lastHeard.get(id) ?? now) >= quietMs;
        for (const contactId of record.model.legs.keys()) roots.set(contactId, id);
        for (const p of record.model.participants.values()) {
          if (p.ccpOnly || p.stage === 'disconnected') continue;
          if (p.agentArn && (p.role === 'agent' || p.role === 'supervisor')) agents.add(p.agentArn);
          if (quiet) quietLegs.set(p.contactId, { rootId: id, contactId: p.contactId });
        }
      }
      return {
        agents: [...agents],
        quietLegs: [...quietLegs.values()],
        rootOf: (contactId) => roots.get(contactId),
      };
    },
    publishedSummaries: () => publisher.publishedSummaries(),
    flush: () => publisher.flushNow(),
    close(): void {
      publisher.stop();
    },
  };
}

export type ReconcileTargets = {
  agents: string[];
  quietLegs: { rootId: string; contactId: string }[];
  rootOf(contactId: string): string | undefined;
};

export class AckError extends Error {}

const ackKey = (a: AlertAck) => alertKey(a.conferenceId, a.kind, a.raisedAt);
