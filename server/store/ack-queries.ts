import { z } from 'zod';
import { AlertKindSchema } from '@/lib/realtime/conference-view-schema';
import { dbInteger } from './db-rows';
import { CorruptRowError, describeIssues, parseInput } from './errors';
import { AlertAckSchema, idSchema } from './input-schemas';
import { chunk, placeholders, sql, type SqlDatabase, type SqlRow } from './sql-database';
import type { AlertAck } from './store';

const IDS_PER_SELECT = 500;

const AckRowSchema = z.object({
  conference_id: z.string(),
  kind: AlertKindSchema,
  raised_at: dbInteger,
  acked_by: z.string(),
  acked_at: dbInteger,
});

/**
 * Upserts an acknowledgement. Times are kept as epoch ms, so two spellings of the same instant
 * (`…00Z`, `…00.000Z`, `+01:00`) are the same raising; they come back in `toISOString` form.
 */
export async function saveAck(db: SqlDatabase, ack: AlertAck): Promise<void> {
  const a = parseInput(AlertAckSchema, ack, 'saveAck');
  await db.transact([
    sql(
      'INSERT INTO alert_ack (conference_id, kind, raised_at, acked_by, acked_at) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT (conference_id, kind, raised_at) DO UPDATE SET acked_by = excluded.acked_by, acked_at = excluded.acked_at',
      a.conferenceId,
      a.kind,
      Date.parse(a.raisedAt),
      a.by,
      Date.parse(a.at),
    ),
  ]);
}

/** Every acknowledgement, or those of the given conferences; ordered by conference, raising, kind. */
export async function listAcks(db: SqlDatabase, conferenceIds?: readonly string[]): Promise<AlertAck[]> {
  const columns = 'SELECT conference_id, kind, raised_at, acked_by, acked_at FROM alert_ack';
  const order = 'ORDER BY conference_id, raised_at, kind';
  if (conferenceIds === undefined) return (await db.all(sql(`${columns} ${order}`))).map(toAck);
  const ids = [...new Set(parseInput(z.array(idSchema), conferenceIds, 'listAcks'))];
  const acks: AlertAck[] = [];
  for (const part of chunk(ids, IDS_PER_SELECT)) {
    const rows = await db.all(
      sql(`${columns} WHERE conference_id IN (${placeholders(part.length)}) ${order}`, ...part),
    );
    acks.push(...rows.map(toAck));
  }
  // Chunks come back sorted each; only several need merging.
  return ids.length > IDS_PER_SELECT ? acks.sort(compareAcks) : acks;
}

function toAck(row: SqlRow): AlertAck {
  const r = AckRowSchema.safeParse(row);
  if (!r.success) {
    throw new CorruptRowError(
      'alert_ack',
      `${String(row.conference_id)}/${String(row.kind)}`,
      describeIssues(r.error),
    );
  }
  return {
    conferenceId: r.data.conference_id,
    kind: r.data.kind,
    raisedAt: new Date(r.data.raised_at).toISOString(),
    by: r.data.acked_by,
    at: new Date(r.data.acked_at).toISOString(),
  };
}

/** The SQL order: ids byte-wise (UTF-8), as both dialects sort them by schema. */
function compareAcks(a: AlertAck, b: AlertAck): number {
  const id = Buffer.compare(Buffer.from(a.conferenceId), Buffer.from(b.conferenceId));
  if (id !== 0) return id;
  const at = Date.parse(a.raisedAt) - Date.parse(b.raisedAt);
  if (at !== 0) return at;
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}
