import type { Hub } from '@/server/hub/hub';
import { sendError, sendJson } from '../respond';
import type { Route } from '../router';

/** GET /api/conferences[?include=ended] and GET /api/conferences/:id. */
export function conferenceRoutes(hub: Hub): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/api\/conferences\/?$/,
      handler: ({ res, url }) => {
        const include = url.searchParams.get('include');
        if (include !== null && include !== 'ended') return sendError(res, 400, 'include must be "ended"');
        sendJson(res, 200, { conferences: hub.listConferences(include === 'ended') });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/conferences\/([^/]+)$/,
      handler: async ({ res, params }) => {
        const conference = await hub.getConference(params[0]!);
        if (!conference) return sendError(res, 404, `no conference ${params[0]}`);
        sendJson(res, 200, conference);
      },
    },
  ];
}
