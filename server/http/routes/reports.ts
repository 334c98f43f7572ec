import type { FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { parseReportParams, reportParamSchemas } from '@/lib/reports/report-params';
import { StoreInputError } from '@/server/store';
import {
  readConferences,
  readDailyCsv,
  readDailyReport,
  readHeatmap,
  readTop,
  type ReportStore,
} from '@/server/store/reports';
import { identityOf } from '../caller';

export type ReportRouteDeps = {
  store: ReportStore;
  /** `REPORT_TIME_ZONE`: the zone whose days a report is cut in when the request names none. */
  defaultTimeZone: string;
  /** Wall time: "today" (the default range's last day) is read from it. */
  now: () => number;
};

type Schemas = ReturnType<typeof reportParamSchemas>;
type Query = Record<string, string | string[] | undefined>;

/**
 * The manager reports (`reports:read`), each read through the caller's scope: a query parameter
 * that is wrong answers 400 naming it (`{ error, issues: [{ param, message }] }`).
 */
export function registerReportRoutes(app: FastifyInstance, deps: ReportRouteDeps): void {
  const config = { access: { capability: 'reports:read' as const } };

  /** The report's parameters, or null once a 400 naming the bad ones has been sent. */
  function parse<T>(reply: FastifyReply, pick: (s: Schemas) => z.ZodType<T>, query: unknown): T | null {
    const schemas = reportParamSchemas({ now: deps.now(), defaultTimeZone: deps.defaultTimeZone });
    const parsed = parseReportParams(pick(schemas), query as Query);
    if (parsed.ok) return parsed.value;
    void reply.code(400).send({ error: `bad query: ${parsed.message}`, issues: parsed.issues });
    return null;
  }

  app.get('/api/reports/daily', { config }, async (request, reply) => {
    const params = parse(reply, (s) => s.daily, request.query);
    if (!params) return reply;
    const report = await readDailyReport(deps.store, params, identityOf(request).scope);
    return reply.header('cache-control', 'no-store').send(report);
  });

  app.get('/api/reports/daily.csv', { config }, async (request, reply) => {
    const params = parse(reply, (s) => s.daily, request.query);
    if (!params) return reply;
    const csv = await readDailyCsv(deps.store, params, identityOf(request).scope);
    return reply
      .type(csv.contentType)
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${csv.fileName}"`)
      .send(csv.body);
  });

  app.get('/api/reports/conferences', { config }, async (request, reply) => {
    const params = parse(reply, (s) => s.conferences, request.query);
    if (!params) return reply;
    try {
      const page = await readConferences(deps.store, params, identityOf(request).scope);
      return reply.header('cache-control', 'no-store').send(page);
    } catch (error) {
      // A cursor of the right spelling that this server never handed out.
      if (!(error instanceof StoreInputError)) throw error;
      const issue = { param: 'cursor', message: 'is not a cursor this server handed out' };
      return reply.code(400).send({ error: `bad query: cursor ${issue.message}`, issues: [issue] });
    }
  });

  app.get('/api/reports/heatmap', { config }, async (request, reply) => {
    const params = parse(reply, (s) => s.heatmap, request.query);
    if (!params) return reply;
    const heatmap = await readHeatmap(deps.store, params, identityOf(request).scope);
    return reply.header('cache-control', 'no-store').send(heatmap);
  });

  app.get('/api/reports/top', { config }, async (request, reply) => {
    const params = parse(reply, (s) => s.top, request.query);
    if (!params) return reply;
    const top = await readTop(deps.store, params, identityOf(request).scope);
    return reply.header('cache-control', 'no-store').send(top);
  });
}
