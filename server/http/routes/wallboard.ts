import type { FastifyInstance } from 'fastify';
import type { ConferenceView } from '@/lib/conference';
import { scopeFilterKeys } from '@/lib/reports/scope-keys';
import { summarizeToday, todayWindow, type TodayWindow } from '@/lib/wallboard/today';
import { WallboardTodayQuerySchema, type WallboardTodayQuery } from '@/lib/wallboard/today-schema';
import type { ReadModel } from '@/server/hub/read-model';
import type { Scope } from '@/server/hub/scope';
import type { Store } from '@/server/store';
import type { ReportFilter } from '@/server/store/report-filter';
import { toReportFilter } from '@/server/store/reports/report-filter-of';
import { identityOf } from '../caller';
import { parseOr400 } from '../http-error';

export type WallboardRouteDeps = {
  readModel: Pick<ReadModel, 'list'>;
  store: Pick<Store, 'countConferenceStarts' | 'listReportConferences'>;
  clockNow: () => number;
  /** `REPORT_TIME_ZONE`: the zone whose midnight starts "today". */
  timeZone: string;
  maxPage: number;
};

/**
 * The store filters for the caller's scope and the screen's queues, agent and mode. Several queues
 * are one filter (a call in any of them) for an unrestricted caller; a scoped caller's scope and
 * queues cannot be one filter, so each queue is counted apart (a call in two of them, which a
 * transfer between queues makes, then counts twice).
 */
function reportFilters(scope: Scope, query: WallboardTodayQuery): ReportFilter[] {
  const own = { agent: query.agent, mode: query.mode };
  const queues = query.queue ?? [];
  if (queues.length === 0) return [toReportFilter(scope, own)];
  if (scopeFilterKeys(scope) === 'all') return [toReportFilter({ queues }, own)];
  return queues.map((queue) => toReportFilter(scope, { ...own, queue }));
}

/** Does a live conference count for the screen: a multi-party call of its queues, agent and mode? */
function counts(view: ConferenceView, query: WallboardTodayQuery): boolean {
  if (view.peakParticipants < 3) return false;
  if (query.mode && view.mode !== query.mode) return false;
  const queues = query.queue;
  if (
    queues &&
    !view.queues.some((q) => queues.includes(q.arn) || (q.name !== null && queues.includes(q.name)))
  )
    return false;
  const agent = query.agent;
  return (
    !agent || view.participants.some((p) => p.role === 'agent' && (p.agentArn === agent || p.name === agent))
  );
}

/** History's multi-party calls started in `[start, end)`, one by one (a quarter hour at most). */
async function countStarted(
  store: WallboardRouteDeps['store'],
  start: number,
  end: number,
  filter: ReportFilter,
): Promise<number> {
  if (end <= start) return 0;
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await store.listReportConferences(
      { start, end, limit: 1_000, ...(cursor ? { cursor } : {}) },
      filter,
    );
    total += page.conferences.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return total;
}

/** Start times of the live board's multi-party calls for the screen (ended ones not yet in history too). */
function liveStarts(deps: WallboardRouteDeps, scope: Scope, query: WallboardTodayQuery, window: TodayWindow) {
  const starts: number[] = [];
  let after: { startedAt: number; id: string } | undefined;
  for (;;) {
    const page = deps.readModel.list({ scope, includeEnded: true, after, limit: deps.maxPage });
    for (const view of page.views) {
      const startedAt = Date.parse(view.startedAt);
      if (startedAt >= window.yesterday.start && counts(view, query)) starts.push(startedAt);
    }
    if (!page.next) return starts;
    after = page.next;
  }
}

/**
 * GET /api/wallboard/today: multi-party calls so far today against yesterday at the same time, and
 * both days by hour, in `REPORT_TIME_ZONE`, for the caller's scope and the screen's queues, agent
 * and mode. History first, then the live board: a call archived in between is missed by one poll
 * rather than counted twice.
 */
export function registerWallboardRoutes(app: FastifyInstance, deps: WallboardRouteDeps): void {
  app.get(
    '/api/wallboard/today',
    { config: { access: { capability: 'wallboard:read' } } },
    async (request, reply) => {
      const query = parseOr400(WallboardTodayQuerySchema, request.query, 'query');
      const scope = identityOf(request).scope;
      const now = deps.clockNow();
      const window = todayWindow(now, deps.timeZone);
      const slots: { at: number; conferences: number }[] = [];
      let yesterdayTail = 0;
      for (const filter of reportFilters(scope, query)) {
        slots.push(
          ...(await deps.store.countConferenceStarts(window.yesterday.start, window.today.end, filter)),
        );
        yesterdayTail += await countStarted(deps.store, window.yesterdayCutSlot, window.yesterdayCut, filter);
      }
      const live = liveStarts(deps, scope, query, window);
      const today = summarizeToday(window, { slots, yesterdayTail, live }, now, deps.timeZone);
      return reply.header('cache-control', 'no-store').send(today);
    },
  );
}
