import { z } from 'zod';
import type { DaySums } from '@/lib/reports/daily-report';
import type { LocalDay } from '@/lib/reports/zone-time';
import { dbInteger } from './db-rows';
import { parseInput } from './errors';
import { epochMs } from './input-schemas';
import { filterClauses, ReportFilterSchema, type ReportFilter } from './report-filter';
import { sql, type SqlDatabase } from './sql-database';

const DaysSchema = z
  .array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), start: epochMs, end: epochMs }))
  .max(400);

const DayRowSchema = z.object({
  day: z.string(),
  calls: dbInteger,
  conferences: dbInteger,
  size3: dbInteger,
  size4: dbInteger,
  size5: dbInteger,
  size6: dbInteger,
  conference_ms: dbInteger,
  cap_hits: dbInteger,
  cl_conflicts: dbInteger,
  cl_conflict_ms: dbInteger,
  consult_hold_ms: dbInteger,
  consult_hold_episodes: dbInteger,
  consult_hold_longest_ms: dbInteger,
  external_added: dbInteger,
});

const sizeIs = (n: number) => `SUM(CASE WHEN r.size ${n === 6 ? '>=' : '='} ${n} THEN 1 ELSE 0 END)`;

/**
 * The report sums of each local day, in one statement: the days' UTC bounds come in as a VALUES
 * list (computed in JS from the zone) joined on `started_at`, so a call counts on the day it
 * started wherever it ended. Days without calls are absent from the map.
 */
export async function sumReportDays(
  db: SqlDatabase,
  days: readonly LocalDay[],
  filter: ReportFilter,
): Promise<Map<string, DaySums>> {
  const list = parseInput(DaysSchema, days, 'sumReportDays days');
  const f = filterClauses(parseInput(ReportFilterSchema, filter, 'sumReportDays filter'));
  if (list.length === 0) return new Map();
  const values = list.map(() => '(?, CAST(? AS BIGINT), CAST(? AS BIGINT))').join(', ');
  const where = f.clauses.length === 0 ? '' : `WHERE ${f.clauses.join(' AND ')}`;
  const rows = await db.all(
    sql(
      `SELECT d.column1 AS day, COUNT(*) AS calls, SUM(r.conference) AS conferences,
        ${sizeIs(3)} AS size3, ${sizeIs(4)} AS size4, ${sizeIs(5)} AS size5, ${sizeIs(6)} AS size6,
        SUM(r.conference_ms) AS conference_ms,
        SUM(CASE WHEN r.cap_reached > 0 THEN 1 ELSE 0 END) AS cap_hits,
        SUM(CASE WHEN r.cl_conflicts > 0 THEN 1 ELSE 0 END) AS cl_conflicts,
        SUM(r.cl_conflict_ms) AS cl_conflict_ms,
        SUM(r.consult_hold_ms) AS consult_hold_ms,
        SUM(r.consult_hold_episodes) AS consult_hold_episodes,
        MAX(r.consult_hold_longest_ms) AS consult_hold_longest_ms,
        SUM(r.external_added) AS external_added
      FROM (VALUES ${values}) d
      JOIN call_report r ON r.started_at >= d.column2 AND r.started_at < d.column3
      ${where}
      GROUP BY d.column1`,
      ...list.flatMap((d) => [d.date, d.start, d.end]),
      ...f.params,
    ),
  );
  return new Map(
    rows.map((raw) => {
      const r = DayRowSchema.parse(raw);
      const sums: DaySums = {
        calls: r.calls,
        conferences: r.conferences,
        size3: r.size3,
        size4: r.size4,
        size5: r.size5,
        size6: r.size6,
        conferenceMs: r.conference_ms,
        capHits: r.cap_hits,
        contactLensConflicts: r.cl_conflicts,
        contactLensConflictMs: r.cl_conflict_ms,
        consultHoldMs: r.consult_hold_ms,
        consultHoldEpisodes: r.consult_hold_episodes,
        consultHoldLongestMs: r.consult_hold_longest_ms,
        externalPartiesAdded: r.external_added,
      };
      return [r.day, sums];
    }),
  );
}

/** The width of the start-time buckets: every zone's offset is a multiple of it. */
export const START_BUCKET_MS = 900_000;

const BucketRowSchema = z.object({ bucket: dbInteger, conferences: dbInteger });

/**
 * Conferences started in each quarter hour (UTC) of `[start, end)`, for the heat map: a quarter
 * hour lies within one local hour in every zone, so the caller maps buckets to local hours.
 */
export async function countConferenceStarts(
  db: SqlDatabase,
  start: number,
  end: number,
  filter: ReportFilter,
): Promise<{ at: number; conferences: number }[]> {
  const from = parseInput(epochMs, start, 'countConferenceStarts start');
  const to = parseInput(epochMs, end, 'countConferenceStarts end');
  const f = filterClauses(parseInput(ReportFilterSchema, filter, 'countConferenceStarts filter'));
  const rows = await db.all(
    sql(
      `SELECT r.started_at / ${START_BUCKET_MS} AS bucket, COUNT(*) AS conferences FROM call_report r
      WHERE r.started_at >= ? AND r.started_at < ? AND r.conference = 1 ${f.clauses.map((c) => `AND ${c}`).join(' ')}
      GROUP BY r.started_at / ${START_BUCKET_MS}`,
      from,
      to,
      ...f.params,
    ),
  );
  return rows.map((raw) => {
    const r = BucketRowSchema.parse(raw);
    return { at: r.bucket * START_BUCKET_MS, conferences: r.conferences };
  });
}
