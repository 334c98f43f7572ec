import type { Hub } from '@/server/hub/hub';
import type { Metrics } from '@/server/hub/metrics';
import { sendJson, sendText } from '../respond';
import type { Route } from '../router';

export type HealthDeps = {
  hub: Hub;
  metrics: Metrics;
  storeKind: string;
  startedAt: number;
  refreshGauges: () => void;
  sections: ReadonlyMap<string, () => unknown>;
};

/** GET /healthz (liveness with a few facts) and GET /metrics (Prometheus text format). */
export function healthRoutes(deps: HealthDeps): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/healthz$/,
      handler: ({ res }) =>
        sendJson(res, 200, {
          status: 'ok',
          uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
          store: deps.storeKind,
          liveConferences: deps.hub.publishedSummaries().length,
          ...Object.fromEntries([...deps.sections].map(([name, report]) => [name, report()])),
        }),
    },
    {
      method: 'GET',
      pattern: /^\/metrics$/,
      handler: ({ res }) => {
        deps.refreshGauges();
        sendText(res, 200, deps.metrics.render(), 'text/plain; version=0.0.4; charset=utf-8');
      },
    },
  ];
}
