import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { EnvSchema } from '@/server/env';
import type { FillParams, FillReport, RestartParams, RestartReport } from './limits-actor';
import type { LoadParams, LoadReport } from './limits-load';
import type { LatencySummary, LimitsResult } from './results';
import { startActor, type Actor } from './rpc';
import { percentile } from './stats';
import { BENCH_ADMIN_TOKEN } from './wire';

export type LimitsSuiteOptions = {
  conferences: number;
  contactsPerConference: number;
  orphanLegs: number;
  /** Parallel readers of the largest page. */
  readers: number;
  /** Socket clients each asking for a resync every `resyncEveryMs`. */
  resyncClients: number;
  resyncEveryMs: number;
  idleMs: number;
  measureMs: number;
  log: (line: string) => void;
};

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
/** The largest page `GET /api/conferences` answers: API_MAX_PAGE's default. */
const API_MAX_PAGE = EnvSchema.shape.API_MAX_PAGE.parse(undefined);
/** Time between two /healthz probes: a load balancer asks far less often; this samples densely. */
const PROBE_GAP_MS = 20;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** /healthz answered one after another for `ms`, each timed from request to the last byte. */
async function probeHealthz(url: string, ms: number): Promise<LatencySummary> {
  const samples: number[] = [];
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const started = performance.now();
    const res = await fetch(`${url}/healthz`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
    samples.push(performance.now() - started);
    await sleep(PROBE_GAP_MS);
  }
  return {
    samples: samples.length,
    p50Ms: round1(percentile(samples, 50)),
    p99Ms: round1(percentile(samples, 99)),
    maxMs: round1(percentile(samples, 100)),
  };
}

/**
 * What the limits of issue 9 cost and buy, each in a process of its own: the heap per live
 * conference and per orphan leg (after GC, divided), the time a restarted sidecar takes to restore
 * N live conferences from its event log, and /healthz latency (idle, then while readers fetch the
 * largest page of GET /api/conferences back to back and socket clients flood resyncs).
 */
export async function runLimitsSuite(options: LimitsSuiteOptions): Promise<LimitsResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'confwatch-bench-limits-'));
  const actors: Actor[] = [];
  const start = (file: string) => {
    const actor = startActor(here(file));
    actors.push(actor);
    return actor;
  };
  try {
    // All three load their modules at once (seconds each); each waits until it is called.
    const server = start('./limits-actor.ts');
    const load = start('./limits-load.ts');
    const restarted = start('./limits-actor.ts');
    const filled = await server.call<FillReport>('fill', {
      dataDir,
      conferences: options.conferences,
      contactsPerConference: options.contactsPerConference,
    } satisfies FillParams);
    if (filled.published !== options.conferences)
      throw new Error(`the sidecar published ${filled.published} of ${options.conferences} conferences`);
    options.log(`limits: ${filled.published} conferences, ${Math.round(filled.bytesPerConference)} B each`);

    // Nothing else starts up while /healthz is timed.
    await Promise.all([load.call('ready'), restarted.call('ready')]);
    const idle = await probeHealthz(filled.url, options.idleMs);
    await load.call('start', {
      url: filled.url,
      token: BENCH_ADMIN_TOKEN,
      pageSize: API_MAX_PAGE,
      readers: options.readers,
      resyncClients: options.resyncClients,
      resyncEveryMs: options.resyncEveryMs,
    } satisfies LoadParams);
    const underLoad = await probeHealthz(filled.url, options.measureMs);
    const served = await load.call<LoadReport>('stop');
    if (served.lists === 0 || served.snapshots === 0 || served.failedLists > 0)
      throw new Error(`the load did not run: ${JSON.stringify(served)}`);
    options.log(
      `limits: /healthz p99 ${idle.p99Ms} ms idle, ${underLoad.p99Ms} ms under ${served.lists} pages and ${served.snapshots} snapshots`,
    );
    await load.stop();
    await server.call('close');
    await server.stop();

    const restore = await restarted.call<RestartReport>('restart', {
      dataDir,
      orphanLegs: options.orphanLegs,
    } satisfies RestartParams);
    if (restore.restoredConferences !== options.conferences)
      throw new Error(
        `the restart restored ${restore.restoredConferences} of ${options.conferences} conferences`,
      );
    options.log(
      `limits: restored ${restore.restoredConferences} conferences in ${Math.round(restore.restoreMs)} ms`,
    );
    await restarted.call('close');

    return {
      conferences: options.conferences,
      contactsPerConference: options.contactsPerConference,
      orphanLegs: options.orphanLegs,
      bytesPerConference: Math.round(filled.bytesPerConference),
      bytesPerOrphanLeg: Math.round(restore.bytesPerOrphanLeg),
      restoreMs: Math.round(restore.restoreMs),
      restoredConferences: restore.restoredConferences,
      restoredEvents: restore.restoredEvents,
      pageSize: API_MAX_PAGE,
      readers: options.readers,
      resyncClients: options.resyncClients,
      healthzIdle: idle,
      healthzUnderLoad: underLoad,
      pagesServed: served.lists,
      pageMbServed: round1(served.listBytes / 1e6),
      snapshotsServed: served.snapshots,
      resyncsAsked: served.resyncsSent,
    };
  } finally {
    for (const actor of actors.reverse()) await actor.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
