import { reconcileTargets, type EngineSettings, type ReconcileTargets } from '@/lib/conference';
import type { Store } from '@/server/store';
import type { Logger } from '@/server/log';
import { createAcks, type Acks } from './acks';
import type { Clock } from './clock';
import { createIngest, type Ingest } from './ingest';
import { createLifecycle, type Lifecycle } from './lifecycle';
import { createLiveState, forget } from './live-state';
import type { Metrics } from './metrics';
import { createPublisher, type Publisher } from './publisher';
import { createReadModel, type ReadModel } from './read-model';
import { createWallboardMask } from './wallboard-mask';

export type HubSettings = {
  engine: EngineSettings;
  endedGraceMs: number;
  staleMs: number;
  coalesceMs: number;
  /** How far from the sidecar clock a source time may lie (see normalize-context). */
  ingestWindowMs: number;
};

export type HubDeps = {
  settings: HubSettings;
  store: Store;
  clock: Clock;
  metrics: Metrics;
  log: Logger;
  wallNow?: () => number;
};

/** What Amazon Connect reconciliation needs: what to ask about, and where to put the answers. */
export type Reconciliation = {
  targets(quietMs: number): ReconcileTargets;
  ingestEvents: Ingest['ingestEvents'];
};

/** The hub's parts, each with its own small interface; routes and sockets get only what they use. */
export type Hub = {
  ingest: Ingest;
  lifecycle: Lifecycle;
  readModel: ReadModel;
  acks: Acks;
  board: Pick<Publisher, 'feed' | 'flushNow' | 'publishedSummaries' | 'feedCount'>;
  reconciliation: Reconciliation;
  /** Conferences taken off the board after an unexpected error, with what went wrong. */
  attention(): ReadonlyMap<string, string>;
  /** Restores from the log and loads the acknowledgements; the board is published before it resolves. */
  start(): Promise<{ events: number; conferences: number; quarantined: number }>;
  close(): void;
};

/**
 * The sidecar's state and fan-out, wired from its parts: ingest (validate, log, apply), lifecycle
 * (ticks: endings, archive, compaction; restore), the read model (what routes and sockets read),
 * acknowledgements, and the board publisher. Transport-free: HTTP routes and the socket server
 * call the parts.
 */
export function createHub(deps: HubDeps): Hub {
  const { settings, store, clock, metrics, log } = deps;
  const wallNow = deps.wallNow ?? Date.now;
  const state = createLiveState(settings.engine);
  const clockNow = () => clock.now();

  function onFault(id: string, stage: string, error: unknown): void {
    metrics.faults.inc({ stage });
    if (state.attention.has(id)) return;
    const reason = `${stage}: ${error instanceof Error ? error.message : String(error)}`;
    state.attention.set(id, reason);
    metrics.needingAttention.set(state.attention.size);
    forget(state.book, id);
    log.error({ conferenceId: id, stage, err: error }, 'conference needs attention: taken off the board');
    publisher.markDirty(id);
  }

  const readModel = createReadModel({
    state,
    store,
    longHoldMs: settings.engine.longHoldMs,
    clockNow,
    onFault,
  });
  const publisher: Publisher = createPublisher({
    coalesceMs: settings.coalesceMs,
    wallNow,
    clockNow,
    summarize: (id) => readModel.summary(id),
    inScope: (id, scope) => readModel.inScope(id, scope),
    mask: createWallboardMask(),
    onLatency: (ms) => metrics.emitLatency.observe(ms / 1000),
  });
  const acks = createAcks({ store, readModel, clockNow, onAck: (ack) => publisher.queueAck(ack) });
  const ingest = createIngest({
    state,
    store,
    metrics,
    windowMs: settings.ingestWindowMs,
    clockNow,
    wallNow,
    onFault,
    onChanged(rootId, change) {
      if (change.late) return void state.book.lateRewrites.add(rootId);
      if (change.heard) state.book.lastHeard.set(rootId, clock.now());
      state.book.changed.add(rootId);
      publisher.markDirty(rootId, change.receivedAt);
    },
  });
  const lifecycle = createLifecycle({
    state,
    store,
    metrics,
    settings,
    clockNow,
    wallNow,
    onFault,
    republish: (id) => publisher.markDirty(id),
    onArchived: (id) => acks.forget(id),
  });

  return {
    ingest,
    lifecycle,
    readModel,
    acks,
    board: publisher,
    reconciliation: {
      targets(quietMs) {
        const now = clock.now();
        return reconcileTargets(state.engine, (id) => now - (state.book.lastHeard.get(id) ?? now) >= quietMs);
      },
      ingestEvents: ingest.ingestEvents,
    },
    attention: () => state.attention,
    async start() {
      const restored = await lifecycle.restore();
      await acks.load(restored.conferences);
      metrics.quarantined.set(await store.quarantineSize());
      publisher.flushNow();
      const conferences = publisher.publishedCount();
      log.info(
        { events: restored.events, conferences, quarantined: restored.quarantined },
        `restored ${restored.events} logged events into ${conferences} live conferences`,
      );
      return { events: restored.events, conferences, quarantined: restored.quarantined };
    },
    close: () => publisher.stop(),
  };
}
