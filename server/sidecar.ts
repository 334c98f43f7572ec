import type { AddressInfo } from 'node:net';
import { openStore, type Store } from '@/server/store';
import type { Env } from './env';
import { createClock, type Clock } from './hub/clock';
import { refreshGauges } from './hub/gauges';
import { createHub, type Hub } from './hub/hub';
import { hubSettingsFromEnv } from './hub/hub-settings';
import { createMetrics } from './hub/metrics';
import { createHttpApp } from './http/app';
import { registerConferenceRoutes } from './http/routes/conferences';
import { registerConfigRoutes } from './http/routes/config';
import { registerFirehoseRoutes } from './http/routes/firehose';
import { registerHealthRoutes } from './http/routes/health';
import { registerIngestRoutes } from './http/routes/ingest';
import { HttpError } from './http/http-error';
import { parseBoundedJson } from './ingest/bounded-json';
import { decodeFirehoseRecord } from './ingest/decode-firehose-record';
import { createLogger, type Logger } from './log';
import { attachSocketServer } from './socket/socket-server';

export type Sidecar = {
  /** Adds a section to /healthz (e.g. Amazon Connect reconciliation status). */
  registerHealth(name: string, report: () => unknown): void;
  url: string;
  port: number;
  hub: Hub;
  store: Store;
  clock: Clock;
  log: Logger;
  close(): Promise<void>;
};

/** Deep enough for any batch of items (each is held to 64 levels), shallow enough to refuse a bomb. */
const BATCH_MAX_DEPTH = 100_000;

export type SidecarOptions = { log?: Logger; tickMs?: number; wallNow?: () => number };

/**
 * Opens the store, restores live state from the event log, and serves HTTP and Socket.IO on one
 * port. Sources (the simulator, a replay) are started by the caller against `url`/`hub`.
 */
export async function startSidecar(env: Env, options: SidecarOptions = {}): Promise<Sidecar> {
  const log = options.log ?? createLogger({ level: env.LOG_LEVEL, name: 'confwatch-sidecar' });
  const store = await openStore(
    env.DATABASE_URL
      ? { kind: 'postgres', databaseUrl: env.DATABASE_URL }
      : { kind: 'sqlite', dataDir: env.DATA_DIR },
  );
  const clock = createClock(options.wallNow);
  const metrics = createMetrics();
  const hub = createHub({
    store,
    clock,
    metrics,
    log,
    ...(options.wallNow ? { wallNow: options.wallNow } : {}),
    settings: hubSettingsFromEnv(env),
  });
  await hub.start();

  const app = await createHttpApp({
    log,
    ingestToken: env.INGEST_TOKEN,
    ingestCorsOrigins: env.INGEST_CORS_ORIGINS,
    // A batch's outer parse bounds only what JSON.parse may build; each item is then held to the
    // item limits (depth 64, no prototype keys) by its normalizer, so a bad item fails alone.
    parseJson: (text) => {
      const parsed = parseBoundedJson(text, {
        maxDepth: BATCH_MAX_DEPTH,
        maxStringLength: env.MAX_BODY_BYTES,
        forbidKeys: false,
      });
      if (!parsed.ok) throw new HttpError(400, `the body is refused: ${parsed.reason}`);
      return parsed.value;
    },
    requestTimeoutMs: env.REQUEST_TIMEOUT_SECONDS * 1000,
  });
  const startedAt = Date.now();
  const healthSections = new Map<string, () => unknown>();
  const ingestLimits = {
    maxBodyBytes: env.MAX_BODY_BYTES,
    requestsPerMinute: env.INGEST_REQUESTS_PER_MINUTE,
  };
  registerIngestRoutes(app, { ingest: hub.ingest, clock, ...ingestLimits });
  registerFirehoseRoutes(app, {
    ingest: hub.ingest,
    // Records are items: as in a batch, depth and prototype keys are left to the item's normalizer.
    decodeRecord: (data) =>
      decodeFirehoseRecord(data, {
        maxDepth: BATCH_MAX_DEPTH,
        maxStringLength: env.MAX_BODY_BYTES,
        forbidKeys: false,
      }),
    ...ingestLimits,
  });
  registerConferenceRoutes(app, { readModel: hub.readModel, maxPage: env.API_MAX_PAGE });
  registerConfigRoutes(app, {
    mode: env.CONFERENCE_MODE,
    longHoldSeconds: env.LONG_HOLD_SECONDS,
    endedGraceSeconds: env.ENDED_GRACE_SECONDS,
    connectConsoleUrl: env.CONNECT_CONSOLE_URL ?? null,
  });
  registerHealthRoutes(app, {
    metrics,
    storeKind: store.kind,
    startedAt,
    refreshGauges: () => refreshGauges(hub, metrics),
    facts: async () => ({
      liveConferences: hub.board.publishedSummaries().length,
      needingAttention: hub.attention().size,
      quarantinedRows: await store.quarantineSize(),
      ...Object.fromEntries([...healthSections].map(([name, report]) => [name, report()])),
    }),
  });
  await app.ready();
  const io = attachSocketServer(app.server, {
    board: hub.board,
    readModel: hub.readModel,
    acks: hub.acks,
    metrics,
    clockNow: () => clock.now(),
    limits: {
      messagesPerSecond: env.SOCKET_MESSAGES_PER_SECOND,
      maxWatched: env.SOCKET_MAX_WATCHED,
      resyncMinMs: env.SOCKET_RESYNC_MIN_MS,
    },
  });
  await app.listen({ port: env.SIDECAR_PORT, host: env.HOST });
  const { port } = app.server.address() as AddressInfo;

  const ticker = setInterval(() => {
    hub.lifecycle.tick().catch((error: unknown) => log.warn({ err: error }, 'tick failed (will retry)'));
  }, options.tickMs ?? 1_000);

  return {
    url: `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${port}`,
    port,
    hub,
    store,
    clock,
    log,
    registerHealth: (name, report) => void healthSections.set(name, report),
    async close() {
      clearInterval(ticker);
      hub.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await app.close();
      await store.close();
    },
  };
}
