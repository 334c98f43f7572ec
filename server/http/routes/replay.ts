import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { scrubberEvents } from '@/lib/reports/picture-at';
import type { Replay } from '@/lib/reports/report-responses';
import type { ReadModel } from '@/server/hub/read-model';
import type { Store } from '@/server/store';
import { identityOf } from '../caller';
import { HttpError, parseOr400 } from '../http-error';

export type ReplayRouteDeps = {
  readModel: Pick<ReadModel, 'conference' | 'summary'>;
  store: Pick<Store, 'getPictureChanges'>;
};

/**
 * GET /api/conferences/:id/replay (`replay:read`): an ended call's record, its picture changes and
 * the marks of its scrubber. A call out of the caller's scope reads as unknown (404); one still
 * live is refused (409). A call that ended within the grace time is served from the board
 * (`onBoard`), without picture changes until it reaches history.
 */
export function registerReplayRoutes(app: FastifyInstance, deps: ReplayRouteDeps): void {
  app.get<{ Params: { id: string } }>(
    '/api/conferences/:id/replay',
    { config: { access: { capability: 'replay:read' } } },
    async (request, reply) => {
      const id = parseOr400(z.string().min(1).max(256), request.params.id, 'conference id');
      const conference = await deps.readModel.conference(id, identityOf(request).scope);
      if (!conference) throw new HttpError(404, `no conference ${id}`);
      if (conference.endedAt === null)
        throw new HttpError(409, `conference ${id} is still live: its replay is ready once it ends`);
      const answer: Replay = {
        conference,
        onBoard: deps.readModel.summary(id) !== undefined,
        pictureChanges: await deps.store.getPictureChanges(id),
        events: scrubberEvents(conference),
      };
      return reply.header('cache-control', 'no-store').send(answer);
    },
  );
}
