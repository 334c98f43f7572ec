import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '@/server/auth/roles';
import type { Clock } from '@/server/hub/clock';
import type { Ingest, IngestOutcome } from '@/server/hub/ingest';
import { STREAMS, type StreamName } from '@/server/ingest/streams';
import { createRelayLimits, type RelayLimits } from '@/server/ingest/relay-limits';
import { parseSourceClock } from '@/server/ingest/timestamps';
import { StoreInputError } from '@/server/store';
import { identityOf } from '../caller';
import { HttpError } from '../http-error';

export type IngestRouteDeps = {
  ingest: Pick<Ingest, 'ingestRaw'>;
  clock: Clock;
  maxBodyBytes: number;
  /** Requests per minute per credential. */
  requestsPerMinute: number;
  /** CCP snapshots per minute per reporting agent, from a CCP relay credential. */
  relayPerAgentPerMinute: number;
  /** Distinct reporting agents per minute per CCP relay credential. */
  relayAgentsPerMinute: number;
};

const INGEST_CREDENTIAL = 'ingest token (Authorization: Bearer <token> or x-api-key)';

/** One bucket per credential: an env token by its name, an API token by its id. */
export const credentialKey = (request: FastifyRequest): string => {
  if (request.caller.kind !== 'identified') return request.ip;
  return request.caller.identity.tokenId ?? request.caller.identity.name;
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
 * 202 with each item's outcome once the new ones are in the event log and applied. Server-side
 * sources (INGEST_TOKEN, `ingest` tokens) may post all three; a CCP relay credential only CCP
 * snapshots, from few agents a request and a minute, at most `relayPerAgentPerMinute` per
 * reporting agent (see relay-limits); only a `replay` token may
 * move the sidecar's clock.
 */
export function registerIngestRoutes(app: FastifyInstance, deps: IngestRouteDeps): void {
  const relayLimits = createRelayLimits({
    perAgentPerMinute: deps.relayPerAgentPerMinute,
    agentsPerMinute: deps.relayAgentsPerMinute,
  });
  const rateLimit = { max: deps.requestsPerMinute, timeWindow: 60_000, keyGenerator: credentialKey };

  for (const stream of STREAMS) {
    app.post(
      `/ingest/${stream}`,
      {
        bodyLimit: deps.maxBodyBytes,
        config: {
          access: { capability: stream === 'ccp' ? 'ingest:ccp' : 'ingest:server' },
          credentialName: INGEST_CREDENTIAL,
          rateLimit,
        },
      },
      async (request, reply) => {
        const identity = identityOf(request);
        const clockHeader = request.headers['x-confwatch-source-clock'];
        if (clockHeader !== undefined) {
          if (!can(identity.role, 'clock:set'))
            throw new HttpError(403, 'only a replay token may set x-confwatch-source-clock');
          const sourceClock = readSourceClock(clockHeader);
          if (deps.clock.owner)
            throw new HttpError(
              409,
              `this sidecar's clock follows its built-in ${deps.clock.owner}: replay into a sidecar of its own (SOURCE=none, its own DATA_DIR)`,
            );
          deps.clock.followSource(sourceClock);
        }
        const items = Array.isArray(request.body) ? request.body : [request.body];
        const run = () =>
          identity.role === 'ccp-relay'
            ? ingestPerAgent(deps.ingest, stream, items, relayLimits.check(credentialKey(request), items))
            : deps.ingest.ingestRaw(stream, items);
        return reply.code(202).send(await ingestOr503(run));
      },
    );
  }

  app.post<{ Params: { stream: string } }>(
    '/ingest/:stream',
    { bodyLimit: deps.maxBodyBytes, config: { access: 'signed-in', credentialName: INGEST_CREDENTIAL } },
    async (request) => {
      throw new HttpError(404, `unknown stream "${request.params.stream}"; use one of ${STREAMS.join(', ')}`);
    },
  );
}

/** A relay's items, those beyond its limits rejected alone (an agent's CCP gone wild, or a forger). */
async function ingestPerAgent(
  ingest: Pick<Ingest, 'ingestRaw'>,
  stream: StreamName,
  items: readonly unknown[],
  refusals: ReturnType<RelayLimits['check']>,
): Promise<IngestOutcome> {
  const kept: number[] = [];
  const refused: IngestOutcome['rejected'] = [];
  refusals.forEach((reason, index) => (reason ? refused.push({ index, reason }) : kept.push(index)));
  const outcome = await ingest.ingestRaw(
    stream,
    kept.map((i) => items[i]),
  );
  const rejected = [...refused, ...outcome.rejected.map((r) => ({ ...r, index: kept[r.index]! }))];
  return { ...outcome, rejected: rejected.sort((a, b) => a.index - b.index) };
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
