import type { FastifyInstance } from 'fastify';
import type { Metrics } from '@/server/hub/metrics';

export type HealthDeps = {
  metrics: Metrics;
  storeKind: string;
  startedAt: number;
  /** Facts for /healthz, computed when it is asked. */
  facts: () => Promise<Record<string, unknown>>;
  refreshGauges: () => void;
};

/** GET /healthz (liveness and readiness with a few facts) and GET /metrics (Prometheus text). */
export function registerHealthRoutes(app: FastifyInstance, deps: HealthDeps): void {
  app.get('/healthz', { config: { access: 'public' } }, async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({
      status: 'ok',
      ready: true,
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
      store: deps.storeKind,
      ...(await deps.facts()),
    }),
  );
  app.get('/metrics', { config: { access: 'public' } }, async (_request, reply) => {
    deps.refreshGauges();
    return reply
      .header('cache-control', 'no-store')
      .type(deps.metrics.contentType)
      .send(await deps.metrics.render());
  });
}
