import { z } from 'zod';
import type { Hub } from '@/server/hub/hub';
import { isStreamName } from '@/server/ingest/streams';
import { hasIngestToken } from '../auth';
import { readJsonBody } from '../read-json-body';
import { sendJson } from '../respond';
import type { Route } from '../router';

/** The body Amazon Data Firehose sends to an HTTP endpoint destination (protocol version 1.0). */
const FirehoseRequestSchema = z.object({
  requestId: z.string().min(1).max(256),
  timestamp: z.number(),
  records: z.array(z.object({ data: z.string() })).max(10_000),
});

export type FirehoseRouteDeps = { hub: Hub; ingestToken: string; maxBodyBytes: number };

/**
 * POST /ingest/firehose/{stream}: the same ingest, fed by a Firehose stream whose source is the
 * agent event stream (or contact events). Each record's data is one raw item, base64-encoded.
 * Answers in Firehose's format; a record that cannot be decoded is counted as rejected, since
 * retrying it could never succeed.
 */
export function firehoseRoutes(deps: FirehoseRouteDeps): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/ingest\/firehose\/([^/]+)$/,
      handler: async ({ req, res, params }) => {
        const requestId = String(req.headers['x-amz-firehose-request-id'] ?? '');
        const reply = (status: number, errorMessage?: string) =>
          sendJson(res, status, {
            requestId,
            timestamp: Date.now(),
            ...(errorMessage ? { errorMessage } : {}),
          });
        const stream = params[0]!;
        if (!isStreamName(stream)) return reply(404, `unknown stream "${stream}"`);
        const key = req.headers['x-amz-firehose-access-key'];
        if (typeof key === 'string') req.headers['x-api-key'] = key;
        if (!hasIngestToken(req, deps.ingestToken)) return reply(401, 'missing or wrong access key');
        const body = await readJsonBody(req, deps.maxBodyBytes);
        if (!body.ok) return reply(body.status, body.reason);
        const parsed = FirehoseRequestSchema.safeParse(body.value);
        if (!parsed.success) return reply(400, 'not a Firehose HTTP endpoint request');
        const items = parsed.data.records.map((record) => decodeRecord(record.data));
        try {
          await deps.hub.ingest(stream, items);
          reply(200);
        } catch (error) {
          reply(503, `the event log is unavailable, retry: ${(error as Error).message}`);
        }
      },
    },
  ];
}

/** base64 → JSON; an undecodable record becomes a value the normalizer rejects with a reason. */
function decodeRecord(data: string): unknown {
  try {
    return JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
  } catch {
    return { undecodableFirehoseRecord: true };
  }
}
