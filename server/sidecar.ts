import type { AddressInfo } from 'node:net';
import { openStore, type Store } from '@/server/store';
import { sidecarListenHost, type Env } from './env';
import { createClock, type Clock } from './hub/clock';
import { refreshGauges } from './hub/gauges';
import { createHub, type Hub } from './hub/hub';
import { hubSettingsFromEnv } from './hub/hub-settings';
import { createMetrics } from './hub/metrics';
import { createAuth } from './auth';
import { createHttpApp } from './http/app';
import type { RouteRecord } from './http/caller';
import { BATCH_MAX_DEPTH, registerRoutes } from './http/routes';
import { createHandshakeOriginCheck, createOriginCheck } from './http/same-origin';
import { HttpError } from './http/http-error';
import { parseBoundedJson } from './ingest/bounded-json';
import { createLogger, type Logger } from './log';
import { createSocketAuthenticator } from './socket/socket-auth';
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
  /** Every HTTP route with its declared access (for the role × route table test). */
  routes: readonly RouteRecord[];
  /** A first start's one-time password for `admin` (printed once, with the address). */
  firstAdminPassword?: string;
  close(): Promise<void>;
};

export type SidecarOptions = {
  log?: Logger;
  tickMs?: number;
  wallNow?: () => number;
  /** The clock sessions and sign-in limits are measured on (tests move it instead of waiting hours). */
  authNow?: () => number;
};

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

  const auth = createAuth({ store, env, log, ...(options.authNow ? { now: options.authNow } : {}) });
  await auth.start();
  const firstAdminPassword = await auth.accounts.bootstrapAdmin();

  const app = await createHttpApp({
    log,
    auth: auth.service,
    audit: auth.audit,
    cookieSecret: env.COOKIE_SECRET,
    trustProxy: env.TRUST_PROXY.split(',').map((p) => p.trim()),
    sameOrigin: createOriginCheck(env.PUBLIC_URL),
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
  const healthSections = new Map<string, () => unknown>();
  registerRoutes(app, {
    env,
    hub,
    store,
    auth,
    clock,
    metrics,
    log,
    refreshGauges: () => refreshGauges(hub, metrics),
    status: async () => ({
      store: store.kind,
      liveConferences: hub.board.publishedSummaries().length,
      needingAttention: Object.fromEntries(hub.attention()),
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
    authenticate: createSocketAuthenticator({
      auth: auth.service,
      audit: auth.audit,
      originAllowed: createHandshakeOriginCheck(env.PUBLIC_URL),
    }),
    stillValid: (identity) => auth.service.stillValid(identity),
    audit: auth.audit,
  });
  auth.tokens.onRevoked((tokenId) => io.endTokenSockets(tokenId));
  const { host } = sidecarListenHost(env);
  await app.listen({ port: env.SIDECAR_PORT, host });
  const { port } = app.server.address() as AddressInfo;

  const ticker = setInterval(() => {
    hub.lifecycle.tick().catch((error: unknown) => log.warn({ err: error }, 'tick failed (will retry)'));
  }, options.tickMs ?? 1_000);

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    hub,
    store,
    routes: app.routeTable,
    clock,
    log,
    registerHealth: (name, report) => void healthSections.set(name, report),
    ...(firstAdminPassword ? { firstAdminPassword } : {}),
    async close() {
      clearInterval(ticker);
      auth.stop();
      io.stopChecks();
      hub.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await app.close();
      await store.close();
    },
  };
}
