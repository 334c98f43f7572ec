import { z } from 'zod';
import { DomainEventSchema } from '@/lib/conference';
import { CountRowSchema, dbInteger, parseJsonColumn } from './db-rows';
import { CorruptEventRowError, describeIssues, parseInput } from './errors';
import { EventLogEntrySchema, epochMs, idSchema } from './input-schemas';
import { chunk, placeholders, sql, type SqlDatabase, type SqlParam } from './sql-database';
import type { EventLogEntry, LoggedEvent } from './store';

/** Rows per INSERT: 3 parameters each keeps well under both dialects' parameter limits. */
const ROWS_PER_INSERT = 500;
const IDS_PER_DELETE = 500;
const MAX_READ = 100_000;

/** `received_at` within the times the engine works with: a restore reads it as a clock. */
const EventRowSchema = z.object({
  root_id: z.string(),
  received_at: dbInteger.pipe(epochMs),
  event: z.unknown(),
});

/** Writes every entry once per root it touches (once with root `''` if none), in one transaction. */
export async function appendEvents(db: SqlDatabase, entries: readonly EventLogEntry[]): Promise<void> {
  const parsed = parseInput(z.array(EventLogEntrySchema), entries, 'appendEvents');
  const rows: SqlParam[][] = [];
  for (const entry of parsed) {
    const json = JSON.stringify(entry.event);
    const roots = entry.roots.length === 0 ? [''] : [...new Set(entry.roots)];
    for (const root of roots) rows.push([root, entry.receivedAt, json]);
  }
  if (rows.length === 0) return;
  const statements = chunk(rows, ROWS_PER_INSERT).map((part) => ({
    sql: `INSERT INTO event_log (root_id, received_at, event) VALUES ${part.map(() => '(?, ?, ?)').join(', ')}`,
    params: part.flat(),
  }));
  await db.transact(statements, { serializeOn: 'event_log' });
}

/** Rows after `afterSeq` in seq order; a row that is not a valid event throws, naming its seq. */
export async function readEventLog(db: SqlDatabase, afterSeq: number, limit: number): Promise<LoggedEvent[]> {
  const after = parseInput(z.number().int().min(0), afterSeq, 'readEventLog afterSeq');
  const max = parseInput(z.number().int().min(1).max(MAX_READ), limit, 'readEventLog limit');
  const rows = await db.all(
    sql(
      'SELECT seq, root_id, received_at, event FROM event_log WHERE seq > ? ORDER BY seq LIMIT ?',
      after,
      max,
    ),
  );
  const events: LoggedEvent[] = [];
  for (const row of rows) {
    const seq = dbInteger.parse(row.seq);
    const root = typeof row.root_id === 'string' && row.root_id !== '' ? row.root_id : undefined;
    const columns = EventRowSchema.safeParse(row);
    if (!columns.success) throw new CorruptEventRowError(seq, describeIssues(columns.error), events, root);
    const event = parseJsonColumn(DomainEventSchema, columns.data.event);
    if (!event.ok) throw new CorruptEventRowError(seq, event.reason, events, root);
    events.push({
      seq,
      rootId: columns.data.root_id,
      receivedAt: columns.data.received_at,
      event: event.value,
    });
  }
  return events;
}

/** Deletes every row of the given conferences; resolves with the number of rows deleted. */
export async function deleteEventsForRoots(db: SqlDatabase, rootIds: readonly string[]): Promise<number> {
  const ids = parseInput(z.array(idSchema), rootIds, 'deleteEventsForRoots');
  if (ids.length === 0) return 0;
  const statements = chunk([...new Set(ids)], IDS_PER_DELETE).map((part) =>
    sql(`DELETE FROM event_log WHERE root_id IN (${placeholders(part.length)})`, ...part),
  );
  const counts = await db.transact(statements);
  return counts.reduce((sum, n) => sum + n, 0);
}

/** Deletes rows that touch no conference and were received before `receivedAt`. */
export async function deleteRootlessEventsBefore(db: SqlDatabase, receivedAt: number): Promise<number> {
  const before = parseInput(epochMs, receivedAt, 'deleteRootlessEventsBefore');
  const [count] = await db.transact([
    sql("DELETE FROM event_log WHERE root_id = '' AND received_at < ?", before),
  ]);
  return count ?? 0;
}

export async function countEventLog(db: SqlDatabase): Promise<number> {
  const [row] = await db.all(sql('SELECT COUNT(*) AS n FROM event_log'));
  return CountRowSchema.parse(row).n;
}

/**
 * Moves one event log row to the quarantine table, with why, in one transaction: a row that can
 * never be restored must not keep a store from starting. Resolves with whether the row was there.
 */
export async function quarantineEvent(
  db: SqlDatabase,
  seq: number,
  reason: string,
  quarantinedAt: number,
): Promise<boolean> {
  const row = parseInput(z.number().int().min(1), seq, 'quarantineEvent seq');
  const at = parseInput(epochMs, quarantinedAt, 'quarantineEvent quarantinedAt');
  const why = parseInput(z.string().min(1), reason, 'quarantineEvent reason').slice(0, 2_000);
  const [copied] = await db.transact(
    [
      sql(
        `INSERT INTO event_quarantine (seq, root_id, received_at, event, reason, quarantined_at)
         SELECT seq, root_id, received_at, event, ?, ? FROM event_log WHERE seq = ?`,
        why,
        at,
        row,
      ),
      sql('DELETE FROM event_log WHERE seq = ?', row),
    ],
    { serializeOn: 'event_log' },
  );
  return (copied ?? 0) > 0;
}

export async function countQuarantine(db: SqlDatabase): Promise<number> {
  const [row] = await db.all(sql('SELECT COUNT(*) AS n FROM event_quarantine'));
  return CountRowSchema.parse(row).n;
}
