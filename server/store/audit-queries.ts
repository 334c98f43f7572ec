import { z } from 'zod';
import { AuditEntrySchema, type AuditEntry, type LoggedAuditEntry } from './auth-records';
import { dbInteger } from './db-rows';
import { CorruptRowError, parseInput } from './errors';
import { sql, type SqlDatabase } from './sql-database';

export async function appendAudit(db: SqlDatabase, entry: AuditEntry): Promise<void> {
  const e = parseInput(AuditEntrySchema, entry, 'appendAudit');
  await db.transact([
    sql(
      'INSERT INTO audit_log (at, actor, action, target, outcome, ip, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
      e.at,
      e.actor,
      e.action,
      e.target,
      e.outcome,
      e.ip,
      e.detail,
    ),
  ]);
}

const PageSchema = z.object({
  limit: z.number().int().min(1).max(1_000),
  beforeSeq: z.number().int().positive().optional(),
  action: z.string().min(1).max(64).optional(),
  actor: z.string().min(1).max(256).optional(),
});

/** One page of the audit log: how many, before which entry, and of which kind or actor. */
export type AuditPage = {
  limit: number;
  beforeSeq?: number | undefined;
  action?: string | undefined;
  actor?: string | undefined;
};

/** Newest first, `limit` at a time; the next page starts before the last seq of this one. */
export async function listAudit(db: SqlDatabase, page: AuditPage): Promise<LoggedAuditEntry[]> {
  const p = parseInput(PageSchema, page, 'listAudit');
  const conditions: [string, string | number][] = [];
  if (p.beforeSeq !== undefined) conditions.push(['seq < ?', p.beforeSeq]);
  if (p.action !== undefined) conditions.push(['action = ?', p.action]);
  if (p.actor !== undefined) conditions.push(['actor = ?', p.actor]);
  const where = conditions.length > 0 ? ` WHERE ${conditions.map(([c]) => c).join(' AND ')}` : '';
  const rows = await db.all(
    sql(
      `SELECT * FROM audit_log${where} ORDER BY seq DESC LIMIT ?`,
      ...conditions.map(([, value]) => value),
      p.limit,
    ),
  );
  return rows.map((row) => {
    const parsed = AuditEntrySchema.safeParse({
      at: dbInteger.parse(row.at),
      actor: row.actor,
      action: row.action,
      target: row.target ?? null,
      outcome: row.outcome,
      ip: row.ip ?? null,
      detail: row.detail ?? null,
    });
    if (!parsed.success) throw new CorruptRowError('audit_log', String(row.seq), 'not an audit entry');
    return { seq: dbInteger.parse(row.seq), ...parsed.data };
  });
}
