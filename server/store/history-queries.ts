import { z } from 'zod';
import type { ConferenceView } from '@/lib/conference';
import { ConferenceViewSchema } from '@/lib/realtime/conference-view-schema';
import { PictureChangesSchema, type PictureChange } from '@/lib/reports/picture-changes';
import { computeReportFacts } from '@/lib/reports/report-facts';
import { dbInteger, parseJsonColumn } from './db-rows';
import { CorruptRowError, describeIssues, parseInput } from './errors';
import { HISTORY_COLUMNS, toHistoryParams } from './history-row';
import { reportStatements } from './report-rows';
import { epochMs, HistoryQuerySchema, idSchema } from './input-schemas';
import { chunk, placeholders, sql, type SqlDatabase, type SqlRow } from './sql-database';
import type { HistoryQuery } from './store';

/** 12 parameters a row: 100 rows stay far below both dialects' parameter limits. */
const ROWS_PER_UPSERT = 100;
const DEFAULT_LIMIT = 100;

const UPSERT_PREFIX = `INSERT INTO history (${HISTORY_COLUMNS.join(', ')}) VALUES `;
const UPSERT_SUFFIX = ` ON CONFLICT (id) DO UPDATE SET ${HISTORY_COLUMNS.filter((c) => c !== 'id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')}`;

const RecordRowSchema = z.object({ id: z.string(), ended_at: dbInteger, record: z.unknown() });
const IdRowSchema = z.object({ id: z.string() });

/**
 * Upserts ended conferences by id in one transaction, with their report facts; within one call the
 * last record of an id wins.
 */
export async function writeHistory(
  db: SqlDatabase,
  records: readonly ConferenceView[],
  archivedAt: number,
  pictureChanges?: ReadonlyMap<string, readonly PictureChange[]>,
): Promise<void> {
  const at = parseInput(epochMs, archivedAt, 'writeHistory archivedAt');
  const views = parseInput(z.array(ConferenceViewSchema), records, 'writeHistory');
  // One statement may not upsert the same id twice (PostgreSQL refuses), so keep each id's last.
  const latest = new Map(views.map((v) => [v.id, v]));
  const rows = [...latest.values()].map((v) => toHistoryParams(v, at));
  if (rows.length === 0) return;
  const row = `(${placeholders(HISTORY_COLUMNS.length)})`;
  const statements = chunk(rows, ROWS_PER_UPSERT).map((part) => ({
    sql: UPSERT_PREFIX + part.map(() => row).join(', ') + UPSERT_SUFFIX,
    params: part.flat(),
  }));
  // The report facts go in the same transaction: a report never counts a call history lacks.
  await db.transact(
    [
      ...statements,
      ...reportStatements([...latest.values()].map(computeReportFacts)),
      ...pictureStatements(latest, pictureChanges),
    ],
    { serializeOn: 'history' },
  );
}

/** Picture changes are kept for the records written with them; a rewrite without them keeps the old. */
function pictureStatements(
  latest: ReadonlyMap<string, ConferenceView>,
  changes: ReadonlyMap<string, readonly PictureChange[]> | undefined,
) {
  const rows = [...(changes ?? [])].filter(([id]) => latest.has(id));
  if (rows.length === 0) return [];
  const valid = rows.map(([id, c]) => [
    id,
    JSON.stringify(parseInput(PictureChangesSchema, c, 'writeHistory pictureChanges')),
  ]);
  return chunk(valid, ROWS_PER_UPSERT).map((part) => ({
    sql: `INSERT INTO history_picture (id, changes) VALUES ${part.map(() => '(?, ?)').join(', ')} ON CONFLICT (id) DO UPDATE SET changes = excluded.changes`,
    params: part.flat(),
  }));
}

const PictureRowSchema = z.object({ changes: z.unknown() });

/** The picture changes kept with a history record, or null when it was written without them. */
export async function getPictureChanges(db: SqlDatabase, id: string): Promise<PictureChange[] | null> {
  const key = parseInput(idSchema, id, 'getPictureChanges');
  const [row] = await db.all(sql('SELECT changes FROM history_picture WHERE id = ?', key));
  if (!row) return null;
  const parsed = parseJsonColumn(PictureChangesSchema, PictureRowSchema.parse(row).changes);
  if (!parsed.ok) throw new CorruptRowError('history_picture', key, parsed.reason);
  return parsed.value;
}

export async function getHistory(db: SqlDatabase, id: string): Promise<ConferenceView | null> {
  const key = parseInput(idSchema, id, 'getHistory');
  const rows = await db.all(sql('SELECT id, ended_at, record FROM history WHERE id = ?', key));
  return rows.length === 0 ? null : toView(rows[0]!).view;
}

/** Newest ended first (ties by id, descending), at most `limit`. */
export async function listHistory(db: SqlDatabase, query: HistoryQuery): Promise<ConferenceView[]> {
  const q = parseInput(HistoryQuerySchema, query, 'listHistory');
  const limit = q.limit ?? DEFAULT_LIMIT;
  const order = 'ORDER BY ended_at DESC, id DESC LIMIT ?';
  const rows = await db.all(
    q.endedFrom === undefined
      ? sql(`SELECT id, ended_at, record FROM history ${order}`, limit)
      : sql(`SELECT id, ended_at, record FROM history WHERE ended_at >= ? ${order}`, q.endedFrom, limit),
  );
  return rows.map((row) => toView(row).view);
}

/** Ids archived strictly after `archivedAfter`, oldest archive first. */
export async function listArchivedIdsSince(db: SqlDatabase, archivedAfter: number): Promise<string[]> {
  const after = parseInput(epochMs, archivedAfter, 'listArchivedIdsSince');
  const rows = await db.all(
    sql('SELECT id FROM history WHERE archived_at > ? ORDER BY archived_at, id', after),
  );
  return rows.map((r) => IdRowSchema.parse(r).id);
}

/** A history row as its view, checked: a row that does not parse is a CorruptRowError naming it. */
export function toView(row: SqlRow): { view: ConferenceView; endedAt: number } {
  const columns = RecordRowSchema.safeParse(row);
  const id = typeof row.id === 'string' ? row.id : String(row.id);
  if (!columns.success) throw new CorruptRowError('history', id, describeIssues(columns.error));
  const record = parseJsonColumn(ConferenceViewSchema, columns.data.record);
  if (!record.ok) throw new CorruptRowError('history', id, record.reason);
  if (record.value.id !== id)
    throw new CorruptRowError('history', id, `record holds conference ${record.value.id}`);
  return { view: record.value, endedAt: columns.data.ended_at };
}
