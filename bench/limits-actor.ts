/**
 * The limits suite's sidecar, in a process of its own so its heap is a sidecar's and nothing else's.
 * `fill` holds N live conferences (heap per conference after GC) and serves them; a second actor
 * then `restart`s on the same data directory, timing the restore from the event log, and measures
 * the heap per orphan leg on top of the restored board.
 */
import { performance } from 'node:perf_hooks';
import { parseEnv } from '@/server/env';
import { silentLogger } from '@/server/log';
import { startSidecar, type Sidecar } from '@/server/sidecar';
import { forceGc } from './force-gc';
import { buildConference, buildOrphanLeg } from './load-payloads';
import { serveActor } from './rpc';
import { BENCH_ADMIN_TOKEN, BENCH_TOKEN } from './wire';

export type FillParams = { dataDir: string; conferences: number; contactsPerConference: number };
export type FillReport = { url: string; published: number; bytesPerConference: number };
export type RestartParams = { dataDir: string; orphanLegs: number };
export type RestartReport = {
  restoreMs: number;
  restoredConferences: number;
  restoredEvents: number;
  bytesPerOrphanLeg: number;
};

const BATCH = 500;
const RUN = 'limits';
let sidecar: Sidecar | undefined;

const heapUsed = () => {
  forceGc();
  return process.memoryUsage().heapUsed;
};

function startOn(dataDir: string, orphanRoots = 10_000): Promise<Sidecar> {
  const env = parseEnv({
    SIDECAR_PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SOURCE: 'none',
    INGEST_TOKEN: BENCH_TOKEN,
    ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
    // Nothing ages out while the suite measures: orphans wait, calls stay live.
    ORPHAN_TTL_SECONDS: '86400',
    MAX_ORPHAN_ROOTS: String(Math.max(10_000, orphanRoots)),
  });
  return startSidecar(env, { log: silentLogger() });
}

async function ingestAll(target: Sidecar, items: unknown[]): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) {
    const outcome = await target.hub.ingest.ingestRaw('contact-events', items.slice(i, i + BATCH));
    if (outcome.rejected.length > 0) throw new Error(`ingest rejected: ${outcome.rejected[0]!.reason}`);
  }
}

async function fill(params: FillParams): Promise<FillReport> {
  sidecar = await startOn(params.dataDir);
  const empty = heapUsed();
  const startedAt = Date.now() - 60_000;
  const items: unknown[] = [];
  for (let n = 0; n < params.conferences; n++)
    items.push(...buildConference(RUN, n, params.contactsPerConference, startedAt + n));
  await ingestAll(sidecar, items);
  items.length = 0;
  sidecar.hub.board.flushNow();
  const published = sidecar.hub.board.publishedSummaries().length;
  return { url: sidecar.url, published, bytesPerConference: (heapUsed() - empty) / params.conferences };
}

async function restart(params: RestartParams): Promise<RestartReport> {
  const started = performance.now();
  sidecar = await startOn(params.dataDir, params.orphanLegs);
  const restoreMs = performance.now() - started;
  const restoredConferences = sidecar.hub.board.publishedSummaries().length;
  const restoredEvents = await sidecar.store.eventLogSize();
  const before = heapUsed();
  const at = Date.now() - 30_000;
  await ingestAll(
    sidecar,
    Array.from({ length: params.orphanLegs }, (_, n) => buildOrphanLeg(RUN, n, at + n)),
  );
  const bytesPerOrphanLeg = (heapUsed() - before) / params.orphanLegs;
  return { restoreMs, restoredConferences, restoredEvents, bytesPerOrphanLeg };
}

async function close(): Promise<void> {
  await sidecar?.close();
  sidecar = undefined;
}

serveActor(
  {
    ready: () => true,
    fill: (p: FillParams) => fill(p),
    restart: (p: RestartParams) => restart(p),
    close,
  },
  close,
);
