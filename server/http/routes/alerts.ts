import { AckRequestSchema } from '@/lib/realtime';
import { AckError, type Hub } from '@/server/hub/hub';
import { readJsonBody } from '../read-json-body';
import { sendError, sendJson } from '../respond';
import type { Route } from '../router';

/** POST /api/alerts/ack: acknowledge one live alert (the board does the same over its socket). */
export function alertRoutes(hub: Hub): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/api\/alerts\/ack$/,
      handler: async ({ req, res }) => {
        const body = await readJsonBody(req, 16_384);
        if (!body.ok) return sendError(res, body.status, body.reason);
        const parsed = AckRequestSchema.safeParse(body.value);
        if (!parsed.success)
          return sendError(
            res,
            400,
            parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
          );
        try {
          sendJson(res, 200, { ack: await hub.acknowledge(parsed.data) });
        } catch (error) {
          if (error instanceof AckError) return sendError(res, 409, error.message);
          throw error;
        }
      },
    },
  ];
}
