import { archiveConference, type EngineSettings, type EngineState } from '@/lib/conference';
import { parseEnv } from '@/server/env';
import { hubSettingsFromEnv } from '@/server/hub/hub-settings';
import { ageConferences, type LifecycleSettings } from '@/server/hub/aging';
import { createLiveState, forget } from '@/server/hub/live-state';
import { BENCH_TOKEN } from './wire';

/**
 * The engine and lifecycle settings a sidecar runs with on its defaults, so the engine benchmark
 * ages conferences as production does.
 */
export function defaultHubSettings(): { engine: EngineSettings; lifecycle: LifecycleSettings } {
  const { engine, endedGraceMs, staleMs } = hubSettingsFromEnv(parseEnv({ INGEST_TOKEN: BENCH_TOKEN }));
  return { engine, lifecycle: { endedGraceMs, staleMs } };
}

/**
 * The hub's per-tick lifecycle without its I/O: plan, archive what is due (the history write is the
 * history suite's business) and forget the bookkeeping of archived conferences, as the hub's lifecycle does.
 */
export function createLifecycle(engine: EngineState, settings: LifecycleSettings) {
  const bookkeeping = createLiveState(engine.settings).book;
  const lifecycle = {
    /** A conference an applied event changed, as the hub's ingest records it. */
    heard(rootId: string, now: number): void {
      bookkeeping.lastHeard.set(rootId, now);
      bookkeeping.changed.add(rootId);
    },
    /** Plans one tick (the engine is aged in place); returns the conferences due for history. */
    duePlan(now: number): string[] {
      return ageConferences(engine, settings, bookkeeping, now).toArchive;
    },
    archive(ids: readonly string[], now: number): void {
      for (const id of ids) {
        archiveConference(engine, id, now);
        forget(bookkeeping, id);
      }
    },
  };
  return {
    ...lifecycle,
    /** Runs one tick; returns how many conferences went to history. */
    tick(now: number): number {
      const due = lifecycle.duePlan(now);
      lifecycle.archive(due, now);
      return due.length;
    },
  };
}
