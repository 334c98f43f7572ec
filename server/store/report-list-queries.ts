import { z } from 'zod';
import { ConferenceModeSchema } from '@/lib/conference';
import type { ReportConference, ReportConferencePage, TopEntry } from '@/lib/reports/report-responses';
import { dbInteger } from './db-rows';
import { parseInput, StoreInputError } from './errors';
import { epochMs } from './input-schemas';
import { filterClauses, ReportFilterSchema, type ReportFilter } from './report-filter';
import { placeholders, sql, type SqlDatabase, type SqlParam } from './sql-database';

export type { ReportConference, ReportConferencePage, TopEntry };

const TopQuerySchema = z.strictObject({
  by: z.enum(['agents', 'queues']),
  start: epochMs,
  end: epochMs,
  limit: z.number().int().min(1).max(1_000),
});
const TopRowSchema = z.object({
  member_key: z.string(),
  name: z.string().nullable(),
  conferences: dbInteger,
  parties_added: dbInteger,
});

/**
 * The agents (or queues) with the most conferences started in `[start, end)`: for an agent the
 * conferences they were on and the parties they added (R8), for a queue its conferences and the
 * parties added on them. Most conferences first, then most parties added, then by key.
 */
export async function topReportMembers(
  db: SqlDatabase,
  query: { by: 'agents' | 'queues'; start: number; end: number; limit: number },
  filter: ReportFilter,
): Promise<TopEntry[]> {
  const q = parseInput(TopQuerySchema, query, 'topReportMembers');
  const f = filterClauses(parseInput(ReportFilterSchema, filter, 'topReportMembers filter'));
  // Unfiltered, the members alone answer (from the covering index call_member_top); a filter's
  // clauses are on the call.
  const join = f.clauses.length > 0 ? 'JOIN call_report r ON r.id = m.call_id' : '';
  const rows = await db.all(
    sql(
      `SELECT m.member_key, MAX(m.member_name) AS name, COUNT(*) AS conferences, SUM(m.parties_added) AS parties_added
      FROM call_member m ${join}
      WHERE m.kind = ? AND m.conference = 1 AND m.started_at >= ? AND m.started_at < ?
      ${f.clauses.map((c) => `AND ${c}`).join(' ')}
      GROUP BY m.member_key
      ORDER BY conferences DESC, parties_added DESC, m.member_key
      LIMIT ?`,
      q.by === 'agents' ? 'agent' : 'queue',
      q.start,
      q.end,
      ...f.params,
      q.limit,
    ),
  );
  return rows.map((raw) => {
    const r = TopRowSchema.parse(raw);
    return { key: r.member_key, name: r.name, conferences: r.conferences, partiesAdded: r.parties_added };
  });
}

const CallsQuerySchema = z.strictObject({
  start: epochMs,
  end: epochMs,
  size: z.number().int().min(3).max(6).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.number().int().min(1).max(1_000),
});
const CallRowSchema = z.object({
  id: z.string(),
  started_at: dbInteger,
  ended_at: dbInteger,
  mode: ConferenceModeSchema,
  queue_arn: z.string().nullable(),
  queue_name: z.string().nullable(),
  size: dbInteger,
  cap: dbInteger,
  conference_ms: dbInteger,
  at_cap_ms: dbInteger,
  cap_reached: dbInteger,
  cl_conflict_ms: dbInteger,
  consult_hold_ms: dbInteger,
  consult_hold_longest_ms: dbInteger,
  external_added: dbInteger,
  parties_added: dbInteger,
});
const AgentRowSchema = z.object({
  call_id: z.string(),
  member_key: z.string(),
  member_name: z.string().nullable(),
});
const CursorSchema = z.tuple([epochMs, z.string().min(1).max(256)]);

const seconds = (ms: number) => Math.round(ms / 100) / 10;

export function encodeCursor(startedAt: number, id: string): string {
  return Buffer.from(JSON.stringify([startedAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): [number, string] {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new StoreInputError('listReportConferences: cursor is not a cursor this server handed out');
  }
}

/**
 * The conferences that started in `[start, end)`, oldest first, a page at a time: the cursor is
 * the last row's (start, id), so pages neither skip nor repeat a call written meanwhile before it.
 * `size` 6 includes calls that went over the cap (a platform fault).
 */
export async function listReportConferences(
  db: SqlDatabase,
  query: { start: number; end: number; size?: number; cursor?: string; limit: number },
  filter: ReportFilter,
): Promise<ReportConferencePage> {
  const q = parseInput(CallsQuerySchema, query, 'listReportConferences');
  const f = filterClauses(parseInput(ReportFilterSchema, filter, 'listReportConferences filter'));
  const clauses = ['r.started_at >= ?', 'r.started_at < ?', 'r.conference = 1', ...f.clauses];
  const params: SqlParam[] = [q.start, q.end, ...f.params];
  if (q.size !== undefined) {
    clauses.push(q.size === 6 ? 'r.size >= ?' : 'r.size = ?');
    params.push(q.size);
  }
  if (q.cursor !== undefined) {
    const [at, id] = decodeCursor(q.cursor);
    clauses.push('(r.started_at > ? OR (r.started_at = ? AND r.id > ?))');
    params.push(at, at, id);
  }
  const rows = (
    await db.all(
      sql(
        `SELECT r.* FROM call_report r WHERE ${clauses.join(' AND ')} ORDER BY r.started_at, r.id LIMIT ?`,
        ...params,
        q.limit + 1,
      ),
    )
  ).map((raw) => CallRowSchema.parse(raw));
  const page = rows.slice(0, q.limit);
  const agents = new Map<string, { arn: string; name: string | null }[]>();
  if (page.length > 0) {
    const agentRows = await db.all(
      sql(
        `SELECT call_id, member_key, member_name FROM call_member WHERE kind = 'agent' AND call_id IN (${placeholders(page.length)}) ORDER BY call_id, member_key`,
        ...page.map((r) => r.id),
      ),
    );
    for (const raw of agentRows) {
      const a = AgentRowSchema.parse(raw);
      agents.set(a.call_id, [...(agents.get(a.call_id) ?? []), { arn: a.member_key, name: a.member_name }]);
    }
  }
  const last = page[page.length - 1];
  return {
    conferences: page.map((r) => ({
      id: r.id,
      startedAt: new Date(r.started_at).toISOString(),
      endedAt: new Date(r.ended_at).toISOString(),
      mode: r.mode,
      queue: r.queue_arn === null ? null : { arn: r.queue_arn, name: r.queue_name },
      size: r.size,
      cap: r.cap,
      agents: agents.get(r.id) ?? [],
      conferenceSeconds: seconds(r.conference_ms),
      atCapSeconds: seconds(r.at_cap_ms),
      capReached: r.cap_reached,
      contactLensConflictSeconds: seconds(r.cl_conflict_ms),
      consultHoldSeconds: seconds(r.consult_hold_ms),
      consultHoldLongestSeconds: seconds(r.consult_hold_longest_ms),
      externalPartiesAdded: r.external_added,
      partiesAdded: r.parties_added,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.started_at, last.id) : null,
  };
}
