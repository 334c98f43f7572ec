import type { ConferenceMode } from '@/lib/conference';
import { sendJson } from '../respond';
import type { Route } from '../router';

export type PublicConfig = {
  mode: ConferenceMode;
  longHoldSeconds: number;
  endedGraceSeconds: number;
  /** Base URL of the Amazon Connect instance (e.g. https://acme.my.connect.aws), when configured. */
  connectConsoleUrl: string | null;
};

/** GET /api/config: what the browser needs to know about this sidecar. */
export function configRoutes(config: PublicConfig): Route[] {
  return [{ method: 'GET', pattern: /^\/api\/config$/, handler: ({ res }) => sendJson(res, 200, config) }];
}
