import type { FastifyInstance } from 'fastify';
import type { ConferenceMode } from '@/lib/conference';

export type PublicConfig = {
  mode: ConferenceMode;
  longHoldSeconds: number;
  endedGraceSeconds: number;
  /** Base URL of the Amazon Connect instance (e.g. https://acme.my.connect.aws), when configured. */
  connectConsoleUrl: string | null;
};

/** GET /api/config: what the browser needs to know about this sidecar. */
export function registerConfigRoutes(app: FastifyInstance, config: PublicConfig): void {
  app.get('/api/config', { config: { access: { capability: 'config:read' } } }, async () => config);
}
