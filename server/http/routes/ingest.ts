import type { Clock } from '@/server/hub/clock';
import type { Hub } from '@/server/hub/hub';
import { isStreamName, STREAMS } from '@/server/ingest/streams';
import { hasIngestToken } from '../auth';
import { readJsonBody } from '../read-json-body';
import { sendError, sendJson } from '../respond';
import type { Route } from '../router';

export type IngestRouteDeps = { hub: Hub; clock: Clock; ingestToken: string; maxBodyBytes: number };

/** POST /ingest/{contact-events|agent-events|ccp}: one raw item or a JSON array of them. */
export function ingestRoutes(deps: IngestRouteDeps): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/ingest\/([^/]+)$/,
      handler: async ({ req, res, params }) => {
        const stream = params[0]!;
        if (!isStreamName(stream))
          return sendError(res, 404, `unknown stream "${stream}"; use one of ${STREAMS.join(', ')}`);
        if (!hasIngestToken(req, deps.ingestToken)) {
          return sendError(
            res,
            401,
            'missing or wrong ingest token (Authorization: Bearer <token> or x-api-key)',
          );
        }
        const clockHeader = req.headers['x-confwatch-source-clock'];
        let sourceClock: number | undefined;
        if (typeof clockHeader === 'string') {
          sourceClock = Date.parse(clockHeader);
          if (Number.isNaN(sourceClock))
            return sendError(res, 400, 'x-confwatch-source-clock is not an ISO-8601 time');
        }
        const body = await readJsonBody(req, deps.maxBodyBytes);
        if (!body.ok) return sendError(res, body.status, body.reason);
        if (sourceClock !== undefined) deps.clock.followSource(sourceClock);
        const items = Array.isArray(body.value) ? body.value : [body.value];
        try {
          sendJson(res, 202, await deps.hub.ingest(stream, items));
        } catch (error) {
          // Nothing was acknowledged: the sender must retry.
          sendError(res, 503, `the event log is unavailable, retry: ${(error as Error).message}`);
        }
      },
    },
  ];
}
