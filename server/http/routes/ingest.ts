import type { FastifyInstance } from 'fastify';
import type { Clock } from '@/server/hub/clock';
import type { Ingest } from '@/server/hub/ingest';
import { STREAMS, StreamNameSchema } from '@/server/ingest/streams';
import { parseSourceClock } from '@/server/ingest/timestamps';
import { StoreInputError } from '@/server/store';
import { HttpError } from '../http-error';

export type IngestRouteDeps = {
  ingest: Pick<Ingest, 'ingestRaw'>;
  clock: Clock;
  maxBodyBytes: number;
  /** Requests per minute per credential. */
  requestsPerMinute: number;
};

/**
 * A recording's clock: an ISO-8601 time from 2000 up to a day ahead of this machine's clock (the
 * clock never runs backwards, so a far-future one would stop live traffic for good).
 */
function readSourceClock(header: string | string[]): number {
  const parsed = parseSourceClock(String(header));
  if (!parsed.ok) throw new HttpError(400, parsed.reason);
  if (parsed.ms < Date.UTC(2000, 0, 1) || parsed.ms > Date.now() + 86_400_000)
    throw new HttpError(400, 'x-confwatch-source-clock must lie between 2000 and tomorrow');
  return parsed.ms;
}

/**
 * POST /ingest/{contact-events|agent-events|ccp}: one raw item or a JSON array of them, answered
 * 202 with each item's outcome once the new ones are in the event log and applied.
 */
export function registerIngestRoutes(app: FastifyInstance, deps: IngestRouteDeps): void {
  app.post<{ Params: { stream: string } }>(
    '/ingest/:stream',
    {
      bodyLimit: deps.maxBodyBytes,
      config: {
        access: 'ingest',
        rateLimit: { max: deps.requestsPerMinute, timeWindow: 60_000, keyGenerator: (r) => r.caller.kind },
      },
    },
    async (request, reply) => {
      const stream = StreamNameSchema.safeParse(request.params.stream);
      if (!stream.success)
        throw new HttpError(
          404,
          `unknown stream "${request.params.stream}"; use one of ${STREAMS.join(', ')}`,
        );
      const clockHeader = request.headers['x-confwatch-source-clock'];
      if (clockHeader !== undefined) {
        const sourceClock = readSourceClock(clockHeader);
        if (deps.clock.owner)
          throw new HttpError(
            409,
            `this sidecar's clock follows its built-in ${deps.clock.owner}: replay into a sidecar of its own (SOURCE=none, its own DATA_DIR)`,
          );
        deps.clock.followSource(sourceClock);
      }
      const items = Array.isArray(request.body) ? request.body : [request.body];
      return reply.code(202).send(await ingestOr503(() => deps.ingest.ingestRaw(stream.data, items)));
    },
  );
}

/** The event log could not take the batch: nothing was acknowledged, so the sender must retry. */
export async function ingestOr503<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    // Input the store refused is a bug of ours, not a reason for the sender to retry forever.
    if (error instanceof StoreInputError) throw error;
    throw new HttpError(503, `the event log is unavailable, retry: ${(error as Error).message}`);
  }
}
