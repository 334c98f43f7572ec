import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openStore, type Store } from '@/server/store';
import type { Env } from './env';
import { createClock, type Clock } from './hub/clock';
import { createHub, type Hub } from './hub/hub';
import { hubSettingsFromEnv } from './hub/hub-settings';
import { createMetrics } from './hub/metrics';
import { createHandler } from './http/create-handler';
import { alertRoutes } from './http/routes/alerts';
import { conferenceRoutes } from './http/routes/conferences';
import { configRoutes } from './http/routes/config';
import { healthRoutes } from './http/routes/health';
import { firehoseRoutes } from './http/routes/firehose';
import { ingestRoutes } from './http/routes/ingest';
import { refreshGauges } from './hub/gauges';
import { attachSocketServer } from './socket/attach-socket-server';

export type Sidecar = {
  /** Adds a section to /healthz (e.g. Amazon Connect reconciliation status). */
  registerHealth(name: string, report: () => unknown): void;
  url: string;
  port: number;
  hub: Hub;
  store: Store;
  clock: Clock;
  close(): Promise<void>;
};

export type SidecarOptions = { log?: (message: string) => void; tickMs?: number; wallNow?: () => number };

/**
 * Opens the store, restores live state from the event log, and serves HTTP and Socket.IO on one
 * port. Sources (the simulator, a replay) are started by the caller against `url`/`hub`.
 */
export async function startSidecar(env: Env, options: SidecarOptions = {}): Promise<Sidecar> {
  const log = options.log ?? ((m: string) => console.log(m));
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
  await hub.restore();

  const startedAt = Date.now();
  const healthSections = new Map<string, () => unknown>();
  const routes = [
    ...firehoseRoutes({ hub, ingestToken: env.INGEST_TOKEN, maxBodyBytes: env.MAX_BODY_BYTES }),
    ...ingestRoutes({ hub, clock, ingestToken: env.INGEST_TOKEN, maxBodyBytes: env.MAX_BODY_BYTES }),
    ...conferenceRoutes(hub),
    ...alertRoutes(hub),
    ...configRoutes({
      mode: env.CONFERENCE_MODE,
      longHoldSeconds: env.LONG_HOLD_SECONDS,
      endedGraceSeconds: env.ENDED_GRACE_SECONDS,
      connectConsoleUrl: env.CONNECT_CONSOLE_URL ?? null,
    }),
    ...healthRoutes({
      hub,
      metrics,
      storeKind: store.kind,
      startedAt,
      sections: healthSections,
      refreshGauges: () => refreshGauges(hub, metrics),
    }),
  ];
  const http = createServer(
    createHandler(
      routes,
      (error) => log(`request failed: ${(error as Error).stack ?? String(error)}`),
      env.INGEST_CORS_ORIGINS,
    ),
  );
  const io = attachSocketServer(http, hub, metrics, () => clock.now());
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(env.SIDECAR_PORT, env.HOST, () => resolve());
  });
  const { port } = http.address() as AddressInfo;

  const ticker = setInterval(() => {
    hub.tick().catch((error: unknown) => log(`tick failed (will retry): ${(error as Error).message}`));
  }, options.tickMs ?? 1_000);

  return {
    url: `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${port}`,
    port,
    hub,
    store,
    clock,
    registerHealth: (name, report) => void healthSections.set(name, report),
    async close() {
      clearInterval(ticker);
      hub.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await store.close();
    },
  };
}
