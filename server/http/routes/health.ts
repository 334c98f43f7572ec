import type { FastifyInstance } from 'fastify';
import type { Metrics } from '@/server/hub/metrics';

export type HealthDeps = {
  metrics: Metrics;
  startedAt: number;
  /** Whether the sidecar can serve: its store answers. */
  ready: () => Promise<boolean>;
  /** What an administrator sees at /api/status. */
  status: () => Promise<Record<string, unknown>>;
  refreshGauges: () => void;
};

/**
 * GET /healthz: liveness and readiness only, for anyone (a load balancer has no credentials; it
 * learns nothing else). GET /api/status: the details, for administrators. GET /metrics: the
 * Prometheus text, for a `metrics` token or an administrator.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: HealthDeps): void {
  app.get('/healthz', { config: { access: 'public' } }, async (_request, reply) => {
    const ready = await deps.ready().catch(() => false);
    return reply
      .code(ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: 'ok', ready });
  });
  app.get('/api/status', { config: { access: { capability: 'admin' } } }, async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({
      status: 'ok',
      uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
      ...(await deps.status()),
    }),
  );
  app.get('/metrics', { config: { access: { capability: 'metrics:read' } } }, async (_request, reply) => {
    deps.refreshGauges();
    return reply
      .header('cache-control', 'no-store')
      .type(deps.metrics.contentType)
      .send(await deps.metrics.render());
  });
}
