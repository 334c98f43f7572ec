import { archiveConference, conferenceView, liveRecords, type ConferenceView } from '@/lib/conference';
import { pictureChangesOf } from '@/lib/reports/picture-changes';
import type { Store } from '@/server/store';
import { ageConferences, type LifecycleSettings } from './aging';
import { forget, type LiveState } from './live-state';
import type { Metrics } from './metrics';
import { replayEventLog, type RestoreResult } from './restore';

export type Lifecycle = {
  /** Ages conferences: grace, history, stale ends, long holds, orphans and log compaction. */
  tick(): Promise<void>;
  /** Rebuilds the live state from the event log after a restart (kill -9 included). */
  restore(): Promise<RestoreResult & { conferences: string[] }>;
};

/**
 * The duties that write on a timer. With several sidecars only one of them (the leader) will run
 * these; everything else reads what they leave behind.
 */
export function createLifecycle(deps: {
  state: LiveState;
  store: Pick<
    Store,
    | 'writeHistory'
    | 'deleteEventsForRoots'
    | 'deleteRootlessEventsBefore'
    | 'readEventLog'
    | 'quarantineEvent'
    | 'listArchivedIdsSince'
  >;
  metrics: Metrics;
  settings: LifecycleSettings;
  clockNow: () => number;
  wallNow: () => number;
  /** The conference's board picture may have changed: the publisher looks again. */
  republish: (id: string) => void;
  onFault: (id: string, stage: string, error: unknown) => void;
  /** Called once an archived conference is off the board (its acknowledgements can go). */
  onArchived: (id: string) => void;
}): Lifecycle {
  const { state, store, metrics } = deps;
  const { engine, book } = state;

  function guard(id: string, run: () => void): void {
    if (state.attention.has(id)) return;
    try {
      run();
    } catch (error) {
      forget(book, id);
      deps.onFault(id, 'lifecycle', error);
    }
  }

  /** Each conference's history view, built where it can be; one that cannot is left out. */
  function historyViews(ids: Iterable<string>, now: number): ConferenceView[] {
    const views: ConferenceView[] = [];
    for (const id of ids) {
      guard(id, () => {
        const view = conferenceView(engine, id, now);
        if (view) views.push(view);
      });
    }
    return views;
  }

  /** What a replay needs beyond the views (mute before the first report, monitor modes); best effort. */
  function pictureChanges(views: readonly ConferenceView[]) {
    try {
      return pictureChangesOf(
        engine,
        views.map((v) => v.id),
      );
    } catch (error) {
      deps.onFault(views[0]?.id ?? '(history)', 'replay-picture', error);
      return undefined;
    }
  }

  async function archive(ids: readonly string[], now: number): Promise<void> {
    const views = historyViews(ids, now);
    // archived_at is bookkeeping in wall time (a restore compares it with the log's receipt times).
    await store.writeHistory(views, deps.wallNow(), pictureChanges(views));
    metrics.historyWrites.inc(views.length);
    for (const view of views) {
      archiveConference(engine, view.id, now);
      forget(book, view.id);
      deps.republish(view.id);
      deps.onArchived(view.id);
    }
  }

  /** O4: late facts about archived conferences update their history record, never the board. */
  async function rewriteLate(now: number): Promise<void> {
    const views = historyViews(book.lateRewrites, now);
    book.lateRewrites.clear();
    if (views.length === 0) return;
    await store.writeHistory(views, deps.wallNow(), pictureChanges(views));
    metrics.historyWrites.inc(views.length);
  }

  return {
    async tick() {
      await state.serial.run(async () => {
        const now = deps.clockNow();
        const aged = ageConferences(engine, deps.settings, book, now, guard);
        metrics.orphans.inc(aged.orphansDropped);
        for (const id of aged.changed) deps.republish(id);
        if (aged.toArchive.length > 0) await archive(aged.toArchive, now);
        await rewriteLate(now);
        if (aged.dropped.length > 0) await store.deleteEventsForRoots(aged.dropped);
        await store.deleteRootlessEventsBefore(deps.wallNow() - engine.settings.agentHistoryMs);
      });
    },
    async restore() {
      const result = await replayEventLog(engine, store, deps.wallNow());
      const now = deps.clockNow();
      for (const id of result.archived) archiveConference(engine, id, now);
      for (const id of result.damaged)
        deps.onFault(id, 'restore', new Error('a logged event of it could not be restored (quarantined)'));
      const conferences: string[] = [];
      for (const { id } of liveRecords(engine)) {
        book.lastHeard.set(id, now);
        book.changed.add(id);
        deps.republish(id);
        conferences.push(id);
      }
      return { ...result, conferences };
    },
  };
}
