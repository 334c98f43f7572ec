import type { CallReportFacts } from '@/lib/reports';
import { rebuildDirtySlots, slotOf } from './report-slots';
import { chunk, placeholders, sql, type SqlParam, type SqlStatement } from './sql-database';

const REPORT_COLUMNS = [
  'id',
  'started_at',
  'slot',
  'ended_at',
  'mode',
  'queue_arn',
  'queue_name',
  'size',
  'cap',
  'conference',
  'conference_ms',
  'at_cap_ms',
  'cap_reached',
  'cl_conflict_ms',
  'cl_conflicts',
  'consult_hold_ms',
  'consult_hold_episodes',
  'consult_hold_longest_ms',
  'external_added',
  'parties_added',
] as const;
const MEMBER_COLUMNS = [
  'call_id',
  'kind',
  'member_key',
  'member_name',
  'started_at',
  'conference',
  'parties_added',
] as const;

/** Rows a statement at most: far below both dialects' parameter limits at these widths. */
const ROWS_PER_INSERT = 50;

function reportRow(f: CallReportFacts): SqlParam[] {
  const queue = f.queues[0];
  return [
    f.id,
    f.startedAt,
    slotOf(f.startedAt),
    f.endedAt,
    f.mode,
    queue?.arn ?? null,
    queue?.name ?? null,
    f.size,
    f.cap,
    f.size >= 3 ? 1 : 0,
    f.conferenceMs,
    f.atCapMs,
    f.capReached,
    f.contactLensConflictMs,
    f.contactLensConflicts,
    f.consultHoldMs,
    f.consultHoldEpisodes,
    f.consultHoldLongestMs,
    f.externalPartiesAdded,
    f.partiesAdded,
  ];
}

function memberRows(f: CallReportFacts): SqlParam[][] {
  const conference = f.size >= 3 ? 1 : 0;
  return [
    ...f.agents.map((a) => [f.id, 'agent', a.arn, a.name, f.startedAt, conference, a.partiesAdded]),
    ...f.queues.map((q) => [f.id, 'queue', q.arn, q.name, f.startedAt, conference, f.partiesAdded]),
  ];
}

function inserts(table: string, columns: readonly string[], rows: SqlParam[][]): SqlStatement[] {
  const row = `(${placeholders(columns.length)})`;
  return chunk(rows, ROWS_PER_INSERT).map((part) => ({
    sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${part.map(() => row).join(', ')}`,
    params: part.flat(),
  }));
}

function queueNameStatements(all: readonly CallReportFacts[]): SqlStatement[] {
  const pairs = new Map<string, [string, string]>();
  for (const f of all)
    for (const q of f.queues) pairs.set(`${q.arn}\n${q.name ?? ''}`, [q.arn, q.name ?? '']);
  return chunk([...pairs.values()], 200).map((part) =>
    sql(
      `INSERT INTO report_queue (arn, name) VALUES ${part.map(() => '(?, ?)').join(', ')} ON CONFLICT (arn, name) DO NOTHING`,
      ...part.flat(),
    ),
  );
}

/**
 * The statements that file the report facts of these calls, replacing whatever was filed for them
 * before: run in the history write's transaction, a retried or late rewrite never duplicates.
 */
export function reportStatements(all: readonly CallReportFacts[]): SqlStatement[] {
  if (all.length === 0) return [];
  const deletes = chunk(
    all.map((f) => f.id),
    500,
  ).flatMap((ids) =>
    ['call_report WHERE id', 'call_scope WHERE call_id', 'call_member WHERE call_id'].map((target) =>
      sql(`DELETE FROM ${target} IN (${placeholders(ids.length)})`, ...ids),
    ),
  );
  const ids = all.map((f) => f.id);
  const newSlots = [...new Set(all.map((f) => slotOf(f.startedAt)))];
  return [
    // The quarter hours the replaced rows were in, before they go.
    ...chunk(ids, 500).map((part) =>
      sql(
        `INSERT INTO call_slot_dirty (slot) SELECT DISTINCT slot FROM call_report WHERE id IN (${placeholders(part.length)}) ON CONFLICT (slot) DO NOTHING`,
        ...part,
      ),
    ),
    ...deletes,
    ...inserts('call_report', REPORT_COLUMNS, all.map(reportRow)),
    ...chunk(newSlots, 500).map((part) =>
      sql(
        `INSERT INTO call_slot_dirty (slot) VALUES ${part.map(() => '(?)').join(', ')} ON CONFLICT (slot) DO NOTHING`,
        ...part,
      ),
    ),
    ...rebuildDirtySlots(),
    ...queueNameStatements(all),
    ...inserts(
      'call_scope',
      ['call_id', 'scope_key'],
      all.flatMap((f) => f.scopeKeys.map((k) => [f.id, k])),
    ),
    ...inserts('call_member', MEMBER_COLUMNS, all.flatMap(memberRows)),
  ];
}
