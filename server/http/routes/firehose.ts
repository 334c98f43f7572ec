import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Ingest } from '@/server/hub/ingest';
import { StreamNameSchema } from '@/server/ingest/streams';
import { HttpError } from '../http-error';
import { credentialKey, ingestOr503 } from './ingest';

/** The body Amazon Data Firehose sends to an HTTP endpoint destination (protocol version 1.0). */
const FirehoseRequestSchema = z.object({
  requestId: z.string().min(1).max(256),
  timestamp: z.number(),
  records: z.array(z.object({ data: z.string() })).max(10_000),
});

export type FirehoseRouteDeps = {
  ingest: Pick<Ingest, 'ingestRaw'>;
  maxBodyBytes: number;
  requestsPerMinute: number;
  /** base64 record data → one raw item (an undecodable record becomes one the normalizer rejects). */
  decodeRecord: (data: string) => unknown;
};

/** Firehose reads every answer, errors included, in its own shape. */
const firehoseReply = (request: FastifyRequest, errorMessage?: string) => ({
  requestId: String(request.headers['x-amz-firehose-request-id'] ?? ''),
  timestamp: Date.now(),
  ...(errorMessage ? { errorMessage } : {}),
});

/**
 * POST /ingest/firehose/{stream}: the same ingest, fed by a Firehose stream whose source is the
 * agent event stream (or contact events). Each record's data is one raw item, base64-encoded. A
 * record that cannot be decoded is counted as rejected, since retrying it could never succeed.
 */
export function registerFirehoseRoutes(app: FastifyInstance, deps: FirehoseRouteDeps): void {
  app.post<{ Params: { stream: string } }>(
    '/ingest/firehose/:stream',
    {
      bodyLimit: deps.maxBodyBytes,
      config: {
        access: { capability: 'ingest:server' },
        credentialName: 'access key (X-Amz-Firehose-Access-Key)',
        errorFormat: (request, _status, reason) => firehoseReply(request, reason),
        rateLimit: { max: deps.requestsPerMinute, timeWindow: 60_000, keyGenerator: credentialKey },
      },
    },
    async (request, reply) => {
      const stream = StreamNameSchema.safeParse(request.params.stream);
      if (!stream.success) throw new HttpError(404, `unknown stream "${request.params.stream}"`);
      const parsed = FirehoseRequestSchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'not a Firehose HTTP endpoint request');
      const items = parsed.data.records.map((record) => deps.decodeRecord(record.data));
      await ingestOr503(() => deps.ingest.ingestRaw(stream.data, items));
      return reply.code(200).send(firehoseReply(request));
    },
  );
}
