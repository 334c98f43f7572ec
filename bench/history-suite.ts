import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { listEventRoots, type ConferenceView } from '@/lib/conference';
import { openStore, type Store, type StoreConfig } from '@/server/store';
import { sampleBusiestCentre, type CentreSample } from './history-sample';
import type { HistoryResult } from './results';
import { createScratchDatabase } from '@/scripts/test-helpers/scratch-database';
import { perSecond } from './stats';

export type HistorySuiteOptions = {
  sampleMinutes: number;
  warmupMinutes: number;
  measureMs: number;
  adminDatabaseUrl: string;
  /** The busiest centre's end rate measured on the engine suite's longer stream, when it ran. */
  centreEndsPerSec?: number;
  log: (line: string) => void;
};

/** The hub archives once per tick, in one `writeHistory` call: a write holds one tick's endings. */
const HUB_TICK_SECONDS = 1;
const LIVE_SLICE_MS = 100;
const SCALE = 10;

/**
 * History records written per second while the event log takes live traffic, on SQLite and on
 * PostgreSQL, against ten times the busiest centre: its endings arrive one tick's worth per write,
 * and its raw events (also ×10) are appended alongside, as the hub does.
 */
export async function runHistorySuite(options: HistorySuiteOptions): Promise<HistoryResult> {
  const sample = sampleBusiestCentre(options.sampleMinutes, options.warmupMinutes);
  if (sample.ended.length === 0) throw new Error('the centre sample ended no conference');
  const endsPerSec = options.centreEndsPerSec ?? sample.endsPerSec;
  const targetWritesPerSec = Math.ceil(endsPerSec * SCALE);
  const recordsPerWrite = Math.max(1, Math.ceil(targetWritesPerSec * HUB_TICK_SECONDS));
  const liveEventsPerSec = Math.round(sample.eventsPerSec * SCALE);
  options.log(
    `history: ${sample.ended.length} ended conferences sampled; ${recordsPerWrite} per write, ${liveEventsPerSec} live events/s alongside`,
  );
  const measure = (config: StoreConfig) =>
    measureStore(config, sample, recordsPerWrite, liveEventsPerSec, options.measureMs);

  const dataDir = mkdtempSync(join(tmpdir(), 'confwatch-bench-history-'));
  let sqliteWritesPerSec: number;
  try {
    sqliteWritesPerSec = await measure({ kind: 'sqlite', dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const scratch = await createScratchDatabase(options.adminDatabaseUrl, 'confwatch_bench');
  let postgresWritesPerSec: number;
  try {
    postgresWritesPerSec = await measure({ kind: 'postgres', databaseUrl: scratch.url });
  } finally {
    await scratch.drop();
  }
  return {
    sqliteWritesPerSec: Math.round(sqliteWritesPerSec),
    postgresWritesPerSec: Math.round(postgresWritesPerSec),
    busiestCentreEndsPerSec: Math.round(endsPerSec * 100) / 100,
    targetWritesPerSec,
    recordsPerWrite,
    liveEventsPerSec,
  };
}

async function measureStore(
  config: StoreConfig,
  sample: CentreSample,
  recordsPerWrite: number,
  liveEventsPerSec: number,
  measureMs: number,
): Promise<number> {
  const store = await openStore(config);
  try {
    const live = startLiveTraffic(store, sample, liveEventsPerSec);
    const started = performance.now();
    let written = 0;
    let copy = 0;
    while (performance.now() - started < measureMs) {
      const views: ConferenceView[] = [];
      for (let i = 0; i < recordsPerWrite; i++, copy++) {
        const view = sample.ended[copy % sample.ended.length]!;
        // Each write is a new conference, as in production: an insert, never an update of a row.
        views.push({ ...view, id: `${view.id}#${copy}` });
      }
      await store.writeHistory(views, Date.now());
      written += views.length;
      // SQLite's store answers synchronously: without a turn of the loop the live traffic never runs.
      await yieldToLoop();
    }
    const elapsed = performance.now() - started;
    await live.stop();
    return perSecond(written, elapsed);
  } finally {
    await store.close();
  }
}

/** Appends the sample's events to the event log at `perSec`, a slice every 100 ms, until stopped. */
function startLiveTraffic(store: Store, sample: CentreSample, perSec: number) {
  const perSlice = Math.max(1, Math.round((perSec * LIVE_SLICE_MS) / 1000));
  let next = 0;
  let pending = Promise.resolve();
  let failure: unknown;
  const timer = setInterval(() => {
    const entries = Array.from({ length: perSlice }, () => {
      const event = sample.events[next++ % sample.events.length]!;
      return { roots: listEventRoots(event), receivedAt: Date.now(), event };
    });
    pending = pending
      .then(() => store.appendEvents(entries))
      .catch((error: unknown) => void (failure ??= error));
  }, LIVE_SLICE_MS);
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      if (failure) throw failure;
    },
  };
}
