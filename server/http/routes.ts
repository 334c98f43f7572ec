import type { FastifyInstance } from 'fastify';
import type { Auth } from '@/server/auth';
import type { Env } from '@/server/env';
import type { Clock } from '@/server/hub/clock';
import type { Hub } from '@/server/hub/hub';
import type { Metrics } from '@/server/hub/metrics';
import { decodeFirehoseRecord } from '@/server/ingest/decode-firehose-record';
import type { Logger } from '@/server/log';
import type { Store } from '@/server/store';
import { registerAdminRoutes } from './routes/admin';
import { registerAuthRoutes } from './routes/auth';
import { registerConferenceRoutes } from './routes/conferences';
import { registerConfigRoutes } from './routes/config';
import { registerFirehoseRoutes } from './routes/firehose';
import { registerHealthRoutes } from './routes/health';
import { registerIngestRoutes } from './routes/ingest';
import { registerWallboardRoutes } from './routes/wallboard';
import { registerReplayRoutes } from './routes/replay';
import { registerReportRoutes } from './routes/reports';

/** Deep enough for any batch of items (each is held to 64 levels), shallow enough to refuse a bomb. */
export const BATCH_MAX_DEPTH = 100_000;

export type RouteDeps = {
  env: Env;
  hub: Hub;
  store: Store;
  auth: Auth;
  clock: Clock;
  metrics: Metrics;
  log: Logger;
  refreshGauges: () => void;
  status: () => Promise<Record<string, unknown>>;
};

/** Every route of the sidecar, each given only the parts it uses. */
export function registerRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { env, hub } = deps;
  const ingestLimits = {
    maxBodyBytes: env.MAX_BODY_BYTES,
    requestsPerMinute: env.INGEST_REQUESTS_PER_MINUTE,
  };
  registerIngestRoutes(app, {
    ingest: hub.ingest,
    clock: deps.clock,
    relayPerAgentPerMinute: env.CCP_RELAY_PER_AGENT_PER_MINUTE,
    relayAgentsPerMinute: env.CCP_RELAY_AGENTS_PER_MINUTE,
    ...ingestLimits,
  });
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
  registerConferenceRoutes(app, {
    readModel: hub.readModel,
    maxPage: env.API_MAX_PAGE,
    audit: deps.auth.audit,
  });
  registerConfigRoutes(app, {
    mode: env.CONFERENCE_MODE,
    longHoldSeconds: env.LONG_HOLD_SECONDS,
    endedGraceSeconds: env.ENDED_GRACE_SECONDS,
    connectConsoleUrl: env.CONNECT_CONSOLE_URL ?? null,
  });
  registerHealthRoutes(app, {
    metrics: deps.metrics,
    startedAt: Date.now(),
    ready: async () => (await deps.store.eventLogSize()) >= 0,
    status: deps.status,
    refreshGauges: deps.refreshGauges,
  });
  const publicUrl = env.PUBLIC_URL;
  registerAuthRoutes(app, {
    auth: deps.auth.service,
    audit: deps.auth.audit,
    oidc: deps.auth.oidc,
    oidcLabel: env.OIDC_LABEL,
    sessionMaxMs: env.SESSION_MAX_HOURS * 3_600_000,
    secureCookies: (request) => (publicUrl ? publicUrl.startsWith('https:') : request.protocol === 'https'),
    log: deps.log,
  });
  registerAdminRoutes(app, { accounts: deps.auth.accounts, audit: deps.auth.audit, store: deps.store });
  registerWallboardRoutes(app, {
    readModel: hub.readModel,
    store: deps.store,
    clockNow: () => deps.clock.now(),
    timeZone: env.REPORT_TIME_ZONE,
    maxPage: env.API_MAX_PAGE,
  });
  registerReportRoutes(app, { store: deps.store, defaultTimeZone: env.REPORT_TIME_ZONE, now: Date.now });
  registerReplayRoutes(app, { readModel: hub.readModel, store: deps.store });
}
