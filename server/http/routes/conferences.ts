import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ConferenceView } from '@/lib/conference';
import type { ReadModel } from '@/server/hub/read-model';
import type { Audit } from '@/server/auth/audit';
import { describeScope } from '@/server/auth/identity';
import { identityOf } from '../caller';
import { HttpError, parseOr400 } from '../http-error';

export type ConferenceRouteDeps = {
  readModel: Pick<ReadModel, 'list' | 'conference'>;
  maxPage: number;
  /** A call asked for outside the caller's scope is audited as a refusal. */
  audit: Audit;
};

/** The last conference of a page, as the next page's `cursor`: opaque to callers. */
const encodeCursor = (at: { startedAt: number; id: string }) =>
  Buffer.from(JSON.stringify([at.startedAt, at.id])).toString('base64url');

const CursorSchema = z
  .string()
  .max(1_024)
  .transform((value, ctx) => {
    try {
      const [startedAt, id] = z
        .tuple([z.number().int().nonnegative(), z.string().min(1).max(256)])
        .parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
      return { startedAt, id };
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not a cursor this sidecar gave out' });
      return z.NEVER;
    }
  });

const listQuery = (maxPage: number) =>
  z.object({
    include: z.literal('ended', { error: 'include must be "ended"' }).optional(),
    limit: z.coerce.number().int().min(1).max(maxPage).optional(),
    cursor: CursorSchema.optional(),
  });

/**
 * The page as a stream of JSON text, one conference at a time, each view built as its turn comes:
 * a large board is never built (nor its views) all at once, and the event loop gets a turn
 * between parts.
 */
function streamPage(views: Iterable<ConferenceView>, next: string | null): Readable {
  async function* parts() {
    yield '{"conferences":[';
    let i = 0;
    for (const view of views) {
      yield (i === 0 ? '' : ',') + JSON.stringify(view);
      if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
      i += 1;
    }
    yield `],"nextCursor":${JSON.stringify(next)}}`;
  }
  return Readable.from(parts());
}

/** GET /api/conferences[?include=ended][&limit=n][&cursor=…] and GET /api/conferences/:id. */
export function registerConferenceRoutes(app: FastifyInstance, deps: ConferenceRouteDeps): void {
  const schema = listQuery(deps.maxPage);
  app.get(
    '/api/conferences',
    { config: { access: { capability: 'board:read' } } },
    async (request, reply) => {
      const query = parseOr400(schema, request.query, 'query');
      const page = deps.readModel.list({
        scope: identityOf(request).scope,
        includeEnded: query.include === 'ended',
        after: query.cursor,
        limit: query.limit ?? deps.maxPage,
      });
      return reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(streamPage(page.views, page.next && encodeCursor(page.next)));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/conferences/:id',
    { config: { access: { capability: 'board:read' } } },
    async (request, reply) => {
      const id = parseOr400(z.string().min(1).max(256), request.params.id, 'conference id');
      // Out of scope reads as unknown: a scoped caller learns nothing of other calls.
      const { scope, name } = identityOf(request);
      const conference = await deps.readModel.conference(id, scope);
      if (!conference) {
        if (scope !== 'all' && (await deps.readModel.conference(id, 'all')))
          await deps.audit.record({
            actor: name,
            action: 'denied',
            outcome: 'denied',
            target: `GET /api/conferences/${id}`,
            ip: request.ip,
            detail: `out of scope (${describeScope(scope)})`,
          });
        throw new HttpError(404, `no conference ${id}`);
      }
      return reply.header('cache-control', 'no-store').send(conference);
    },
  );
}
